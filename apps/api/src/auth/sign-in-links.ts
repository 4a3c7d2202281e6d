import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { HOUR, IdentityStore, MINUTE, User, setPasswordUrl, signInUrl, usesPassword } from '@cert/identity';
import { Mailer } from '@cert/mail';

const LINK_TTL = 15 * MINUTE;
// A password reset link is short-lived too: it is a key to a staff, reviewer, board, auditor or operator account.
export const RESET_TTL = HOUR;
// At most this many links to one mailbox per quarter hour, however many requests arrive (no mail bombing).
const MAX_LINKS_PER_WINDOW = 5;
const LINK_WINDOW = 15 * MINUTE;

/**
 * Passwordless sign-in for applicants and nominators (docs/DOMAIN.md, Who uses it): people who come
 * by occasionally should not have to keep a password for us.
 */
@Injectable()
export class SignInLinks {
  private readonly logger = new Logger(SignInLinks.name);

  constructor(
    private readonly identity: IdentityStore,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Always returns quietly: the caller answers the same way whether or not the email had an account. */
  async request(email: string): Promise<void> {
    // A first-time applicant or nominator gets an account the moment they ask for a link; the name comes later with the intake survey.
    const user = await this.identity.findOrCreateUser({ email, name: '', role: 'applicant' });
    // Password accounts get no link: a mailbox must not become a second, weaker door to staff powers.
    if (usesPassword(user.role) || user.disabledAt) return;
    if ((await this.identity.recentOneTimeTokens(user.id, 'sign-in', LINK_WINDOW)) >= MAX_LINKS_PER_WINDOW) return;

    const { token } = await this.identity.issueOneTimeToken('sign-in', user, LINK_TTL);
    this.mail(user, 'Your sign-in link for IASL certification', [
      'Use this link to sign in to IASL certification. It works once and expires in 15 minutes:',
      '',
      signInUrl(this.config.publicUrl, token),
      '',
      'If you did not ask to sign in, you can ignore this email.',
    ]);
  }

  /**
   * A forgotten password. Only password accounts get a link (applicants sign in by email link anyway); the
   * link sets a new password once, within the hour, and makes any earlier unused set-password link worthless.
   */
  async passwordReset(email: string): Promise<void> {
    const user = await this.identity.findByEmail(email);
    if (!user || !usesPassword(user.role) || user.disabledAt) return;
    if ((await this.identity.recentOneTimeTokens(user.id, 'set-password', LINK_WINDOW)) >= MAX_LINKS_PER_WINDOW) return;

    await this.identity.revokeOneTimeTokens(user.id, 'set-password');
    const { token } = await this.identity.issueOneTimeToken('set-password', user, RESET_TTL);
    this.mail(user, 'Set a new password for IASL certification', [
      'Someone (we hope you) asked to reset the password of your IASL certification account.',
      'Use this link to set a new one. It works once and expires in an hour:',
      '',
      setPasswordUrl(this.config.publicUrl, token),
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ]);
  }

  // Not awaited: if the answer waited for the mail, its timing and failures would tell
  // a caller which addresses have accounts, and of which kind.
  private mail(user: User, subject: string, lines: string[]): void {
    this.mailer
      .send({ to: user.email, subject, text: ['Hello,', '', ...lines].join('\n') })
      // The account id, not the address: logs must hold no personal data that an erasure could not reach.
      .catch((error: Error) => this.logger.error(`"${subject}" for account ${user.id} was not sent: ${error.message}`));
  }
}
