import type { Response } from 'supertest';
import { IdentityStore } from '@cert/identity';
import { PostgresIdentityStore } from '../libs/identity/src/postgres/postgres.identity-store';
import { SharedShape, sharedShape } from './support/shared-shape';
import { signInWithPassword, startApp, TestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';
const cookieHeader = (res: Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');

/**
 * Two api replicas on one PostgreSQL database (EVENT_STORE=postgres, so IDENTITY_STORE defaults to postgres): an
 * account, a session, a mailed link and a run of wrong passwords are the same whichever replica a request reaches.
 */
describe('two api replicas sharing their accounts in PostgreSQL', () => {
  let shape: SharedShape;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    shape = await sharedShape('replicas');
    const env = { ...shape.env, BOOTSTRAP_ADMIN_EMAIL: 'admin@iasl.org' };
    // Started at the same moment, as a deployment starts its replicas: each runs the first-staff bootstrap.
    [a, b] = await Promise.all([startApp({ env, redisPrefix: shape.redisPrefix }), startApp({ env, redisPrefix: shape.redisPrefix })]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await shape?.drop();
  });

  it('keeps accounts in PostgreSQL, and the two replicas starting together make one first staff account', async () => {
    expect(a.get(IdentityStore)).toBeInstanceOf(PostgresIdentityStore);
    const staff = await b.get(IdentityStore).listByRole('staff');
    expect(staff.map((u) => u.email)).toEqual(['admin@iasl.org']);
  });

  it('accepts on one replica the session opened on the other, and ends it everywhere on sign-out', async () => {
    const staff = await signInWithPassword(a, 'staff', 'sam@iasl.org');
    expect((await b.http().get('/auth/me').set(staff.auth).expect(200)).body).toMatchObject({ email: 'sam@iasl.org' });
    await b.http().post('/auth/logout').set(staff.auth).expect(204);
    await a.http().get('/auth/me').set(staff.auth).expect(401);
  });

  it('accepts on one replica the CSRF token of a browser session opened on the other: one secret signs them', async () => {
    await signInWithPassword(a, 'staff', 'cy@iasl.org');
    const res = await a.http().post('/auth/login').send({ email: 'cy@iasl.org', password: PASSWORD, session: 'cookie' }).expect(200);
    // Without the token B refuses the change; with the one A signed, B takes it.
    await b.http().post('/auth/logout').set('Cookie', cookieHeader(res)).expect(403);
    await b.http().post('/auth/logout').set('Cookie', cookieHeader(res)).set('X-CSRF-Token', res.body.csrfToken).expect(204);
    await a.http().get('/auth/me').set('Cookie', cookieHeader(res)).expect(401);
  });

  it('redeems on one replica the sign-in link the other mailed, once', async () => {
    await a.http().post('/auth/email-link').send({ email: 'ada@riverside.edu' }).expect(202);
    const token = /token=([A-Za-z0-9_-]+)/.exec(a.mailer.to('ada@riverside.edu').at(-1)?.text ?? '')?.[1];
    expect(token).toBeDefined();
    const [onA, onB] = await Promise.all([
      a.http().post('/auth/email-link/redeem').send({ token }),
      b.http().post('/auth/email-link/redeem').send({ token }),
    ]);
    expect([onA.status, onB.status].sort()).toEqual([200, 401]);
  });

  it('locks an account after five wrong passwords, wherever each was tried', async () => {
    await signInWithPassword(b, 'board', 'bea@iasl.org');
    for (const replica of [a, b, a, b]) {
      await replica.http().post('/auth/login').send({ email: 'bea@iasl.org', password: 'a wrong guess' }).expect(401);
    }
    await a.http().post('/auth/login').send({ email: 'bea@iasl.org', password: 'a wrong guess' }).expect(429);
    await b.http().post('/auth/login').send({ email: 'bea@iasl.org', password: PASSWORD }).expect(429);
  });
});
