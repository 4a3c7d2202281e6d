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
  ChangeAwardCycleDatesRequest,
  NominateRequest,
  OpenAwardCycleRequest,
  Summit,
  RespondToInvitationRequest,
  ScoreNominationRequest,
  SelectRecipientsRequest,
} from '@cert/contracts';
import { PlainText } from '../http/plain-text';
import { Label } from '../http/field-messages';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const Instant = () => (target: object, key: string) => {
  IsISO8601({ strict: true, strictSeparator: true })(target, key);
  Matches(INSTANT)(target, key);
};

export class SummitDto implements Summit {
  @Label('when the summit starts')
  @ApiProperty({ example: '2027-04-24T15:00:00.000Z' })
  @Instant()
  readonly startsAt!: string;
  @Label('where the summit takes place')
  @ApiProperty({ example: 'Walter E. Washington Convention Center, Washington, DC' })
  @IsString()
  @Length(3, 300)
  readonly place!: string;
}

export class OpenAwardCycleDto implements OpenAwardCycleRequest {
  @Label('the award year')
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2199)
  readonly year!: number;
  @Label("the award's name")
  @ApiProperty({
    required: false,
    example: 'IASL STEM Leadership Award 2027',
    description: 'defaults to "IASL STEM Leadership Award <year>"',
  })
  @IsOptional()
  @IsString()
  @Length(5, 200)
  readonly award?: string;
  @Label('how many awards are available')
  @ApiProperty({ minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  readonly awardsAvailable!: number;
  @Label('when nominations close')
  @ApiProperty({ example: '2027-02-15T09:00:00.000Z' })
  @Instant()
  readonly nominationsCloseAt!: string;
  @Label('the date invitations must be answered by')
  @ApiProperty({ example: '2027-04-01T09:00:00.000Z', description: 'invitations must be answered by then; before the summit' })
  @Instant()
  readonly rsvpBy!: string;
  @Label("the summit's details")
  @ApiProperty({ type: SummitDto })
  @ValidateNested()
  @Type(() => SummitDto)
  readonly summit!: SummitDto;
}

export class TeacherDto implements Teacher {
  @Label("the teacher's name")
  @ApiProperty({ example: 'Maria Lopez' })
  @IsString()
  @Length(2, 200)
  @PlainText()
  readonly name!: string;
  @Label("the teacher's subject")
  @ApiProperty({ example: 'Robotics and engineering' })
  @IsString()
  @Length(2, 120)
  readonly subject!: string;
  @Label('a statement about the teacher')
  @ApiProperty({ example: 'Built the district robotics league from two teams to forty.' })
  @IsString()
  @Length(5, 2000)
  readonly statement!: string;
}

export class PortfolioDto implements StudentPortfolio {
  @Label("the portfolio's title")
  @ApiProperty({ example: 'Solar car from the Fab Lab' })
  @IsString()
  @Length(2, 200)
  readonly title!: string;
  @Label('a summary of the portfolio')
  @ApiProperty({ example: 'Grade 7 team designed and printed a solar car chassis.' })
  @IsString()
  @Length(5, 2000)
  readonly summary!: string;
  @Label('a link to the portfolio')
  @ApiProperty({ example: 'https://portfolio.example.org/solar-car' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  readonly link!: string;
}

/** IASL's certification page: the leader, up to three teachers and up to three student portfolios. */
export class NominateDto implements NominateRequest {
  @Label({ label: 'the designated application', verb: 'Choose' })
  @ApiProperty({ description: 'a designated application (charter membership or Program of Excellence, active)' })
  @IsUUID()
  readonly applicationId!: string;
  @Label({ label: 'the teachers', verb: 'Name', item: ['teacher', 'teachers'] })
  @ApiProperty({ type: [TeacherDto], maxItems: MAX_TEACHERS })
  @IsArray()
  @ArrayMaxSize(MAX_TEACHERS)
  @ValidateNested({ each: true })
  @Type(() => TeacherDto)
  readonly teachers!: TeacherDto[];
  @Label({ label: 'the student portfolios', verb: 'Give', item: ['portfolio', 'portfolios'] })
  @ApiProperty({ type: [PortfolioDto], maxItems: MAX_PORTFOLIOS })
  @IsArray()
  @ArrayMaxSize(MAX_PORTFOLIOS)
  @ValidateNested({ each: true })
  @Type(() => PortfolioDto)
  readonly portfolios!: PortfolioDto[];
}

export class CriterionScoreDto implements CriterionScore {
  @Label({ label: 'the criterion', verb: 'Name', format: 'as the award cycle names it, like leadership' })
  @ApiProperty({ example: 'leadership' })
  @IsString()
  @Matches(/^[a-z][a-z-]{1,39}$/)
  readonly criterion!: string;
  @Label({ label: 'a level', verb: 'Choose' })
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  readonly level!: number;
}

export class ScoreNominationDto implements ScoreNominationRequest {
  @Label({ label: 'the scores', verb: 'Give', item: ['score', 'scores'] })
  @ApiProperty({ type: [CriterionScoreDto], description: 'every criterion of the cycle (GET /award-cycles/:year names them), once' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  readonly scores!: CriterionScoreDto[];
  @Label('a comment')
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly comment?: string;
}

export class SelectRecipientsDto implements SelectRecipientsRequest {
  @Label({ label: 'the recipients', verb: 'Choose', item: ['nomination', 'nominations'] })
  @ApiProperty({ type: [String], description: 'nomination ids, up to the number of awards' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  readonly nominationIds!: string[];
  @Label('a justification')
  @ApiProperty({ required: false, description: 'required (20+ characters) when passing over a higher-ranked nomination' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  readonly justification?: string;
}

export class RespondToInvitationDto implements RespondToInvitationRequest {
  @Label('whether you will attend the summit')
  @ApiProperty({ description: 'true: I will attend the summit; false: I decline' })
  @IsBoolean()
  readonly accept!: boolean;
  @Label('a reason')
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly reason?: string;
}

/** docs/DOMAIN.md, Awards and summit, Changing the dates: a date left out stays as it is. */
export class ChangeAwardCycleDatesDto implements ChangeAwardCycleDatesRequest {
  @Label('whether nominations close now')
  @ApiProperty({ required: false, description: 'true: nominations close at once (instead of giving nominationsCloseAt)' })
  @IsOptional()
  @IsBoolean()
  readonly closeNominationsNow?: boolean;
  @Label('when nominations close')
  @ApiProperty({ required: false, example: '2027-03-01T09:00:00.000Z' })
  @IsOptional()
  @Instant()
  readonly nominationsCloseAt?: string;
  @Label('the date invitations must be answered by')
  @ApiProperty({ required: false, example: '2027-04-10T09:00:00.000Z' })
  @IsOptional()
  @Instant()
  readonly rsvpBy?: string;
  @Label('when the summit starts')
  @ApiProperty({ required: false, example: '2027-05-08T15:00:00.000Z', description: 'in the cycle’s year' })
  @IsOptional()
  @Instant()
  readonly summitStartsAt?: string;
  @Label('the reason for the change')
  @ApiProperty({ example: 'The convention center moved the summit by two weeks.' })
  @IsString()
  @Length(5, 1000)
  readonly reason!: string;
}
