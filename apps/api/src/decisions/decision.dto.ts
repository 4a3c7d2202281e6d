import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Level, OUTCOMES, Outcome } from '@cert/domain';
import type { RecordDecisionRequest, ResolveAdjudicationRequest, Ruling } from '@cert/contracts';
import { INDICATOR_CODE } from '../applications/assessment.dto';

export class RulingDto implements Ruling {
  @ApiProperty({ example: 'EC2.Leaders1' }) @IsString() @Matches(INDICATOR_CODE) readonly indicator!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) readonly level!: Level;
}

export class ResolveAdjudicationDto implements ResolveAdjudicationRequest {
  @ApiProperty({ type: [RulingDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => RulingDto)
  readonly rulings!: RulingDto[];
  @ApiProperty() @IsString() @Length(5, 4000) readonly justification!: string;
}

export class RecordDecisionDto implements RecordDecisionRequest {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) readonly outcome!: Outcome;
  @ApiProperty({ required: false, description: 'required (20+ characters) to overrule the recommendation' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  readonly justification?: string;
}
