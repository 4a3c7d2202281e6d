import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IndicatorScore, Level, OUTCOMES, Outcome } from '@cert/domain';
import type { ScoresRequest, SubmitScoresRequest } from '@cert/contracts';
import { IndicatorField, LevelField } from '../applications/assessment.dto';
import { Label } from '../http/field-messages';

export class IndicatorScoreDto implements IndicatorScore {
  @IndicatorField('EC1.Leaders1')
  readonly indicator!: string;
  @LevelField()
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
