import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
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
