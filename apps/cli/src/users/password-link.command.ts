import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { IdentityStore, SET_PASSWORD_TTL, setPasswordUrl, usesPassword } from '@cert/identity';
import { publicUrlNote } from './link-origin';

/** A fresh set-password link for an existing password account: a forgotten password, or a first link that expired. */
@Command({ name: 'users:password-link', description: 'print a new one-time set-password link for an account' })
export class PasswordLinkCommand extends CommandRunner {
  constructor(
    private readonly identity: IdentityStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: { email: string }): Promise<void> {
    const user = await this.identity.findByEmail(options.email);
    if (!user) throw new Error(`no account with the email ${options.email}`);
    if (!usesPassword(user.role)) throw new Error(`${user.email} is an ${user.role}: applicants sign in by email link`);
    const { token, expiresAt } = await this.identity.issueOneTimeToken('set-password', user, SET_PASSWORD_TTL);
    console.log(`set-password link for ${user.email}, single use, valid until ${expiresAt}:`);
    console.log(setPasswordUrl(this.config.publicUrl, token));
    const note = publicUrlNote(this.config);
    if (note) console.error(note);
  }

  @Option({ flags: '--email <email>', description: 'the account email', required: true })
  parseEmail(value: string): string {
    return value;
  }
}
