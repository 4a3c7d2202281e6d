import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CriterionScore, MAX_PORTFOLIOS, MAX_TEACHERS, StudentPortfolio, Teacher } from '@cert/domain';
import type {
  NominateRequest,
  OpenAwardCycleRequest,
  Summit,
  RespondToInvitationRequest,
  ScoreNominationRequest,
  SelectRecipientsRequest,
} from '@cert/contracts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const Instant = (field: string) => (target: object, key: string) => {
  IsISO8601({ strict: true, strictSeparator: true }, { message: `${field} must be a real date and time` })(target, key);
  Matches(INSTANT, { message: `${field} must be an ISO-8601 UTC instant` })(target, key);
};

export class SummitDto implements Summit {
  @ApiProperty({ example: '2027-04-24T15:00:00.000Z' }) @Instant('summit.startsAt') readonly startsAt!: string;
  @ApiProperty({ example: 'Walter E. Washington Convention Center, Washington, DC' }) @IsString() @Length(3, 300) readonly place!: string;
}

export class OpenAwardCycleDto implements OpenAwardCycleRequest {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2199) readonly year!: number;
  @ApiProperty({
    required: false,
    example: 'IASL STEM Leadership Award 2027',
    description: 'defaults to "IASL STEM Leadership Award <year>"',
  })
  @IsOptional()
  @IsString()
  @Length(5, 200)
  readonly award?: string;
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) readonly awardsAvailable!: number;
  @ApiProperty({ example: '2027-02-15T09:00:00.000Z' }) @Instant('nominationsCloseAt') readonly nominationsCloseAt!: string;
  @ApiProperty({ example: '2027-04-01T09:00:00.000Z', description: 'invitations must be answered by then; before the summit' })
  @Instant('rsvpBy')
  readonly rsvpBy!: string;
  @ApiProperty({ type: SummitDto }) @ValidateNested() @Type(() => SummitDto) readonly summit!: SummitDto;
}

export class TeacherDto implements Teacher {
  @ApiProperty({ example: 'Maria Lopez' }) @IsString() @Length(2, 200) readonly name!: string;
  @ApiProperty({ example: 'Robotics and engineering' }) @IsString() @Length(2, 120) readonly subject!: string;
  @ApiProperty({ example: 'Built the district robotics league from two teams to forty.' })
  @IsString()
  @Length(5, 2000)
  readonly statement!: string;
}

export class PortfolioDto implements StudentPortfolio {
  @ApiProperty({ example: 'Solar car from the Fab Lab' }) @IsString() @Length(2, 200) readonly title!: string;
  @ApiProperty({ example: 'Grade 7 team designed and printed a solar car chassis.' })
  @IsString()
  @Length(5, 2000)
  readonly summary!: string;
  @ApiProperty({ example: 'https://portfolio.example.org/solar-car' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'link must be an http(s) URL' })
  @MaxLength(500)
  readonly link!: string;
}

/** IASL's certification page: the leader, up to three teachers and up to three student portfolios. */
export class NominateDto implements NominateRequest {
  @ApiProperty({ description: 'a designated application (charter membership or Program of Excellence, active)' })
  @IsUUID()
  readonly applicationId!: string;
  @ApiProperty({ type: [TeacherDto], maxItems: MAX_TEACHERS })
  @IsArray()
  @ArrayMaxSize(MAX_TEACHERS, { message: `teachers: at most ${MAX_TEACHERS}` })
  @ValidateNested({ each: true })
  @Type(() => TeacherDto)
  readonly teachers!: TeacherDto[];
  @ApiProperty({ type: [PortfolioDto], maxItems: MAX_PORTFOLIOS })
  @IsArray()
  @ArrayMaxSize(MAX_PORTFOLIOS, { message: `portfolios: at most ${MAX_PORTFOLIOS}` })
  @ValidateNested({ each: true })
  @Type(() => PortfolioDto)
  readonly portfolios!: PortfolioDto[];
}

export class CriterionScoreDto implements CriterionScore {
  @ApiProperty({ example: 'leadership' }) @IsString() @Matches(/^[a-z][a-z-]{1,39}$/) readonly criterion!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) readonly level!: number;
}

export class ScoreNominationDto implements ScoreNominationRequest {
  @ApiProperty({ type: [CriterionScoreDto], description: 'every criterion of the cycle (GET /award-cycles/:year names them), once' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  readonly scores!: CriterionScoreDto[];
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) readonly comment?: string;
}

export class SelectRecipientsDto implements SelectRecipientsRequest {
  @ApiProperty({ type: [String], description: 'nomination ids, up to the number of awards' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  readonly nominationIds!: string[];
  @ApiProperty({ required: false, description: 'required (20+ characters) when passing over a higher-ranked nomination' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  readonly justification?: string;
}

export class RespondToInvitationDto implements RespondToInvitationRequest {
  @ApiProperty({ description: 'true: I will attend the summit; false: I decline' }) @IsBoolean() readonly accept!: boolean;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(2000) readonly reason?: string;
}
