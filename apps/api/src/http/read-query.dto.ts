import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { ReadQuery } from '@cert/contracts';
import { Label } from './field-messages';

/** Every GET may pass `after` (see ReadPositionInterceptor); query DTOs extend this so the strict pipe accepts it. */
export class ReadQueryDto implements ReadQuery {
  @Label({ label: 'the log position to read after', format: 'as digits, like 1234' })
  @ApiProperty({ required: false, description: 'log position from a command response; waits (max 2 s) until read models include it' })
  @IsOptional()
  @Matches(/^\d{1,20}$/)
  readonly after?: string;
}
