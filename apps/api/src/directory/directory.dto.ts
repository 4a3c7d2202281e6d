import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { DIRECTORY_FIELDS, DirectoryField, FOCUS_AREAS_MAX, FOCUS_AREA_MAX_CHARS, SUMMARY_MAX_CHARS } from '@cert/domain';
import type { DirectoryListingRequest, DirectoryQuery } from '@cert/contracts';
import { ReadQueryDto } from '../http/read-query.dto';
import { PlainText } from '../http/plain-text';
import { Label } from '../http/field-messages';

/** The leader's opt-in. Only the fields listed show; a text sent for a field not listed is dropped. */
export class DirectoryListingDto implements DirectoryListingRequest {
  @Label({ label: 'the details to show', verb: 'Choose', item: ['detail', 'details'] })
  @ApiProperty({ enum: DIRECTORY_FIELDS, isArray: true, example: ['leaderName', 'institution', 'country', 'summary'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(DIRECTORY_FIELDS.length)
  @IsIn(DIRECTORY_FIELDS, { each: true })
  readonly fields!: DirectoryField[];

  @Label({ label: 'the focus areas', item: ['focus area', 'focus areas'] })
  @ApiProperty({ required: false, type: [String], example: ['Robotics', 'Fab Labs'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FOCUS_AREAS_MAX)
  @IsString({ each: true })
  @MaxLength(FOCUS_AREA_MAX_CHARS, { each: true })
  @PlainText({ each: true })
  readonly focusAreas?: string[];

  @Label('a summary')
  @ApiProperty({
    required: false,
    nullable: true,
    maxLength: SUMMARY_MAX_CHARS,
    description: "a short best-practice summary in the leader's own words",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(SUMMARY_MAX_CHARS)
  @PlainText()
  readonly summary?: string | null;
}

/** Filters over what entries show (a hidden field is never matched). */
export class DirectoryQueryDto extends ReadQueryDto implements DirectoryQuery {
  @Label('a year')
  @ApiProperty({ required: false, example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2199)
  readonly year?: number;
  @Label('a country')
  @ApiProperty({ required: false, example: 'US' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly country?: string;
  @Label('the words to search for')
  @ApiProperty({ required: false, example: 'robotics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly q?: string;
}
