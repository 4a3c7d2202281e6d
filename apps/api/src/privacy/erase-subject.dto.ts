import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import type { EraseSubjectRequest } from '@cert/contracts';
import { Label } from '../http/field-messages';

/** The person to erase, named by the email they are known by (their applications' contact email, or their account's). */
export class EraseSubjectDto implements EraseSubjectRequest {
  @Label('the email address of the person to erase')
  @ApiProperty({ example: 'leader@riverside.edu' })
  @IsEmail()
  @MaxLength(254)
  readonly email!: string;
}
