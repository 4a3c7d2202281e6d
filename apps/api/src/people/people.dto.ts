import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PERSON_ROLES } from '@cert/contracts';
import type { ChangeRoleRequest, DeactivatePersonRequest, InvitePersonRequest, PersonRole } from '@cert/contracts';
import { Label } from '../http/field-messages';
import { PlainText } from '../http/plain-text';

const ROLE_WORDS = 'staff, reviewer, board, auditor or operator';

export class InvitePersonDto implements InvitePersonRequest {
  @Label("the person's email address")
  @ApiProperty({ example: 'ines.duarte@example.org' })
  @IsEmail()
  @MaxLength(254)
  readonly email!: string;
  @Label("the person's full name")
  @ApiProperty({ example: 'Dr. Inês Duarte' })
  @IsString()
  @Length(2, 200)
  @PlainText()
  readonly name!: string;
  @Label({ label: 'a role', verb: 'Select', choices: ROLE_WORDS })
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES)
  readonly role!: PersonRole;
  // docs/DOMAIN.md, Conflicts of interest: institution and region are what conflict-of-interest checks compare.
  @Label("the reviewer's institution")
  @ApiProperty({ required: false, example: 'Lisbon STEM Academy' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  @PlainText()
  readonly institution?: string;
  @Label("the reviewer's country or region")
  @ApiProperty({ required: false, example: 'Portugal' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  @PlainText()
  readonly region?: string;
  @Label("the reviewer's expertise")
  @ApiProperty({ required: false, example: 'Secondary engineering programmes, industry partnerships' })
  @IsOptional()
  @IsString()
  @Length(2, 500)
  @PlainText()
  readonly expertise?: string;
}

export class ChangeRoleDto implements ChangeRoleRequest {
  @Label({ label: 'the new role', verb: 'Select', choices: ROLE_WORDS })
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES)
  readonly role!: PersonRole;
  @Label('why the role changes')
  @ApiProperty({ example: 'Elected to the advisory board at the spring meeting.' })
  @IsString()
  @Length(5, 2000)
  readonly reason!: string;
}

export class DeactivatePersonDto implements DeactivatePersonRequest {
  @Label('why this person is deactivated')
  @ApiProperty({ example: 'Left the advisory board at the end of their term.' })
  @IsString()
  @Length(5, 2000)
  readonly reason!: string;
}
