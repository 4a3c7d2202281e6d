import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { IdentityStore, SET_PASSWORD_TTL, setPasswordUrl } from '@cert/identity';

/**
 * First run: with no staff account there is nobody to create the others, so the engine creates
 * BOOTSTRAP_ADMIN_EMAIL as staff and prints a one-time set-password link to the log.
 * It checks "no staff can sign in" rather than "no staff exists", so a restart before the link
 * was used prints a fresh one instead of locking everyone out.
 */
@Injectable()
export class FirstStaffBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly identity: IdentityStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.identity.hasPasswordUser('staff')) return;
    const email = this.config.bootstrapAdminEmail;
    // Found or made in one step: replicas starting together on a shared store make one account between them.
    const admin = await this.identity.findOrCreateUser({ email, name: 'Administrator', role: 'staff' });
    if (admin.role !== 'staff') {
      this.logger.error(
        `BOOTSTRAP_ADMIN_EMAIL ${email} belongs to a ${admin.role} account; create a staff account with the CLI (users:create)`,
      );
      return;
    }
    const { token, expiresAt } = await this.identity.issueOneTimeToken('set-password', admin, SET_PASSWORD_TTL);
    this.logger.warn(
      `No staff account can sign in yet. Set the password for ${admin.email} before ${expiresAt}: ${setPasswordUrl(this.config.publicUrl, token)}`,
    );
  }
}
