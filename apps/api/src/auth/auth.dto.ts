import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

// Upper bounds keep a hostile request from making argon2 or the database chew on megabytes.
const MAX_EMAIL = 254;
const MAX_PASSWORD = 256;
// One-time tokens are 32 random bytes in base64url: anything else is not one of ours.
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/** `bearer` (the default, for API clients): the token comes back in the body. `cookie` (browsers): an httpOnly cookie and a CSRF token instead. */
export const SESSION_MODES = ['bearer', 'cookie'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export class LoginDto {
  @ApiProperty() @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
  // No minimum here: a login must not reveal the password rules, it just fails.
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD) password!: string;
  @ApiProperty({ required: false, enum: SESSION_MODES }) @IsOptional() @IsIn(SESSION_MODES) session?: SessionMode;
}

export class EmailLinkDto {
  @ApiProperty() @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
}

export class RedeemLinkDto {
  @ApiProperty() @IsString() @Matches(TOKEN, { message: 'token must be a sign-in link token' }) token!: string;
  @ApiProperty({ required: false, enum: SESSION_MODES }) @IsOptional() @IsIn(SESSION_MODES) session?: SessionMode;
}

export class SetPasswordDto {
  @ApiProperty() @IsString() @Matches(TOKEN, { message: 'token must be a set-password link token' }) token!: string;
  // Length over complexity rules (NIST SP 800-63B): 12 characters or more, passphrases welcome.
  @ApiProperty() @IsString() @MinLength(12) @MaxLength(MAX_PASSWORD) password!: string;
}

export class PasswordResetDto {
  @ApiProperty() @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
}

/** What a successful sign-in returns, by password or by email link. A cookie session gets a CSRF token instead of the session token. */
export type SessionResponse = {
  token?: string;
  csrfToken?: string;
  expiresAt: string;
  /** The same end as a lifetime, so a client whose clock disagrees with the server's still counts it right. */
  expiresInSeconds: number;
  user: { id: string; email: string; name: string; role: string };
};
