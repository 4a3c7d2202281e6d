import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { ExportRangeQuery, StateQuery, VerifyQuery } from '@cert/contracts';
import { ReadQueryDto } from '../http/read-query.dto';

export class VerifyQueryDto extends ReadQueryDto implements VerifyQuery {
  @ApiProperty({ required: false, description: 'a head published earlier, `<position>:<hash>` as GET /audit/head gave it' })
  @IsOptional()
  @Matches(/^\d{1,20}:[0-9a-f]{64}$/, { message: 'head must be <position>:<64 hex digits>' })
  readonly head?: string;
}

export class StateQueryDto extends ReadQueryDto implements StateQuery {
  @ApiProperty({ required: false, description: 'an ISO 8601 instant: the state after every event that occurred by then' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly asOf?: string;

  @ApiProperty({ required: false, description: 'a log position: the state after every event at or before it' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'position must be a log position (digits)' })
  readonly position?: string;
}

/** A cycle's period; either end may be left open (the whole log when both are). */
export class ExportRangeQueryDto extends ReadQueryDto implements ExportRangeQuery {
  @ApiProperty({ required: false, description: 'ISO 8601 instant, inclusive (default: the first event)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly from?: string;

  @ApiProperty({ required: false, description: 'ISO 8601 instant, exclusive (default: no end)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly to?: string;
}
