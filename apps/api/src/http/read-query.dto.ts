import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** Every GET may pass `after` (see ReadPositionInterceptor); query DTOs extend this so the strict pipe accepts it. */
export class ReadQueryDto {
  @ApiProperty({ required: false, description: 'log position from a command response; waits (max 2 s) until read models include it' })
  @IsOptional() @Matches(/^\d{1,20}$/) readonly after?: string;
}
