import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SESSION_MODES } from '@cert/contracts';
import type {
  EmailLinkRequest,
  LoginRequest,
  PasswordResetRequest,
  RedeemLinkRequest,
  SessionMode,
  SetPasswordRequest,
} from '@cert/contracts';
import { Label } from '../http/field-messages';

// Upper bounds keep a hostile request from making argon2 or the database chew on megabytes.
const MAX_EMAIL = 254;
const MAX_PASSWORD = 256;
// One-time tokens are 32 random bytes in base64url: anything else is not one of ours.
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

export class LoginDto implements LoginRequest {
  @Label('your email address')
  @ApiProperty()
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  email!: string;
  // No minimum here: a login must not reveal the password rules, it just fails.
  @Label('your password')
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD)
  password!: string;
  @Label({ label: 'how to keep the session' })
  @ApiProperty({ required: false, enum: SESSION_MODES })
  @IsOptional()
  @IsIn(SESSION_MODES)
  session?: SessionMode;
}

export class EmailLinkDto implements EmailLinkRequest {
  @Label('your email address')
  @ApiProperty()
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  email!: string;
}

export class RedeemLinkDto implements RedeemLinkRequest {
  @Label({ label: 'the sign-in link', verb: 'Use', format: 'exactly as it came in the email' })
  @ApiProperty()
  @IsString()
  @Matches(TOKEN)
  token!: string;
  @Label({ label: 'how to keep the session' })
  @ApiProperty({ required: false, enum: SESSION_MODES })
  @IsOptional()
  @IsIn(SESSION_MODES)
  session?: SessionMode;
}

export class SetPasswordDto implements SetPasswordRequest {
  @Label({ label: 'the set-password link', verb: 'Use', format: 'exactly as it came in the email' })
  @ApiProperty()
  @IsString()
  @Matches(TOKEN)
  token!: string;
  // Length over complexity rules (NIST SP 800-63B): 12 characters or more, passphrases welcome.
  @Label('a password')
  @ApiProperty()
  @IsString()
  @MinLength(12)
  @MaxLength(MAX_PASSWORD)
  password!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @Label('your email address')
  @ApiProperty()
  @IsEmail()
  @MaxLength(MAX_EMAIL)
  email!: string;
}
