import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsISO8601,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IndicatorRating, Level } from '@cert/domain';
import type { ExtendDeadlineRequest, RatingsRequest, RejectSurveyRequest } from '@cert/contracts';
import { FieldCopy, Label } from '../http/field-messages';

/** Shape only; whether the code names an indicator of the pinned rubric is the decider's rule. */
export const INDICATOR_CODE = /^EC\d\.[A-Za-z ]{1,40}\d{1,2}$/;
export const INDICATOR_COPY: FieldCopy = { label: 'the indicator', verb: 'Name', format: 'as the IC Map codes it, like EC1.Leaders1' };

/** An indicator of the IC Map named by its code, as every rating, score and ruling names it. */
export const IndicatorField = (example: string) =>
  applyDecorators(Label(INDICATOR_COPY), ApiProperty({ example }), IsString(), Matches(INDICATOR_CODE));

/** A level of the rubric, 1 to 5, as every rating, score and ruling gives it. */
export const LevelField = () =>
  applyDecorators(Label({ label: 'a level', verb: 'Choose' }), ApiProperty({ minimum: 1, maximum: 5 }), IsInt(), Min(1), Max(5));

export class IndicatorRatingDto implements IndicatorRating {
  @IndicatorField('EC1.Leaders1')
  readonly indicator!: string;
  @LevelField()
  readonly level!: Level;
  @Label('the evidence')
  @ApiProperty({ example: 'SLT minutes, parent survey results' })
  @IsString()
  @MaxLength(4000)
  readonly evidence!: string;
}

export class AssessmentDraftDto implements RatingsRequest {
  @Label({ label: 'the ratings', verb: 'Give', item: ['rating', 'ratings'] })
  @ApiProperty({ type: [IndicatorRatingDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => IndicatorRatingDto)
  readonly ratings!: IndicatorRatingDto[];
}

/** Final ratings are merged over the saved draft, so an empty list submits the draft as it is. */
export class SubmitAssessmentDto implements RatingsRequest {
  @Label({ label: 'the ratings', verb: 'Give', item: ['rating', 'ratings'] })
  @ApiProperty({ type: [IndicatorRatingDto] })
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => IndicatorRatingDto)
  readonly ratings!: IndicatorRatingDto[];
}

export class RejectSurveyDto implements RejectSurveyRequest {
  @Label('the reason for rejecting the survey')
  @ApiProperty({ example: 'The program has not started yet.' })
  @IsString()
  @Length(5, 2000)
  readonly reason!: string;
}

export class ExtendDeadlineDto implements ExtendDeadlineRequest {
  @Label('the new due date')
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
  readonly dueAt!: string;
  @Label('the reason for the extension')
  @ApiProperty()
  @IsString()
  @Length(5, 2000)
  readonly reason!: string;
}
