import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Actor } from '@cert/domain';
import {
  ACCOUNT_LOCKOUT,
  ADDRESS_LOCKOUT,
  HOUR,
  IdentityStore,
  MINUTE,
  User,
  accountKey,
  addressKey,
  passwordWeakness,
} from '@cert/identity';
import { Access, Public } from './access.decorators';
import { CurrentActor } from './actor.decorator';
import type { AuthedRequest } from './auth.guard';
import { BrowserSessions } from './browser-sessions';
import type { CsrfTokenView, SessionMode, SessionResponse, SessionUser } from '@cert/contracts';
import { EmailLinkDto, LoginDto, PasswordResetDto, RedeemLinkDto, SetPasswordDto } from './auth.dto';
import { SignInLinks } from './sign-in-links';
import { Operation } from '../http/operation.decorator';
import { FieldErrors } from '../http/validation';

/**
 * Sessions are opaque tokens (stored hashed, 12 hours, revocable). API clients get the token in the body and send it
 * as a bearer header; browsers ask for `session: "cookie"` and get it in an httpOnly SameSite=Strict cookie with a
 * CSRF token for their changes (see BrowserSessions). Against guessing, wrong passwords lock the account
 * and the client address for a while (LockoutPolicy), and every sign-in door is rate limited per address.
 */
const SESSION_TTL = 12 * HOUR;
// One message for an unknown email and a wrong password, so the answer does not reveal accounts.
const BAD_LOGIN = 'the email or password is not right';
// Per client address and minute. Guessing is held back by the lockout (5 wrong passwords per account, 20 per
// address), and one-time tokens are unguessable (256 bits), so the limits on those doors only cap the work a
// caller can cause (each password check is argon2, slow on purpose). The doors that send mail allow far less, and
// each mailbox gets at most five links a quarter hour whatever the address (SignInLinks).
const PER_MINUTE = (limit: number) => Throttle({ default: { limit, ttl: MINUTE } });

const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityStore,
    private readonly links: SignInLinks,
    private readonly browser: BrowserSessions,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(120)
  @Post('login')
  @HttpCode(200)
  @Operation('Sign in with email and password', 'SessionResponse', { refuses: ['auth.required', 'auth.locked'] })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const keys = [
      { key: accountKey(body.email), policy: ACCOUNT_LOCKOUT },
      { key: addressKey(clientAddress(req)), policy: ADDRESS_LOCKOUT },
    ];
    // Checked before the password, so a locked account costs no argon2 time and a right guess during the lock is no use.
    const locked = await this.identity.signInLockedUntil(keys.map((k) => k.key));
    if (locked) this.tooManyFailures(res, locked);
    const user = await this.identity.verifyPassword(body.email, body.password);
    if (!user) {
      const lockedNow = await this.identity.recordSignInFailure(keys);
      if (lockedNow) this.tooManyFailures(res, lockedNow);
      throw new UnauthorizedException(BAD_LOGIN);
    }
    await this.identity.clearSignInFailures(keys[0].key);
    return this.openSession(user, body.session ?? 'bearer', req, res);
  }

  /** 202 whatever the email: whether a link went out is between us and that mailbox. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(20)
  @Post('email-link')
  @HttpCode(202)
  @Operation('Email a one-time sign-in link (202 whatever the email)', null)
  async requestLink(@Body() body: EmailLinkDto): Promise<void> {
    await this.links.request(body.email);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(120)
  @Post('email-link/redeem')
  @HttpCode(200)
  @Operation('Sign in with an emailed link', 'SessionResponse', { refuses: ['auth.required'] })
  async redeemLink(@Body() body: RedeemLinkDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const user = await this.identity.redeemOneTimeToken(body.token, 'sign-in');
    if (!user) throw new UnauthorizedException('this sign-in link is not valid: it was already used or has expired; ask for a new one');
    return this.openSession(user, body.session ?? 'bearer', req, res);
  }

  /** A forgotten password. 202 whatever the email; a password account gets a one-time set-password link. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(10)
  @Post('password-reset')
  @HttpCode(202)
  @Operation('Email a set-password link (202 whatever the email)', null)
  async requestPasswordReset(@Body() body: PasswordResetDto): Promise<void> {
    await this.links.passwordReset(body.email);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(120)
  @Post('password')
  @HttpCode(204)
  @Operation('Set a password with an emailed link', null, { refuses: ['auth.required'] })
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    // A guessable password is refused before the link is spent, so the person can try another with the same link.
    const user = await this.identity.redeemOneTimeToken(body.token, 'set-password', (u) => {
      const weakness = passwordWeakness(body.password, [u.email, u.name, u.institution ?? '']);
      if (weakness) throw new FieldErrors([{ field: 'password', messages: [weakness] }]);
    });
    if (!user) throw new UnauthorizedException('this set-password link is not valid: it was already used or has expired');
    await this.identity.setPassword(user.id, body.password);
    // Whoever holds the mailbox may sign in again at once, even if someone else had locked the account.
    await this.identity.clearSignInFailures(accountKey(user.email));
  }

  /**
   * For browsers: a CSRF token for the session their cookie carries (send it as `X-CSRF-Token` with every POST, PUT
   * and DELETE), also set as its own httpOnly cookie. Ask again after signing in, or after a reload.
   */
  @Public()
  @Get('csrf')
  @Header('Cache-Control', 'no-store')
  @Operation("A CSRF token for the browser session's changes", 'CsrfTokenView')
  csrf(@Req() req: Request, @Res({ passthrough: true }) res: Response): CsrfTokenView {
    return { csrfToken: this.browser.csrfToken(req, res) };
  }

  @Access('session.read')
  @Get('me')
  @Operation('Who is signed in', 'SessionUser')
  async me(@CurrentActor() actor: Actor): Promise<SessionUser> {
    const user = await this.identity.findById(actor.id);
    if (!user) throw new UnauthorizedException('this account no longer exists');
    return summary(user);
  }

  @Access('session.end')
  @Post('logout')
  @HttpCode(204)
  @Operation('End the session', null)
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    // The guard has already resolved this session, from the header or the cookie.
    await this.identity.revokeSession(req.sessionToken!);
    this.browser.close(res);
  }

  private async openSession(user: User, mode: SessionMode, req: Request, res: Response): Promise<SessionResponse> {
    const { token, expiresAt } = await this.identity.createSession(user.id, SESSION_TTL);
    const expiresInSeconds = SESSION_TTL / 1000;
    if (mode === 'bearer') return { token, expiresAt, expiresInSeconds, user: summary(user) };
    // A browser never sees the token itself: script cannot read the cookie, so an injected script cannot steal it.
    return { csrfToken: this.browser.open(req, res, token, expiresAt), expiresAt, expiresInSeconds, user: summary(user) };
  }

  private tooManyFailures(res: Response, until: string): never {
    res.setHeader('Retry-After', String(this.identity.secondsUntil(until)));
    throw new HttpException(
      {
        message: `too many failed sign-ins; try again after ${until}, or reset the password by email`,
        code: 'auth.locked',
        lockedUntil: until,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

const summary = ({ id, email, name, role }: User) => ({ id, email, name, role });
