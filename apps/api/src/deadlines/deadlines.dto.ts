import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Label } from '../http/field-messages';

/** From 1d to 365d: a year ahead is the furthest a person plans work from this page. */
export const WITHIN = /^(?:[1-9]|[1-9]\d|[12]\d\d|3[0-5]\d|36[0-5])d$/;

export class WorkOverviewQueryDto extends ReadQueryDto {
  @Label({ label: 'how far ahead to look ("within")', format: 'as a number of days like 14d, from 1d up to 365d' })
  @ApiProperty({ required: false, example: '14d', description: 'how far ahead to list timers, in days: 1d to 365d (default 14d)' })
  @IsOptional()
  @Matches(WITHIN)
  readonly within?: string;
}

export const withinDays = (within: string | undefined): number => (within ? Number(within.slice(0, -1)) : 14);
