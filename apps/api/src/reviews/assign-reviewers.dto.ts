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

export class AssignReviewersDto implements AssignReviewersRequest {
  @ApiProperty({ enum: ['manual', 'auto'] }) @IsIn(['manual', 'auto']) readonly mode!: 'manual' | 'auto';
  @ApiProperty({ required: false, description: 'manual: the reviewers to assign' })
  @ValidateIf((o: AssignReviewersDto) => o.mode === 'manual')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  readonly reviewerIds?: string[];
  @ApiProperty({ required: false, description: 'auto: how many (default: the policy, 2)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  readonly count?: number;
}

export class ReleaseReviewerDto implements ReleaseReviewerRequest {
  @ApiProperty() @IsString() @Length(3, 2000) readonly reason!: string;
}
