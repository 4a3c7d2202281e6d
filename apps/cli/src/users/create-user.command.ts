import { Inject } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { IdentityStore, PASSWORD_ROLES, PasswordRole, SET_PASSWORD_TTL, setPasswordUrl } from '@cert/identity';
import { publicUrlNote } from './link-origin';

export type CreateUserOptions = { email: string; name: string; role: string; institution?: string; region?: string; expertise?: string };

/**
 * Creates a password account and prints its one-time set-password link for the operator to pass on.
 * Applicants are not created here: they sign themselves in by email link.
 */
@Command({ name: 'users:create', description: `create a ${PASSWORD_ROLES.join('|')} account and print its set-password link` })
export class CreateUserCommand extends CommandRunner {
  constructor(
    private readonly identity: IdentityStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: CreateUserOptions): Promise<void> {
    // Validated here, not in the option parsers: nest-commander's parser replaces commander's `choices` check.
    if (!isEmail(options.email)) throw new Error(`--email: "${options.email}" is not an email address`);
    if (!options.name?.trim()) throw new Error('--name: required');
    if (!isPasswordRole(options.role)) throw new Error(`--role: must be one of ${PASSWORD_ROLES.join(', ')}`);

    const user = await this.identity.createUser({ ...options, role: options.role });
    const { token, expiresAt } = await this.identity.issueOneTimeToken('set-password', user, SET_PASSWORD_TTL);
    console.log(`created ${user.role} ${user.email} (${user.id})`);
    console.log(`set-password link, single use, valid until ${expiresAt}:`);
    console.log(setPasswordUrl(this.config.publicUrl, token));
    const note = publicUrlNote(this.config);
    if (note) console.error(note);
  }

  @Option({ flags: '--email <email>', description: 'sign-in email', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'full name', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: PASSWORD_ROLES.join('|'), required: true, choices: [...PASSWORD_ROLES] })
  parseRole(value: string): string {
    return value;
  }

  // docs/DOMAIN.md, Conflicts of interest: institution and region are what conflict-of-interest checks compare.
  @Option({ flags: '--institution <institution>', description: 'for reviewers: their institution' })
  parseInstitution(value: string): string {
    return value;
  }

  @Option({ flags: '--region <region>', description: 'for reviewers: their country or region' })
  parseRegion(value: string): string {
    return value;
  }

  @Option({ flags: '--expertise <expertise>', description: 'for reviewers: what they know best' })
  parseExpertise(value: string): string {
    return value;
  }
}

const isPasswordRole = (role: string): role is PasswordRole => (PASSWORD_ROLES as readonly string[]).includes(role);
