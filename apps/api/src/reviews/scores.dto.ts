import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IndicatorScore, Level, OUTCOMES, Outcome } from '@cert/domain';
import type { ScoresRequest, SubmitScoresRequest } from '@cert/contracts';
import { INDICATOR_CODE } from '../applications/assessment.dto';

export class IndicatorScoreDto implements IndicatorScore {
  @ApiProperty({ example: 'EC1.Leaders1' }) @IsString() @Matches(INDICATOR_CODE) readonly indicator!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) readonly level!: Level;
  @ApiProperty() @IsString() @MaxLength(4000) readonly comment!: string;
}

export class ScoresDraftDto implements ScoresRequest {
  @ApiProperty({ type: [IndicatorScoreDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => IndicatorScoreDto)
  readonly scores!: IndicatorScoreDto[];
}

export class SubmitScoresDto implements SubmitScoresRequest {
  @ApiProperty({ type: [IndicatorScoreDto] })
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => IndicatorScoreDto)
  readonly scores!: IndicatorScoreDto[];
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) readonly recommendation!: Outcome;
}
