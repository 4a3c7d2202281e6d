import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IndicatorScore, Level, OUTCOMES, Outcome } from '@cert/domain';
import type { ScoresRequest, SubmitScoresRequest } from '@cert/contracts';
import { INDICATOR_CODE, INDICATOR_COPY } from '../applications/assessment.dto';
import { Label } from '../http/field-messages';

export class IndicatorScoreDto implements IndicatorScore {
  @Label(INDICATOR_COPY)
  @ApiProperty({ example: 'EC1.Leaders1' })
  @IsString()
  @Matches(INDICATOR_CODE)
  readonly indicator!: string;
  @Label({ label: 'a level', verb: 'Choose' })
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  readonly level!: Level;
  @Label('a comment')
  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  readonly comment!: string;
}

export class ScoresDraftDto implements ScoresRequest {
  @Label({ label: 'the scores', verb: 'Give', item: ['score', 'scores'] })
  @ApiProperty({ type: [IndicatorScoreDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => IndicatorScoreDto)
  readonly scores!: IndicatorScoreDto[];
}

export class SubmitScoresDto implements SubmitScoresRequest {
  @Label({ label: 'the scores', verb: 'Give', item: ['score', 'scores'] })
  @ApiProperty({ type: [IndicatorScoreDto] })
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => IndicatorScoreDto)
  readonly scores!: IndicatorScoreDto[];
  @Label('what the board should decide')
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  readonly recommendation!: Outcome;
}
