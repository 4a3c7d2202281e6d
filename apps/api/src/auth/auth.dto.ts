import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

// Upper bounds keep a hostile request from making argon2 or the database chew on megabytes.
const MAX_EMAIL = 254;
const MAX_PASSWORD = 256;
const MAX_TOKEN = 128;

export class LoginDto {
  @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
  // No minimum here: a login must not reveal the password rules, it just fails.
  @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD) password!: string;
}

export class EmailLinkDto {
  @IsEmail() @MaxLength(MAX_EMAIL) email!: string;
}

export class RedeemLinkDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
}

export class SetPasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_TOKEN) token!: string;
  // Length over complexity rules (NIST SP 800-63B): 12 characters or more, passphrases welcome.
  @IsString() @MinLength(12) @MaxLength(MAX_PASSWORD) password!: string;
}

/** What a successful sign-in returns, by password or by email link. */
export type SessionResponse = {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; name: string; role: string };
};
