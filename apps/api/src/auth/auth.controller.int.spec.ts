import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, INestApplication, Logger, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ConfigModule, loadConfig } from '@cert/config';
import type { Actor } from '@cert/domain';
import { IdentityModule, SqliteIdentityStore } from '@cert/identity';
import { MailModule } from '@cert/mail';
import { FixedClock, RecordingMailer } from '@cert/testing';
import { Allow } from './access.decorators';
import { CurrentActor } from './actor.decorator';
import { AuthModule } from './auth.module';
import { ProblemFilter } from '../http/problem.filter';

@Controller('probe')
class ProbeController {
  @Allow('staff')
  @Get('staff-only')
  staffOnly(@CurrentActor() actor: Actor) {
    return actor;
  }

  // Deliberately without a policy: the guard must refuse it.
  @Get('forgotten')
  forgotten() {
    return 'open';
  }
}

const tokenIn = (link: string) => new URL(link).searchParams.get('token')!;
const linkIn = (text: string) => /(https:\/\/cert\.test\/\S+)/.exec(text)![1];

describe('AuthController (int)', () => {
  let dir: string;
  let app: INestApplication;
  let clock: FixedClock;
  let mailer: RecordingMailer;
  let warnings: string[];
  let http: () => ReturnType<typeof request>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'auth-int-'));
    clock = new FixedClock('2026-03-02T09:00:00.000Z');
    mailer = new RecordingMailer();
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    const config = loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://cert.test', BOOTSTRAP_ADMIN_EMAIL: 'admin@iasl.test' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        IdentityModule.forInstance(new SqliteIdentityStore(':memory:', clock)),
        MailModule.forInstance(mailer),
        AuthModule,
      ],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    // As the api module answers refusals: problem+json, field errors by name.
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
    http = () => request(app.getHttpServer());
  });

  afterEach(async () => {
    await app.close();
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const bootstrapLink = () => linkIn(warnings.find((w) => w.includes('/set-password?token='))!);

  async function signInAdmin(): Promise<string> {
    await http()
      .post('/auth/password')
      .send({ token: tokenIn(bootstrapLink()), password: 'first staff passphrase' })
      .expect(204);
    const res = await http().post('/auth/login').send({ email: 'admin@iasl.test', password: 'first staff passphrase' }).expect(200);
    return res.body.token;
  }

  async function signInApplicant(email = 'leader@school.example'): Promise<string> {
    await http().post('/auth/email-link').send({ email }).expect(202);
    const res = await http()
      .post('/auth/email-link/redeem')
      .send({ token: tokenIn(linkIn(mailer.last()!.text)) })
      .expect(200);
    return res.body.token;
  }

  describe('first run and passwords', () => {
    it('bootstrap link → set password → login → /auth/me', async () => {
      expect(bootstrapLink()).toMatch(/^https:\/\/cert\.test\/set-password\?token=[\w-]{43}$/);

      await http()
        .post('/auth/password')
        .send({ token: tokenIn(bootstrapLink()), password: 'first staff passphrase' })
        .expect(204);
      const login = await http().post('/auth/login').send({ email: 'ADMIN@iasl.test', password: 'first staff passphrase' }).expect(200);

      expect(login.body).toEqual({
        token: expect.stringMatching(/^[\w-]{43}$/),
        expiresAt: '2026-03-02T21:00:00.000Z',
        expiresInSeconds: 12 * 60 * 60,
        user: { id: expect.any(String), email: 'admin@iasl.test', name: 'Administrator', role: 'staff' },
      });
      const me = await http().get('/auth/me').auth(login.body.token, { type: 'bearer' }).expect(200);
      expect(me.body).toEqual(login.body.user);
    });

    it('a set-password link works once, and a too-short password does not use it up', async () => {
      const token = tokenIn(bootstrapLink());
      await http().post('/auth/password').send({ token, password: 'short' }).expect(400);
      await http().post('/auth/password').send({ token, password: 'first staff passphrase' }).expect(204);
      await http().post('/auth/password').send({ token, password: 'second staff passphrase' }).expect(401);
    });

    it('refuses a long but guessable password, says why, and leaves the link usable', async () => {
      // Given the bootstrap set-password link
      const token = tokenIn(bootstrapLink());
      // When the admin tries passwords long enough but easy to guess: a repeat, a common one, their own email
      for (const password of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', 'admin@iasl.test!']) {
        const res = await http().post('/auth/password').send({ token, password }).expect(400);
        // Then each is refused on the password field with a reason
        expect(res.body.errors).toEqual([
          { field: 'password', messages: [expect.stringMatching(/^Choose a password that is harder to guess\. /)] },
        ]);
      }
      // And the link still sets a strong one
      await http().post('/auth/password').send({ token, password: 'first staff passphrase' }).expect(204);
    });

    it('answers a wrong password and an unknown email with the same 401', async () => {
      await signInAdmin();
      const wrong = await http().post('/auth/login').send({ email: 'admin@iasl.test', password: 'not the passphrase' }).expect(401);
      const unknown = await http().post('/auth/login').send({ email: 'nobody@iasl.test', password: 'not the passphrase' }).expect(401);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('refuses unknown fields (strict DTOs)', async () => {
      await http().post('/auth/login').send({ email: 'admin@iasl.test', password: 'x', role: 'staff' }).expect(400);
    });
  });

  describe('email links', () => {
    it('creates a new applicant, mails a link, and the link opens an applicant session', async () => {
      await http().post('/auth/email-link').send({ email: 'Leader@School.example' }).expect(202);

      expect(mailer.sent).toHaveLength(1);
      expect(mailer.last()).toMatchObject({ to: 'leader@school.example', subject: expect.stringContaining('sign-in link') });
      expect(linkIn(mailer.last()!.text)).toMatch(/^https:\/\/cert\.test\/sign-in\?token=[\w-]{43}$/);

      const res = await http()
        .post('/auth/email-link/redeem')
        .send({ token: tokenIn(linkIn(mailer.last()!.text)) })
        .expect(200);
      expect(res.body.user).toMatchObject({ email: 'leader@school.example', role: 'applicant' });
      const me = await http().get('/auth/me').auth(res.body.token, { type: 'bearer' }).expect(200);
      expect(me.body.role).toBe('applicant');
    });

    it('a link works only once', async () => {
      await http().post('/auth/email-link').send({ email: 'leader@school.example' }).expect(202);
      const token = tokenIn(linkIn(mailer.last()!.text));
      await http().post('/auth/email-link/redeem').send({ token }).expect(200);
      await http().post('/auth/email-link/redeem').send({ token }).expect(401);
    });

    it('a link expires after 15 minutes', async () => {
      await http().post('/auth/email-link').send({ email: 'leader@school.example' }).expect(202);
      clock.advance({ minutes: 16 });
      await http()
        .post('/auth/email-link/redeem')
        .send({ token: tokenIn(linkIn(mailer.last()!.text)) })
        .expect(401);
    });

    it('answers 202 for a staff email but sends nothing: staff use passwords', async () => {
      await http().post('/auth/email-link').send({ email: 'admin@iasl.test' }).expect(202);
      expect(mailer.sent).toHaveLength(0);
    });
  });

  describe('the access guard', () => {
    it('lets staff through a staff route, with the actor', async () => {
      const token = await signInAdmin();
      const res = await http().get('/probe/staff-only').auth(token, { type: 'bearer' }).expect(200);
      expect(res.body).toEqual({ id: expect.any(String), role: 'staff', email: 'admin@iasl.test' });
    });

    it('refuses an applicant on a staff route with 403', async () => {
      const token = await signInApplicant();
      await http().get('/probe/staff-only').auth(token, { type: 'bearer' }).expect(403);
    });

    it('refuses a route without a policy with 403, even for staff', async () => {
      const token = await signInAdmin();
      await http().get('/probe/forgotten').auth(token, { type: 'bearer' }).expect(403);
      await http().get('/probe/forgotten').expect(403);
    });

    it('answers 401 without a token or with an unknown one', async () => {
      await http().get('/probe/staff-only').expect(401);
      await http().get('/auth/me').expect(401);
      await http().get('/auth/me').auth('made-up-token', { type: 'bearer' }).expect(401);
    });

    it('ends a session at logout', async () => {
      const token = await signInApplicant();
      await http().post('/auth/logout').auth(token, { type: 'bearer' }).expect(204);
      await http().get('/auth/me').auth(token, { type: 'bearer' }).expect(401);
    });

    it('ends a session after 12 hours', async () => {
      const token = await signInApplicant();
      clock.advance({ hours: 12 });
      await http().get('/auth/me').auth(token, { type: 'bearer' }).expect(401);
    });
  });
});
