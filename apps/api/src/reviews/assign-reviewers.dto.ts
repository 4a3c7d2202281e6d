import { ApiProperty } from '@nestjs/swagger';
import type { AssignReviewersRequest, ReleaseReviewerRequest } from '@cert/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Label } from '../http/field-messages';

export class AssignReviewersDto implements AssignReviewersRequest {
  @Label('how to assign reviewers')
  @ApiProperty({ enum: ['manual', 'auto'] })
  @IsIn(['manual', 'auto'])
  readonly mode!: 'manual' | 'auto';
  @Label({ label: 'the reviewers', verb: 'Choose', item: ['reviewer', 'reviewers'] })
  @ApiProperty({ required: false, description: 'manual: the reviewers to assign' })
  @ValidateIf((o: AssignReviewersDto) => o.mode === 'manual')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  readonly reviewerIds?: string[];
  @Label('how many reviewers to assign')
  @ApiProperty({ required: false, description: 'auto: how many (default: the policy, 2)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  readonly count?: number;
}

export class ReleaseReviewerDto implements ReleaseReviewerRequest {
  @Label('the reason for releasing the reviewer')
  @ApiProperty()
  @IsString()
  @Length(3, 2000)
  readonly reason!: string;
}
