import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ProgressVerdict } from '@cert/domain';
import type { RecordProgressConfirmationRequest, RequestProgressConfirmationRequest } from '@cert/contracts';
import { INDICATOR_CODE, INDICATOR_COPY } from '../applications/assessment.dto';
import { Label } from '../http/field-messages';

export class RequestProgressConfirmationDto implements RequestProgressConfirmationRequest {
  @Label({ label: 'the reviewer', verb: 'Choose' })
  @ApiProperty({ description: 'the reviewer asked to confirm the latest yearly update' })
  @IsUUID('4')
  readonly reviewerId!: string;
}

export class ProgressVerdictDto implements ProgressVerdict {
  @Label(INDICATOR_COPY)
  @ApiProperty({ example: 'EC1.Leaders1' })
  @IsString()
  @Matches(INDICATOR_CODE)
  readonly indicator!: string;
  @Label('a verdict')
  @ApiProperty({ enum: ['confirmed', 'disputed'] })
  @IsIn(['confirmed', 'disputed'])
  readonly verdict!: 'confirmed' | 'disputed';
  @Label('a comment')
  @ApiProperty({ description: 'required when disputed' })
  @IsString()
  @MaxLength(2000)
  readonly comment!: string;
}

export class RecordProgressConfirmationDto implements RecordProgressConfirmationRequest {
  @Label({ label: 'the verdicts', verb: 'Give', item: ['verdict', 'verdicts'] })
  @ApiProperty({ type: [ProgressVerdictDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => ProgressVerdictDto)
  readonly verdicts!: ProgressVerdictDto[];
}
