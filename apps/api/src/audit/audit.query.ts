import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { ExportRangeQuery, StateQuery, VerifyQuery } from '@cert/contracts';
import { ReadQueryDto } from '../http/read-query.dto';
import { Label } from '../http/field-messages';

export class VerifyQueryDto extends ReadQueryDto implements VerifyQuery {
  @Label({ label: 'the head', format: 'as GET /audit/head gave it, like 1234:<64 hex digits>' })
  @ApiProperty({ required: false, description: 'a head published earlier, `<position>:<hash>` as GET /audit/head gave it' })
  @IsOptional()
  @Matches(/^\d{1,20}:[0-9a-f]{64}$/)
  readonly head?: string;
}

export class StateQueryDto extends ReadQueryDto implements StateQuery {
  @Label('the moment to read the state as of')
  @ApiProperty({ required: false, description: 'an ISO 8601 instant: the state after every event that occurred by then' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly asOf?: string;

  @Label({ label: 'the log position', format: 'as digits, like 1234' })
  @ApiProperty({ required: false, description: 'a log position: the state after every event at or before it' })
  @IsOptional()
  @Matches(/^\d{1,20}$/)
  readonly position?: string;
}

/** A cycle's period; either end may be left open (the whole log when both are). */
export class ExportRangeQueryDto extends ReadQueryDto implements ExportRangeQuery {
  @Label('the start of the period')
  @ApiProperty({ required: false, description: 'ISO 8601 instant, inclusive (default: the first event)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly from?: string;

  @Label('the end of the period')
  @ApiProperty({ required: false, description: 'ISO 8601 instant, exclusive (default: no end)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly to?: string;
}
