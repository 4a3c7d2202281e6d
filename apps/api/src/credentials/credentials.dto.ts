import { IsIn, IsObject } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

/** A credential pasted or uploaded on the public verification page: any JSON object; its shape is the check's to judge. */
export class VerifyCredentialDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The credential (JSON-LD), as held' })
  @IsObject()
  credential!: Record<string, unknown>;
}

export class StatusPurposeParam {
  @IsIn(['revocation', 'suspension'])
  purpose!: 'revocation' | 'suspension';
}
