import { Command, CommandRunner, Option } from 'nest-commander';
import { IdentityStore, USER_ROLES, UserRole } from '@cert/identity';

@Command({ name: 'users:list', description: 'list accounts, optionally of one role' })
export class ListUsersCommand extends CommandRunner {
  constructor(private readonly identity: IdentityStore) {
    super();
  }

  async run(_: string[], options: { role?: string } = {}): Promise<void> {
    if (options.role && !(USER_ROLES as readonly string[]).includes(options.role)) {
      throw new Error(`--role: must be one of ${USER_ROLES.join(', ')}`);
    }
    const roles = options.role ? [options.role as UserRole] : USER_ROLES;
    const users = (await Promise.all(roles.map((role) => this.identity.listByRole(role)))).flat();
    if (users.length === 0) console.log('no accounts');
    for (const u of users) {
      const extra = [u.institution, u.region, u.disabledAt && `disabled ${u.disabledAt}`].filter(Boolean).join(', ');
      console.log([u.role.padEnd(9), u.email, u.name || '-', extra].filter(Boolean).join('  '));
    }
  }

  @Option({ flags: '--role <role>', description: USER_ROLES.join('|') })
  parseRole(value: string): string {
    return value;
  }
}
