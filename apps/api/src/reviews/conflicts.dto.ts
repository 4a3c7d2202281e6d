import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { BlindReviewRequest, DeclareConflictRequest } from '@cert/contracts';
import { PlainText } from '../http/plain-text';
import { Label } from '../http/field-messages';

/** Name an application or a whole institution (every application of it), with the reason. */
export class DeclareConflictDto implements DeclareConflictRequest {
  @Label({ label: 'the application', verb: 'Choose' })
  @ApiProperty({ required: false, description: 'the application in conflict' })
  @IsOptional()
  @IsUUID()
  readonly applicationId?: string;
  @Label("the institution's name")
  @ApiProperty({
    required: false,
    example: 'Riverside STEM Academy',
    description: 'an institution: every application of it is in conflict',
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @PlainText()
  readonly institution?: string;
  @Label('the reason for the conflict')
  @ApiProperty({ example: 'I mentored the program leader until 2024.' })
  @IsString()
  @Length(5, 2000)
  readonly reason!: string;
}

export class BlindReviewDto implements BlindReviewRequest {
  @Label('whether reviewers of this cycle review blind')
  @ApiProperty({ description: 'reviewers of this cycle see no applicant identity (leader name, contact email, institution name)' })
  @IsBoolean()
  readonly blindReview!: boolean;
}
