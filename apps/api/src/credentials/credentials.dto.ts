import { IsIn, IsObject } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { Label } from '../http/field-messages';

/** A credential pasted or uploaded on the public verification page: any JSON object; its shape is the check's to judge. */
export class VerifyCredentialDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The credential (JSON-LD), as held' })
  @Label({ label: 'the whole credential', verb: 'Paste' })
  @IsObject()
  credential!: Record<string, unknown>;
}

export class StatusPurposeParam {
  @Label({ label: 'a status list', verb: 'Choose' })
  @IsIn(['revocation', 'suspension'])
  purpose!: 'revocation' | 'suspension';
}
