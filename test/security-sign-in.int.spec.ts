import { Logger } from '@nestjs/common';
import type { Response } from 'supertest';
import { EventStore } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { ratings, surveyFor } from './support/cycle-data';
import { Session, TestApp, settle, signInByEmail, signInWithPassword, startApp } from './support/test-app';

/**
 * Sign-in tested as an attacker would: brute force (lockout per account and per address, rate limits),
 * replayed and expired links, forged and tampered sessions, cookie sessions without their CSRF token, the
 * password-reset link, security headers, and refusals that are logged and reveal nothing.
 */
const PASSWORD = 'correct horse battery staple';
const linkToken = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
const cookiesOf = (res: Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const cookieHeader = (res: Response) =>
  cookiesOf(res)
    .map((c) => c.split(';')[0])
    .join('; ');
const tamper = (token: string) => `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;

describe('sign-in under attack', () => {
  let t: TestApp;
  const login = (email: string, password: string, extra: object = {}) =>
    t
      .http()
      .post('/auth/login')
      .send({ email, password, ...extra });

  afterEach(() => t?.close());

  describe('brute force', () => {
    beforeEach(async () => {
      t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
      await signInWithPassword(t, 'staff', 'staff@iasl.org');
    });

    it('locks an account after five wrong passwords: even the right one is refused until the lock runs out', async () => {
      for (let i = 0; i < 4; i++) await login('staff@iasl.org', `guess number ${i}`).expect(401);
      const fifth = await login('staff@iasl.org', 'guess number 5').expect(429);
      expect(fifth.body).toEqual(expect.objectContaining({ code: 'auth.locked', status: 429 }));
      expect(fifth.headers['retry-after']).toBe('60');
      await login('staff@iasl.org', PASSWORD).expect(429);

      t.clock.advance({ minutes: 1 });
      await login('staff@iasl.org', PASSWORD).expect(200);
      // The right password cleared the count: four more misses are just misses.
      for (let i = 0; i < 4; i++) await login('staff@iasl.org', `again ${i}`).expect(401);
    });

    it('doubles the lock with every further failure, and locks unknown emails alike (a lock reveals no account)', async () => {
      for (let i = 0; i < 5; i++) await login('staff@iasl.org', `guess ${i}`);
      t.clock.advance({ minutes: 1 });
      const sixth = await login('staff@iasl.org', 'guess 6').expect(429);
      expect(sixth.headers['retry-after']).toBe('120');

      const unknown: Response[] = [];
      for (let i = 0; i < 5; i++) unknown.push(await login('nobody@iasl.org', `guess ${i}`));
      expect(unknown.map((r) => r.status)).toEqual([401, 401, 401, 401, 429]);
      expect(unknown[4].body.code).toBe('auth.locked');
    });

    it('locks a client address that tries many accounts, whatever the password', async () => {
      for (let i = 0; i < 19; i++) await login(`user${i}@iasl.org`, 'a guess').expect(401);
      await login('user19@iasl.org', 'a guess').expect(429);
      const right = await login('staff@iasl.org', PASSWORD).expect(429);
      expect(right.body.code).toBe('auth.locked');
    });

    it('a password reset by email link lifts the account lock', async () => {
      for (let i = 0; i < 5; i++) await login('staff@iasl.org', `guess ${i}`);
      await t.http().post('/auth/password-reset').send({ email: 'staff@iasl.org' }).expect(202);
      const token = linkToken(t.mailer.to('staff@iasl.org').at(-1)!.text)!;
      await t.http().post('/auth/password').send({ token, password: 'a brand new passphrase' }).expect(204);
      await login('staff@iasl.org', 'a brand new passphrase').expect(200);
    });
  });

  describe('rate limits', () => {
    beforeEach(async () => {
      t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
    });

    it('refuses the 121st sign-in attempt from one address within a minute with 429, whatever the lockout said', async () => {
      const statuses: number[] = [];
      // Different unknown accounts, so the per-account lockout stays out of it (the address lock comes at 20).
      for (let i = 0; i < 120; i++)
        statuses.push(
          (
            await t
              .http()
              .post('/auth/login')
              .send({ email: `a${i}@x.org`, password: 'p' })
          ).status,
        );
      expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(19).every((s) => s === 429)).toBe(true);
      const res = await t.http().post('/auth/login').send({ email: 'b@x.org', password: 'p' }).expect(429);
      expect(res.body.code).toBe('request.rate_limited');
    });

    it('limits link requests per address, and mails one mailbox at most five links a quarter hour', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await t.http().post('/auth/email-link').send({ email: 'leader@school.example' })).status);
      expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
      expect(statuses[20]).toBe(429);
      expect(t.mailer.to('leader@school.example')).toHaveLength(5);
    });
  });

  describe('links: single use, short-lived, and the reset flow', () => {
    beforeEach(async () => {
      t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
      await signInWithPassword(t, 'reviewer', 'rev@review.org');
    });

    it('a sign-in link works once and expires after 15 minutes', async () => {
      await t.http().post('/auth/email-link').send({ email: 'leader@school.example' }).expect(202);
      const token = linkToken(t.mailer.to('leader@school.example').at(-1)!.text)!;
      await t.http().post('/auth/email-link/redeem').send({ token }).expect(200);
      const replay = await t.http().post('/auth/email-link/redeem').send({ token }).expect(401);
      expect(replay.body.code).toBe('auth.required');

      await t.http().post('/auth/email-link').send({ email: 'leader@school.example' }).expect(202);
      const late = linkToken(t.mailer.to('leader@school.example').at(-1)!.text)!;
      t.clock.advance({ minutes: 16 });
      await t.http().post('/auth/email-link/redeem').send({ token: late }).expect(401);
      await t.http().post('/auth/email-link/redeem').send({ token: 'not a token at all!' }).expect(400);
    });

    it('password reset: always 202; a password account gets a one-hour, single-use link that replaces the old password', async () => {
      for (const email of ['rev@review.org', 'nobody@review.org']) await t.http().post('/auth/password-reset').send({ email }).expect(202);
      await signInByEmail(t, 'leader@school.example');
      const applicantMails = t.mailer.to('leader@school.example').length;
      await t.http().post('/auth/password-reset').send({ email: 'leader@school.example' }).expect(202);
      expect(t.mailer.to('leader@school.example')).toHaveLength(applicantMails);
      expect(t.mailer.to('nobody@review.org')).toHaveLength(0);

      const mail = t.mailer.to('rev@review.org').at(-1)!;
      expect(mail.text).toMatch(/http:\/\/app\.test\/set-password\?token=[\w-]{43}/);
      const token = linkToken(mail.text)!;
      await t.http().post('/auth/password').send({ token, password: 'my new long passphrase' }).expect(204);
      await t.http().post('/auth/password').send({ token, password: 'and once more, please' }).expect(401);
      await login('rev@review.org', PASSWORD).expect(401);
      await login('rev@review.org', 'my new long passphrase').expect(200);
    });

    it('a reset link expires after an hour, and a newer one makes the older worthless', async () => {
      await t.http().post('/auth/password-reset').send({ email: 'rev@review.org' }).expect(202);
      const first = linkToken(t.mailer.to('rev@review.org').at(-1)!.text)!;
      await t.http().post('/auth/password-reset').send({ email: 'rev@review.org' }).expect(202);
      const second = linkToken(t.mailer.to('rev@review.org').at(-1)!.text)!;
      await t.http().post('/auth/password').send({ token: first, password: 'my new long passphrase' }).expect(401);
      t.clock.advance({ minutes: 61 });
      await t.http().post('/auth/password').send({ token: second, password: 'my new long passphrase' }).expect(401);
    });
  });

  describe('sessions: forged, tampered, cookies and CSRF', () => {
    let staff: Session, alice: Session;

    beforeEach(async () => {
      t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
      staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
      alice = await signInByEmail(t, 'alice@riverside.edu');
    });

    it('refuses a forged or tampered bearer token, and a revoked one', async () => {
      await t.http().get('/auth/me').set(staff.auth).expect(200);
      for (const token of ['forged-0000000000000000000000000000000000000', tamper(staff.token), `${staff.token}x`, staff.token.slice(1)]) {
        const res = await t.http().get('/auth/me').auth(token, { type: 'bearer' }).expect(401);
        expect(res.body.code).toBe('auth.required');
      }
      await t.http().post('/auth/logout').set(staff.auth).expect(204);
      await t.http().get('/auth/me').set(staff.auth).expect(401);
    });

    it('a browser session lives in an httpOnly SameSite=Strict cookie; the body carries a CSRF token, never the session token', async () => {
      await t
        .http()
        .post('/auth/password')
        .send({
          token: (
            await t
              .get(IdentityStore)
              .issueOneTimeToken('set-password', (await t.get(IdentityStore).findByEmail('staff@iasl.org'))!, 60_000)
          ).token,
          password: PASSWORD,
        })
        .expect(204);
      const res = await login('staff@iasl.org', PASSWORD, { session: 'cookie' }).expect(200);
      expect(res.body).toEqual({
        csrfToken: expect.stringMatching(/^[0-9a-f]{64}\.[0-9a-f]{64}$/),
        expiresAt: expect.any(String),
        expiresInSeconds: 43_200,
        user: expect.objectContaining({ role: 'staff' }),
      });
      const session = cookiesOf(res).find((c) => c.startsWith('iasl-session='))!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      expect(session).toMatch(/Path=\//);
      expect(cookiesOf(res).find((c) => c.startsWith('iasl-csrf='))).toMatch(/HttpOnly/);
      expect(res.text).not.toContain(session.split(';')[0].split('=')[1]);
      await t.http().get('/auth/me').set('Cookie', cookieHeader(res)).expect(200);
    });

    it('refuses a state-changing cookie request without the CSRF token (403), with a wrong one, or with one from another session, and writes nothing', async () => {
      const res = await t
        .http()
        .post('/auth/email-link/redeem')
        .send({ token: await freshLink('alice@riverside.edu'), session: 'cookie' })
        .expect(200);
      const cookie = cookieHeader(res);
      const csrf = res.body.csrfToken as string;
      const survey = surveyFor('Alice Rivers', 'alice@riverside.edu', 'Riverside STEM Academy');
      const head = await t
        .get(EventStore)
        .head()
        .then((h) => h?.position ?? null);

      const missing = await t.http().post('/applications').set('Cookie', cookie).send(survey).expect(403);
      expect(missing.body.code).toBe('auth.csrf_invalid');
      await t.http().post('/applications').set('Cookie', cookie).set('X-CSRF-Token', tamper(csrf)).send(survey).expect(403);
      // A token fetched before signing in (or for another session) is bound to that session, not this one.
      const anonymous = await t.http().get('/auth/csrf').expect(200);
      const otherCookie = `${cookie
        .split('; ')
        .filter((c) => !c.startsWith('iasl-csrf='))
        .join('; ')}; ${cookieHeader(anonymous)}`;
      await t
        .http()
        .post('/applications')
        .set('Cookie', otherCookie)
        .set('X-CSRF-Token', anonymous.body.csrfToken)
        .send(survey)
        .expect(403);
      // A cross-site form cannot read the cookie, so it cannot echo it either: header without the cookie fails too.
      await t
        .http()
        .post('/applications')
        .set(
          'Cookie',
          cookie
            .split('; ')
            .filter((c) => !c.startsWith('iasl-csrf='))
            .join('; '),
        )
        .set('X-CSRF-Token', csrf)
        .send(survey)
        .expect(403);
      expect(
        await t
          .get(EventStore)
          .head()
          .then((h) => h?.position ?? null),
      ).toBe(head);

      const ok = await t.http().post('/applications').set('Cookie', cookie).set('X-CSRF-Token', csrf).send(survey).expect(201);
      expect(ok.body.events).toEqual(['SurveySubmitted']);
      // Reads need no token; GET /auth/csrf gives a fresh one for the same session (after a page reload).
      await t.http().get(`/applications/${ok.body.applicationId}`).set('Cookie', cookie).expect(200);
      const fresh = await t.http().get('/auth/csrf').set('Cookie', cookie).expect(200);
      const refreshed = `${cookie
        .split('; ')
        .filter((c) => !c.startsWith('iasl-csrf='))
        .join('; ')}; ${cookieHeader(fresh)}`;
      await t
        .http()
        .put(`/applications/${ok.body.applicationId}/assessment/draft`)
        .set('Cookie', refreshed)
        .set('X-CSRF-Token', fresh.body.csrfToken)
        .send({ ratings: ratings(3).slice(0, 1) })
        .expect(409);
    });

    it('refuses a forged or tampered session cookie, and one ended by logout', async () => {
      const res = await t
        .http()
        .post('/auth/email-link/redeem')
        .send({ token: await freshLink('alice@riverside.edu'), session: 'cookie' })
        .expect(200);
      const value = cookiesOf(res)
        .find((c) => c.startsWith('iasl-session='))!
        .split(';')[0]
        .split('=')[1];
      for (const forged of ['0'.repeat(43), tamper(value), `${value}A`]) {
        await t.http().get('/auth/me').set('Cookie', `iasl-session=${forged}`).expect(401);
      }
      await t.http().post('/auth/logout').set('Cookie', cookieHeader(res)).set('X-CSRF-Token', res.body.csrfToken).expect(204);
      await t.http().get('/auth/me').set('Cookie', cookieHeader(res)).expect(401);
    });

    it('a bearer client needs no CSRF token, even with a stray cookie', async () => {
      await t
        .http()
        .post('/applications')
        .set(alice.auth)
        .set('Cookie', 'iasl-session=whatever')
        .send(surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'))
        .expect(201);
    });

    async function freshLink(email: string) {
      await t.http().post('/auth/email-link').send({ email }).expect(202);
      return linkToken(t.mailer.to(email).at(-1)!.text)!;
    }
  });

  describe('refusals reveal nothing and are logged', () => {
    let staff: Session, alice: Session, oscar: Session;
    let P: string;
    let warnings: unknown[];

    beforeEach(async () => {
      t = await startApp({ now: '2026-03-02T09:00:00.000Z' });
      staff = await signInWithPassword(t, 'staff', 'staff@iasl.org');
      alice = await signInByEmail(t, 'alice@riverside.edu');
      oscar = await signInByEmail(t, 'oscar@elsewhere.org');
      P = (
        await t
          .http()
          .post('/applications')
          .set(alice.auth)
          .send(surveyFor('Alice Rivers', alice.email, 'Riverside STEM Academy'))
          .expect(201)
      ).body.applicationId;
      await t.http().post(`/applications/${P}/screening/accept`).set(staff.auth).expect(200);
      await settle(t);
      warnings = [];
      jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(message));
    });

    afterEach(() => jest.restoreAllMocks());

    it('a stranger with a stale If-Match gets 404, not 412 with the stream version', async () => {
      const res = await t
        .http()
        .put(`/applications/${P}/assessment/draft`)
        .set(oscar.auth)
        .set('If-Match', 'W/"1"')
        .send({ ratings: ratings(3).slice(0, 1) })
        .expect(404);
      expect(res.body.code).toBe('application.not_found');
      expect(res.text).not.toMatch(/version/i);
      // The owner with the same stale tag gets the precondition failure.
      await t
        .http()
        .put(`/applications/${P}/assessment/draft`)
        .set(alice.auth)
        .set('If-Match', 'W/"1"')
        .send({ ratings: ratings(3).slice(0, 1) })
        .expect(412);
    });

    it('If-Match: * asks only that the application exists', async () => {
      const res = await t
        .http()
        .put(`/applications/${P}/assessment/draft`)
        .set(alice.auth)
        .set('If-Match', '*')
        .send({ ratings: ratings(3).slice(0, 1) })
        .expect(200);
      expect(res.body.events).toEqual(['AssessmentDraftSaved']);
    });

    it('logs each denial with actor, role, route and reason', async () => {
      await t.http().get(`/applications/${P}`).set(oscar.auth).expect(404);
      await t.http().post(`/applications/${P}/screening/accept`).set(alice.auth).expect(403);
      await t.http().get(`/applications/${P}`).expect(401);
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            msg: 'access denied',
            status: 404,
            actorId: oscar.id,
            role: 'applicant',
            route: 'GET /applications/:id',
            reason: 'not an application of this applicant',
          }),
          expect.objectContaining({
            msg: 'access denied',
            status: 403,
            actorId: alice.id,
            role: 'applicant',
            route: 'POST /applications/:id/screening/accept',
          }),
          expect.objectContaining({ msg: 'access denied', status: 401, actorId: null, role: 'anonymous' }),
        ]),
      );
    });

    it('sends security headers', async () => {
      const res = await t.http().get('/health').expect(200);
      expect(res.headers).toEqual(
        expect.objectContaining({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
        }),
      );
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});
