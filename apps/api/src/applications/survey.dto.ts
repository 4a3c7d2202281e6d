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
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSTITUTION_TYPES, InstitutionType, Survey } from '@cert/domain';
import type { DismissDuplicateRequest, Institution, SubmitSurveyRequest, SurveyAnswersRequest } from '@cert/contracts';
import { PlainText } from '../http/plain-text';
import { Label } from '../http/field-messages';

export class InstitutionDto implements Institution {
  @Label("the institution's name")
  @ApiProperty({ example: 'Riverside STEM Academy' })
  @IsString()
  @Length(2, 200)
  @PlainText()
  readonly name!: string;
  @Label('the type of institution')
  @ApiProperty({ enum: INSTITUTION_TYPES })
  @IsIn(INSTITUTION_TYPES)
  readonly type!: InstitutionType;
  @Label('the country')
  @ApiProperty({ example: 'US' })
  @IsString()
  @Length(2, 80)
  @PlainText()
  readonly country!: string;
  @Label('the state, province or region')
  @ApiProperty({ example: 'South Carolina' })
  @IsString()
  @Length(2, 120)
  @PlainText()
  readonly region!: string;
}

/** The survey's answers: docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1. */
export class SurveyAnswersDto implements SurveyAnswersRequest {
  @Label("the leader's full name")
  @ApiProperty({ example: 'Dr. Ada Rivers' })
  @IsString()
  @Length(2, 200)
  @PlainText()
  readonly leaderName!: string;
  @Label("the leader's email address")
  @ApiProperty({ example: 'leader@riverside.edu' })
  @IsEmail()
  @MaxLength(254)
  readonly contactEmail!: string;
  // Found by the fuzz suite: without @IsObject a missing institution passed validation (ValidateNested skips undefined).
  @Label("the institution's details")
  @ApiProperty()
  @IsObject()
  @ValidateNested()
  @Type(() => InstitutionDto)
  readonly institution!: InstitutionDto;
  @Label('a description of the program')
  @ApiProperty()
  @IsString()
  @Length(20, 5000)
  readonly programDescription!: string;
  @Label('how many years the program has run')
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(200)
  readonly yearsRunning!: number;
  @Label('how many students the program serves each year')
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  readonly studentsServed!: number;
  @Label({ label: 'the focus areas', item: ['focus area', 'focus areas'] })
  @ApiProperty({ example: ['robotics', 'coding'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  readonly focusAreas!: string[];
  @Label('how the program reaches students under-represented in STEM')
  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  readonly underrepresentedReach!: string;
  @Label({ label: 'the partners', item: ['partner', 'partners'] })
  @ApiProperty({ example: ['Clemson Extension'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  readonly partners!: string[];
}

/** The intake survey, by the leader or nominating them. */
export class SubmitSurveyDto extends SurveyAnswersDto implements SubmitSurveyRequest {
  @Label('whether you are nominating someone else as the leader')
  @ApiProperty({ required: false, description: 'true when you propose someone else as the leader' })
  @IsOptional()
  @IsBoolean()
  readonly asNominator?: boolean;
}

/** The answers as plain data, without the DTO's class (the command and the log take plain JSON). */
export const surveyOf = (dto: SurveyAnswersDto): Survey => ({
  leaderName: dto.leaderName,
  contactEmail: dto.contactEmail,
  institution: { name: dto.institution.name, type: dto.institution.type, country: dto.institution.country, region: dto.institution.region },
  programDescription: dto.programDescription,
  yearsRunning: dto.yearsRunning,
  studentsServed: dto.studentsServed,
  focusAreas: dto.focusAreas,
  underrepresentedReach: dto.underrepresentedReach,
  partners: dto.partners,
});

/** docs/DOMAIN.md, The lifecycle, step 1: the other application staff found is not a duplicate of this one. */
export class DismissDuplicateDto implements DismissDuplicateRequest {
  @Label({ label: 'the other application', format: 'as the id of an application' })
  @ApiProperty({ example: '3f1c2a9e-0000-4000-8000-000000000001' })
  @IsUUID()
  readonly otherApplicationId!: string;
}
