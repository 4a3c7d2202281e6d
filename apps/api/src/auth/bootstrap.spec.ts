import { Logger } from '@nestjs/common';
import { loadConfig } from '@cert/config';
import { IdentityStore, SqliteIdentityStore } from '@cert/identity';
import { FixedClock } from '@cert/testing';
import { FirstStaffBootstrap } from './bootstrap';

describe('FirstStaffBootstrap', () => {
  const config = loadConfig({ PUBLIC_URL: 'https://cert.test', BOOTSTRAP_ADMIN_EMAIL: 'admin@iasl.test' });
  let store: IdentityStore;
  let warnings: string[];
  beforeEach(() => {
    store = new SqliteIdentityStore(':memory:', new FixedClock('2026-03-02T09:00:00.000Z'));
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  const start = () => new FirstStaffBootstrap(store, config).onApplicationBootstrap();

  it('creates the first staff account and logs a 24-hour set-password link', async () => {
    await start();
    expect(await store.listByRole('staff')).toEqual([expect.objectContaining({ email: 'admin@iasl.test', name: 'Administrator' })]);
    expect(warnings).toEqual([
      expect.stringMatching(/before 2026-03-03T09:00:00\.000Z: https:\/\/cert\.test\/set-password\?token=[\w-]{43}$/),
    ]);
  });

  it('prints a fresh link on a restart before anyone set a password, without a second account', async () => {
    await start();
    await start();
    expect(await store.listByRole('staff')).toHaveLength(1);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).not.toEqual(warnings[1]);
  });

  it('stays quiet once a staff account has a password', async () => {
    const staff = await store.createUser({ email: 'someone@iasl.test', name: 'Someone', role: 'staff' });
    await store.setPassword(staff.id, 'a long enough passphrase');
    await start();
    expect(warnings).toEqual([]);
    expect(await store.findByEmail('admin@iasl.test')).toBeNull();
  });
});
