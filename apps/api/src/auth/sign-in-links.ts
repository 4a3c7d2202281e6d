import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { IdentityStore, MINUTE, signInUrl, usesPassword } from '@cert/identity';
import { Mailer } from '@cert/mail';

const LINK_TTL = 15 * MINUTE;

/**
 * Passwordless sign-in for applicants and nominators (DOMAIN.md, Who uses it): people who come
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
  request(email: string): void {
    // A first-time applicant or nominator gets an account the moment they ask for a link; the name comes later with the intake survey.
    const user = this.identity.findByEmail(email) ?? this.identity.createUser({ email, name: '', role: 'applicant' });
    // Password accounts get no link: a mailbox must not become a second, weaker door to staff powers.
    if (usesPassword(user.role) || user.disabledAt) return;

    const { token } = this.identity.issueOneTimeToken('sign-in', user, LINK_TTL);
    const link = signInUrl(this.config.publicUrl, token);
    // Not awaited: if the answer waited for the mail, its timing and failures would tell
    // a caller which addresses belong to password accounts (they send nothing).
    this.mailer
      .send({
        to: user.email,
        subject: 'Your sign-in link for IASL certification',
        text: [
          'Hello,',
          '',
          'Use this link to sign in to IASL certification. It works once and expires in 15 minutes:',
          '',
          link,
          '',
          'If you did not ask to sign in, you can ignore this email.',
        ].join('\n'),
      })
      .catch((error: Error) => this.logger.error(`sign-in link for ${user.email} was not sent: ${error.message}`));
  }
}
