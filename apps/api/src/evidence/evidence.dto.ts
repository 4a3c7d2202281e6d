import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { EVIDENCE_PURPOSES, EvidencePurpose } from '@cert/domain';
import type { AddEvidenceLinkRequest } from '@cert/contracts';
import { INDICATOR_CODE, INDICATOR_COPY } from '../applications/assessment.dto';
import { ReadQueryDto } from '../http/read-query.dto';
import { FieldCopy, Label } from '../http/field-messages';

const PURPOSE: FieldCopy = { label: 'what the evidence is for', verb: 'Say' };
const INDICATOR: FieldCopy = { ...INDICATOR_COPY, label: 'the indicator the evidence is for' };

/** Where an uploaded document goes; in the query string, so it is known before the file's first byte arrives. */
export class EvidenceUploadQueryDto {
  @Label(PURPOSE)
  @ApiProperty({ enum: EVIDENCE_PURPOSES })
  @IsIn(EVIDENCE_PURPOSES)
  readonly purpose!: EvidencePurpose;
  @Label(INDICATOR)
  @ApiProperty({ example: 'EC1.Leaders1' })
  @IsString()
  @Matches(INDICATOR_CODE)
  readonly indicator!: string;
  @Label({ label: 'the document to replace', verb: 'Choose' })
  @ApiPropertyOptional({ description: 'A document of the same draft this one replaces' })
  @IsOptional()
  @IsUUID('4')
  readonly replaces?: string;
}

export class AddEvidenceLinkDto implements AddEvidenceLinkRequest {
  @Label(PURPOSE)
  @ApiProperty({ enum: EVIDENCE_PURPOSES })
  @IsIn(EVIDENCE_PURPOSES)
  readonly purpose!: EvidencePurpose;
  @Label(INDICATOR)
  @ApiProperty({ example: 'EC1.Leaders1' })
  @IsString()
  @Matches(INDICATOR_CODE)
  readonly indicator!: string;
  @Label('a web address')
  @ApiProperty({ example: 'https://riverside.edu/slt-minutes' })
  @IsString()
  @MaxLength(2000)
  readonly url!: string;
  @Label('a title')
  @ApiPropertyOptional({ example: 'SLT minutes, 2025-26' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly title?: string;
}

export class DocumentQueryDto extends ReadQueryDto {
  @Label({ label: 'whether to download the document', choices: '1 or true' })
  @ApiPropertyOptional({ description: '1 to save the document instead of opening it in the browser' })
  @IsOptional()
  @IsIn(['1', 'true'])
  readonly download?: string;
}
