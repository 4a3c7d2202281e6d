import { loadConfig } from '@cert/config';
import { EmailTaken, IdentityStore, SqliteIdentityStore } from '@cert/identity';
import { FixedClock } from '@cert/testing';
import { CreateUserCommand } from './create-user.command';
import { ListUsersCommand } from './list-users.command';
import { PasswordLinkCommand } from './password-link.command';
import { publicUrlNote } from './link-origin';

describe('users commands', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://cert.test' });
  let store: IdentityStore;
  let printed: string[];
  beforeEach(() => {
    store = new SqliteIdentityStore(':memory:', new FixedClock('2026-04-01T12:00:00.000Z'));
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    // The note on the link's address goes to stderr (publicUrlNote).
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  const tokenPrinted = () =>
    new URL(printed.find((l) => l.startsWith('https://cert.test/set-password?token='))!).searchParams.get('token')!;

  describe('the address links are built on', () => {
    it("is PUBLIC_URL, the service's own setting; without it, the CLI says which address it assumed", () => {
      expect(publicUrlNote(config, { PUBLIC_URL: 'https://cert.test' })).toBeNull();
      const fallback = loadConfig({ PORT: '4123' });
      expect(fallback.publicUrl).toMatch(/:4123$/);
      expect(publicUrlNote(fallback, {})).toContain(`assumes the service answers at ${fallback.publicUrl}`);
    });
  });

  describe('users:create', () => {
    const create = (options: Record<string, string>) =>
      new CreateUserCommand(store, config).run([], { email: 'r@uni.example', name: 'Rev Iewer', role: 'reviewer', ...options });

    it('creates the account with its reviewer profile and prints a 24-hour set-password link that works', async () => {
      await create({ email: 'Rita@Uni.example', institution: 'Uni A', region: 'EU' });

      expect(await store.listReviewers()).toEqual([
        { id: expect.any(String), name: 'Rev Iewer', email: 'rita@uni.example', institution: 'Uni A', region: 'EU' },
      ]);
      expect(printed.join('\n')).toContain('valid until 2026-04-02T12:00:00.000Z');
      expect((await store.redeemOneTimeToken(tokenPrinted(), 'set-password'))?.email).toBe('rita@uni.example');
    });

    it('refuses applicants, unknown roles and malformed emails', async () => {
      await expect(create({ role: 'applicant' })).rejects.toThrow(/--role: must be one of staff, reviewer, board, auditor, operator/);
      await expect(create({ role: 'root' })).rejects.toThrow(/--role/);
      await expect(create({ email: 'not-an-email' })).rejects.toThrow(/--email/);
      expect(await store.listByRole('reviewer')).toHaveLength(0);
    });

    it('refuses an email that already has an account', async () => {
      await create({});
      await expect(create({ role: 'board' })).rejects.toThrow(EmailTaken);
    });
  });

  describe('users:list', () => {
    it('lists accounts, optionally of one role', async () => {
      await store.createUser({ email: 'b@iasl.test', name: 'Board Member', role: 'board' });
      await store.createUser({ email: 'r@uni.example', name: 'Rev', role: 'reviewer', institution: 'Uni A' });

      await new ListUsersCommand(store).run([], {});
      // Grouped by role in USER_ROLES order, then by email.
      expect(printed).toEqual([
        expect.stringMatching(/^reviewer +r@uni\.example {2}Rev {2}Uni A$/),
        expect.stringMatching(/^board +b@iasl\.test {2}Board Member$/),
      ]);

      printed.length = 0;
      await new ListUsersCommand(store).run([], { role: 'board' });
      expect(printed).toHaveLength(1);
      await expect(new ListUsersCommand(store).run([], { role: 'root' })).rejects.toThrow(/--role/);
    });
  });

  describe('users:password-link', () => {
    it('prints a new link for a password account and refuses applicants', async () => {
      const staff = await store.createUser({ email: 's@iasl.test', name: 'S', role: 'staff' });
      await store.createUser({ email: 'a@school.example', name: '', role: 'applicant' });

      await new PasswordLinkCommand(store, config).run([], { email: 'S@iasl.test' });
      expect((await store.redeemOneTimeToken(tokenPrinted(), 'set-password'))?.id).toBe(staff.id);
      await expect(new PasswordLinkCommand(store, config).run([], { email: 'a@school.example' })).rejects.toThrow(/email link/);
      await expect(new PasswordLinkCommand(store, config).run([], { email: 'x@nowhere.example' })).rejects.toThrow(/no account/);
    });
  });
});
