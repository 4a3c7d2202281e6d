import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ProgressVerdict } from '@cert/domain';
import type { RecordProgressConfirmationRequest, RequestProgressConfirmationRequest } from '@cert/contracts';
import { INDICATOR_CODE } from '../applications/assessment.dto';

export class RequestProgressConfirmationDto implements RequestProgressConfirmationRequest {
  @ApiProperty({ description: 'the reviewer asked to confirm the latest yearly update' }) @IsUUID('4') readonly reviewerId!: string;
}

export class ProgressVerdictDto implements ProgressVerdict {
  @ApiProperty({ example: 'EC1.Leaders1' }) @IsString() @Matches(INDICATOR_CODE) readonly indicator!: string;
  @ApiProperty({ enum: ['confirmed', 'disputed'] }) @IsIn(['confirmed', 'disputed']) readonly verdict!: 'confirmed' | 'disputed';
  @ApiProperty({ description: 'required when disputed' }) @IsString() @MaxLength(2000) readonly comment!: string;
}

export class RecordProgressConfirmationDto implements RecordProgressConfirmationRequest {
  @ApiProperty({ type: [ProgressVerdictDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => ProgressVerdictDto)
  readonly verdicts!: ProgressVerdictDto[];
}
