import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { EVIDENCE_PURPOSES, EvidencePurpose } from '@cert/domain';
import type { AddEvidenceLinkRequest } from '@cert/contracts';
import { INDICATOR_CODE } from '../applications/assessment.dto';
import { ReadQueryDto } from '../http/read-query.dto';

const PURPOSE = { message: 'Say what the evidence is for: assessment or progress' };
const INDICATOR = { message: 'Name the indicator the evidence is for, as the IC Map codes it (for example EC1.Leaders1)' };

/** Where an uploaded document goes; in the query string, so it is known before the file's first byte arrives. */
export class EvidenceUploadQueryDto {
  @ApiProperty({ enum: EVIDENCE_PURPOSES }) @IsIn(EVIDENCE_PURPOSES, PURPOSE) readonly purpose!: EvidencePurpose;
  @ApiProperty({ example: 'EC1.Leaders1' }) @IsString(INDICATOR) @Matches(INDICATOR_CODE, INDICATOR) readonly indicator!: string;
  @ApiPropertyOptional({ description: 'A document of the same draft this one replaces' })
  @IsOptional()
  @IsUUID('4', { message: 'Name the document to replace by its id' })
  readonly replaces?: string;
}

export class AddEvidenceLinkDto implements AddEvidenceLinkRequest {
  @ApiProperty({ enum: EVIDENCE_PURPOSES }) @IsIn(EVIDENCE_PURPOSES, PURPOSE) readonly purpose!: EvidencePurpose;
  @ApiProperty({ example: 'EC1.Leaders1' }) @IsString(INDICATOR) @Matches(INDICATOR_CODE, INDICATOR) readonly indicator!: string;
  @ApiProperty({ example: 'https://riverside.edu/slt-minutes' })
  @IsString({ message: 'Enter the web address of the evidence' })
  @MaxLength(2000, { message: 'Enter a web address of at most 2,000 characters' })
  readonly url!: string;
  @ApiPropertyOptional({ example: 'SLT minutes, 2025-26' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Enter a title of at most 200 characters' })
  readonly title?: string;
}

export class DocumentQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: '1 to save the document instead of opening it in the browser' })
  @IsOptional()
  @IsIn(['1', 'true'])
  readonly download?: string;
}
