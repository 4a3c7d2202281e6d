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

// Upper bounds keep a hostile request from making argon2 or the database chew on megabytes.
const MAX_EMAIL = 254;
const MAX_PASSWORD = 256;
// One-time tokens are 32 random bytes in base64url: anything else is not one of ours.
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

export class LoginDto implements LoginRequest {
  @ApiProperty() @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
  // No minimum here: a login must not reveal the password rules, it just fails.
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD) password!: string;
  @ApiProperty({ required: false, enum: SESSION_MODES }) @IsOptional() @IsIn(SESSION_MODES) session?: SessionMode;
}

export class EmailLinkDto implements EmailLinkRequest {
  @ApiProperty() @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
}

export class RedeemLinkDto implements RedeemLinkRequest {
  @ApiProperty() @IsString() @Matches(TOKEN, { message: 'token must be a sign-in link token' }) token!: string;
  @ApiProperty({ required: false, enum: SESSION_MODES }) @IsOptional() @IsIn(SESSION_MODES) session?: SessionMode;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty() @IsString() @Matches(TOKEN, { message: 'token must be a set-password link token' }) token!: string;
  // Length over complexity rules (NIST SP 800-63B): 12 characters or more, passphrases welcome.
  @ApiProperty() @IsString() @MinLength(12) @MaxLength(MAX_PASSWORD) password!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty() @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
}
