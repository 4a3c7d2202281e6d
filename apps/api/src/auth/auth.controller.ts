import { Body, Controller, Get, Headers, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import type { Actor } from '@cert/domain';
import { HOUR, IdentityStore, User, USER_ROLES } from '@cert/identity';
import { Allow, Public } from './access.decorators';
import { CurrentActor } from './actor.decorator';
import { bearerToken } from './auth.guard';
import { EmailLinkDto, LoginDto, RedeemLinkDto, SessionResponse, SetPasswordDto } from './auth.dto';
import { SignInLinks } from './sign-in-links';

/**
 * Sessions are opaque bearer tokens (stored hashed, 12 hours, revocable), not cookies: API clients
 * and scripts just send a header, and with no cookie there is no CSRF surface yet. The web UI will
 * carry the same session in an httpOnly SameSite cookie (STACK.md, Auth: sessions) when it arrives.
 */
const SESSION_TTL = 12 * HOUR;
// One message for an unknown email and a wrong password, so the answer does not reveal accounts.
const BAD_LOGIN = 'the email or password is not right';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityStore,
    private readonly links: SignInLinks,
  ) {}

  @Public() @Post('login') @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<SessionResponse> {
    const user = await this.identity.verifyPassword(body.email, body.password);
    if (!user) throw new UnauthorizedException(BAD_LOGIN);
    return this.openSession(user);
  }

  /** 202 whatever the email: whether a link went out is between us and that mailbox. */
  @Public() @Post('email-link') @HttpCode(202)
  requestLink(@Body() body: EmailLinkDto): void {
    this.links.request(body.email);
  }

  @Public() @Post('email-link/redeem') @HttpCode(200)
  redeemLink(@Body() body: RedeemLinkDto): SessionResponse {
    const user = this.identity.redeemOneTimeToken(body.token, 'sign-in');
    if (!user) throw new UnauthorizedException('this sign-in link is not valid: it was already used or has expired; ask for a new one');
    return this.openSession(user);
  }

  @Public() @Post('password') @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    const user = this.identity.redeemOneTimeToken(body.token, 'set-password');
    if (!user) throw new UnauthorizedException('this set-password link is not valid: it was already used or has expired');
    await this.identity.setPassword(user.id, body.password);
  }

  @Allow(...USER_ROLES) @Get('me')
  me(@CurrentActor() actor: Actor): SessionResponse['user'] {
    const user = this.identity.findById(actor.id);
    if (!user) throw new UnauthorizedException('this account no longer exists');
    return summary(user);
  }

  @Allow(...USER_ROLES) @Post('logout') @HttpCode(204)
  logout(@Headers('authorization') authorization: string): void {
    // The guard has already resolved this token, so it is present and valid.
    this.identity.revokeSession(bearerToken(authorization)!);
  }

  private openSession(user: User): SessionResponse {
    const { token, expiresAt } = this.identity.createSession(user.id, SESSION_TTL);
    return { token, expiresAt, user: summary(user) };
  }
}

const summary = ({ id, email, name, role }: User) => ({ id, email, name, role });
