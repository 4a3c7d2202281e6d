import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { Level, OUTCOMES, Outcome } from '@cert/domain';
import type { RecordDecisionRequest, ResolveAdjudicationRequest, Ruling } from '@cert/contracts';
import { IndicatorField, LevelField } from '../applications/assessment.dto';
import { Label } from '../http/field-messages';

export class RulingDto implements Ruling {
  @IndicatorField('EC2.Leaders1')
  readonly indicator!: string;
  @LevelField()
  readonly level!: Level;
}

export class ResolveAdjudicationDto implements ResolveAdjudicationRequest {
  @Label({ label: 'the rulings', verb: 'Give', item: ['ruling', 'rulings'] })
  @ApiProperty({ type: [RulingDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => RulingDto)
  readonly rulings!: RulingDto[];
  @Label('a justification')
  @ApiProperty()
  @IsString()
  @Length(5, 4000)
  readonly justification!: string;
}

export class RecordDecisionDto implements RecordDecisionRequest {
  @Label('a decision')
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  readonly outcome!: Outcome;
  @Label('a justification')
  @ApiProperty({ required: false, description: 'required (20+ characters) to overrule the recommendation' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  readonly justification?: string;
}
