import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus } from '@cert/domain';
import type { ListApplicationsQuery } from '@cert/contracts';
import { ReadQueryDto } from '../http/read-query.dto';
import { Label } from '../http/field-messages';

export class ListApplicationsQueryDto extends ReadQueryDto implements ListApplicationsQuery {
  @Label('a status')
  @ApiProperty({ required: false, enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  readonly status?: ApplicationStatus;
  @Label({ label: 'the search text', format: 'as part of a reference, a leader name or an institution, up to 100 characters' })
  @ApiProperty({ required: false, description: 'part of a reference, a leader name or an institution name, in any case' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly q?: string;
  @Label({ label: 'the needs-reviewers filter', format: 'as true or false' })
  @ApiProperty({ required: false, enum: ['true', 'false'], description: 'true: only applications under review short of reviewers' })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly needsReviewers?: 'true' | 'false';
  @Label('how many applications to list')
  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  readonly limit?: number;
  @Label('how many applications to skip')
  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  readonly offset?: number;
}
