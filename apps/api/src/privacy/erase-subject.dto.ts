import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import type { EraseSubjectRequest } from '@cert/contracts';

/** The person to erase, named by the email they are known by (their applications' contact email, or their account's). */
export class EraseSubjectDto implements EraseSubjectRequest {
  @ApiProperty({ example: 'leader@riverside.edu' }) @IsEmail() @MaxLength(254) readonly email!: string;
}
