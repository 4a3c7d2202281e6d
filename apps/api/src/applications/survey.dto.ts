import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSTITUTION_TYPES, InstitutionType } from '@cert/domain';
import type { Institution, SubmitSurveyRequest } from '@cert/contracts';

export class InstitutionDto implements Institution {
  @ApiProperty({ example: 'Riverside STEM Academy' }) @IsString() @Length(2, 200) readonly name!: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) @IsIn(INSTITUTION_TYPES) readonly type!: InstitutionType;
  @ApiProperty({ example: 'US' }) @IsString() @Length(2, 80) readonly country!: string;
  @ApiProperty({ example: 'South Carolina' }) @IsString() @Length(2, 120) readonly region!: string;
}

/** The intake survey: docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1. */
export class SubmitSurveyDto implements SubmitSurveyRequest {
  @ApiProperty({ example: 'Dr. Ada Rivers' }) @IsString() @Length(2, 200) readonly leaderName!: string;
  @ApiProperty({ example: 'leader@riverside.edu' }) @IsEmail() @MaxLength(254) readonly contactEmail!: string;
  // Found by the fuzz suite: without @IsObject a missing institution passed validation (ValidateNested skips undefined).
  @ApiProperty() @IsObject() @ValidateNested() @Type(() => InstitutionDto) readonly institution!: InstitutionDto;
  @ApiProperty() @IsString() @Length(20, 5000) readonly programDescription!: string;
  @ApiProperty() @IsInt() @Min(0) @Max(200) readonly yearsRunning!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(10_000_000) readonly studentsServed!: number;
  @ApiProperty({ example: ['robotics', 'coding'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  readonly focusAreas!: string[];
  @ApiProperty() @IsString() @MaxLength(5000) readonly underrepresentedReach!: string;
  @ApiProperty({ example: ['Clemson Extension'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  readonly partners!: string[];
  @ApiProperty({ required: false, description: 'true when you propose someone else as the leader' })
  @IsOptional()
  @IsBoolean()
  readonly asNominator?: boolean;
}
