import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@cert/config';
import { AccountCommand, AccountRole, AccountStateRefused, Actor, NotFound, accountDecider, accountStream } from '@cert/domain';
import { EventStore, handle } from '@cert/event-store';
import { Account, EmailTaken, IdentityStore, SET_PASSWORD_TTL, setPasswordUrl } from '@cert/identity';
import { Mailer } from '@cert/mail';
import type { InvitePersonRequest, PersonResult, PersonRole, PersonView } from '@cert/contracts';
import { ROLE_NAMES } from '@cert/domain';

export const personView = (a: Account): PersonView => ({
  id: a.id,
  name: a.name,
  email: a.email,
  role: a.role as PersonRole,
  status: a.status,
  institution: a.institution,
  region: a.region,
  expertise: a.expertise,
  createdAt: a.createdAt,
  deactivatedAt: a.disabledAt,
});

type Change = { type: AccountCommand['type']; data: Record<string, unknown> };

/**
 * docs/DOMAIN.md, Who uses it: staff invite, re-invite, change roles and deactivate. Each change is decided and
 * recorded first (the account's stream, through the one write path), then applied to the identity store, so a refused
 * change leaves the account as it was.
 */
@Injectable()
export class PeopleService {
  private readonly logger = new Logger(PeopleService.name);

  constructor(
    private readonly identity: IdentityStore,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<PersonView[]> {
    return (await this.identity.listPasswordAccounts()).map(personView);
  }

  /** The account, or 404: an applicant's account is not one staff administer here. */
  async account(id: string): Promise<Account> {
    const account = await this.identity.findAccount(id);
    if (!account || account.role === 'applicant')
      throw new NotFound('account', id, 'Nobody with this id is among the people staff administer');
    return account;
  }

  async invite(dto: InvitePersonRequest, actor: Actor): Promise<PersonResult> {
    const reviewer = dto.role === 'reviewer';
    const user = await this.identity
      .createUser({
        email: dto.email,
        name: dto.name,
        role: dto.role,
        institution: reviewer ? (dto.institution?.trim() ?? null) : null,
        region: reviewer ? (dto.region?.trim() ?? null) : null,
        expertise: reviewer ? (dto.expertise?.trim() ?? null) : null,
      })
      .catch((error: unknown) => {
        if (error instanceof EmailTaken)
          throw new AccountStateRefused('account.email_taken', `An account with the email ${error.email} already exists`);
        throw error;
      });
    const events = await this.record({ type: 'InviteAccount', data: { accountId: user.id, role: dto.role } }, actor).catch(
      async (error: unknown) => {
        // Not recorded, so not made: the account goes again and the refusal stands.
        await this.identity.eraseAccount(user.id);
        throw error;
      },
    );
    const account = await this.account(user.id);
    await this.mailInvitation(account, actor);
    return { person: personView(account), events };
  }

  async resend(id: string, actor: Actor): Promise<PersonResult> {
    const account = await this.account(id);
    const events = await this.record({ type: 'ResendInvitation', data: { accountId: id, ...this.facts(account) } }, actor);
    // The newest link is the one that works: an older one may sit in a forwarded or lost mail.
    await this.identity.revokeOneTimeTokens(id, 'set-password');
    await this.mailInvitation(account, actor);
    return { person: personView(account), events };
  }

  async changeRole(id: string, role: PersonRole, reason: string, actor: Actor): Promise<PersonResult> {
    const account = await this.account(id);
    const events = await this.record(
      { type: 'ChangeAccountRole', data: { accountId: id, to: role, reason, ...this.facts(account) } },
      actor,
    );
    if (events.length) await this.identity.setRole(id, role);
    return { person: personView(await this.account(id)), events };
  }

  /** Their sessions and unused links end at once; the account stays, so everything they did keeps their name. */
  async deactivate(id: string, reason: string, actor: Actor): Promise<PersonResult> {
    const account = await this.account(id);
    const events = await this.record({ type: 'DeactivateAccount', data: { accountId: id, reason, ...this.facts(account) } }, actor);
    await this.identity.deactivate(id);
    return { person: personView(await this.account(id)), events };
  }

  private facts(account: Account) {
    return { role: account.role as AccountRole, active: account.status === 'active', deactivated: account.status === 'deactivated' };
  }

  private async record(change: Change, actor: Actor): Promise<string[]> {
    const now = this.clock.now().toISOString();
    const command = { ...change, metadata: { now, actor } } as AccountCommand;
    const accountId = change.data.accountId as string;
    const result = await handle(this.store, accountStream(accountId), accountDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    });
    return result.events.map((e) => e.type);
  }

  private async mailInvitation(account: Account, actor: Actor): Promise<void> {
    const { token, expiresAt } = await this.identity.issueOneTimeToken('set-password', account, SET_PASSWORD_TTL);
    const inviter = (await this.identity.findById(actor.id))?.name || 'IASL certification staff';
    const text = [
      `Hello ${account.name},`,
      '',
      `${inviter} has invited you to IASL certification as ${ROLE_NAMES[account.role].toLowerCase()}.`,
      `Use this link to set your password. It works once and expires at ${expiresAt.slice(0, 16).replace('T', ' ')} UTC:`,
      '',
      setPasswordUrl(this.config.publicUrl, token),
      '',
      'If the link has expired, ask certification staff to send the invitation again.',
    ].join('\n');
    await this.mailer
      .send({ to: account.email, subject: 'Your invitation to IASL certification', text })
      // The account id, not the address: logs hold no personal data an erasure could not reach.
      .catch((error: Error) => this.logger.error(`the invitation for account ${account.id} was not sent: ${error.message}`));
  }
}
