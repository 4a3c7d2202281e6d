import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@cert/config';
import { IdentityStore, SET_PASSWORD_TTL, User, openIdentityStore, signInUrl } from '@cert/identity';
import { JobQueue } from '@cert/jobs';
import { LogRunner, ReadDb } from '@cert/projections';
import { ReactionRunner } from '@cert/work';
import { ApiModule } from '../api.module';
import { configureApp } from '../configure-app';
import { CAST, Person } from './cast';
import { DemoClock, runTimeline } from './timeline';
import { DemoWorld, demoStories } from './stories';

/** One printed sign-in per role: a password, or for applicants a one-time link. */
export type DemoSignIn = { role: string; name: string; email: string; password?: string; link?: string; validUntil?: string };

const DAY = 86_400_000;
// The seeder's own sessions outlive the years it moves through; each is ended when seeding is done.
const SEEDING_SESSION = 20 * 365 * DAY;
// The applicant's printed link: a day rather than the 15 minutes of a mailed one, so the demo can be opened later.
const PRINTED_LINK_TTL = DAY;

/** Why a directory cannot take the demo, or null: it must not hold events already (the demo never adds to a real log). */
export function refusalFor(config: AppConfig): string | null {
  if (!existsSync(config.sqlitePath)) return null;
  const db = new Database(config.sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    const count = table ? (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n : 0;
    return count > 0
      ? `${config.sqlitePath} already holds ${count} events: the demo seeds only an empty data directory. ` +
          'Choose another with DATA_DIR=<folder>, or delete this one if it is an earlier demo.'
      : null;
  } finally {
    db.close();
  }
}

/**
 * Seeds the demo year (README.md, Quick start) into an empty data directory: the real service in this process, on a
 * clock that starts years back and is moved forward step by step, every step a real HTTP request, every timer fired
 * at its own time on the way. The clock ends at the real current time, so no date shown lies in the future by
 * mistake; the service that serves the data afterwards runs on the system clock. Returns one sign-in per role.
 */
export async function seedDemo(config: AppConfig, log: (line: string) => void = () => {}): Promise<DemoSignIn[]> {
  const refusal = refusalFor(config);
  if (refusal) throw new Error(refusal);
  const now = new Date();
  const clock = new DemoClock(new Date(now.getTime() - 6 * 365 * DAY));

  // The office holders' accounts exist before the year starts, as `npm run cli -- users:create` makes them; staff can
  // sign in from the first start, so the service does not invent an administrator.
  const accounts = await openIdentityStore(config, clock);
  for (const person of CAST.office) await accounts.findOrCreateUser(person);
  const staffPassword = newPassword();
  await accounts.setPassword((await accounts.findByEmail(CAST.staff.email))!.id, staffPassword);
  await accounts.close();

  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, clock), { logger: ['error'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const identity = app.get(IdentityStore);
  const sessions: string[] = [];
  try {
    const sessionFor = async (user: User) => {
      const { token } = await identity.createSession(user.id, SEEDING_SESSION);
      sessions.push(token);
      return token;
    };
    const world = new DemoWorld(base, now, async (person: Person) => {
      const user = await identity.findOrCreateUser({ email: person.email, name: person.name, role: person.role });
      return { id: user.id, token: await sessionFor(user) };
    });

    const settle = () => settleWorkSide(app);
    const nextDue = () =>
      (app.get(ReadDb).db.prepare("SELECT MIN(due_at) AS due FROM jobs WHERE status = 'pending'").get() as { due: string | null }).due;
    // Each pending timer fires at its own date on the way, as it would have in a service that ran all along.
    const advance = async (to: Date) => {
      for (let step = 0; step < 100_000; step++) {
        await settle();
        const due = nextDue();
        if (!due || Date.parse(due) > to.getTime()) break;
        if (Date.parse(due) > clock.now().getTime()) clock.set(new Date(due));
      }
      if (to.getTime() > clock.now().getTime()) clock.set(to);
      await settle();
    };

    log('Seeding the demo year through the service…');
    await runTimeline(demoStories(world), advance);
    await advance(new Date());

    const signIns: DemoSignIn[] = [{ role: 'staff', name: CAST.staff.name, email: CAST.staff.email, password: staffPassword }];
    for (const person of [CAST.reviewers[0], CAST.board, CAST.auditor, CAST.operator]) {
      signIns.push({
        role: person.role,
        name: person.name,
        email: person.email,
        password: await setPasswordByLink(base, identity, person),
      });
    }
    for (const s of signIns) await signInWorks(base, s.email, s.password!);
    const leader = (await identity.findByEmail(CAST.applicant.email))!;
    const link = await identity.issueOneTimeToken('sign-in', leader, PRINTED_LINK_TTL);
    signIns.push({
      role: 'applicant',
      name: CAST.applicant.name,
      email: CAST.applicant.email,
      link: signInUrl(config.publicUrl, link.token),
      validUntil: link.expiresAt,
    });
    return signIns;
  } finally {
    for (const token of sessions) await identity.revokeSession(token);
    await app.close();
  }
}

/** What `users:create` prints and a person opens: a one-time set-password link, redeemed over HTTP. */
async function setPasswordByLink(base: string, identity: IdentityStore, person: Person): Promise<string> {
  const user = (await identity.findByEmail(person.email))!;
  const { token } = await identity.issueOneTimeToken('set-password', user, SET_PASSWORD_TTL);
  const password = newPassword();
  const res = await fetch(`${base}/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  if (res.status !== 204) throw new Error(`setting ${person.email}'s password answered ${res.status}: ${await res.text()}`);
  return password;
}

async function signInWorks(base: string, email: string, password: string): Promise<void> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`signing in as ${email} answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  await fetch(`${base}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
}

// Random, so a demo left running on a shared machine does not open with a password from the source.
const newPassword = () => `demo-${randomBytes(12).toString('base64url')}`;

/** The work side finishes what the log asks for at the clock's time: reactions enqueue, due jobs run, until quiet. */
async function settleWorkSide(app: NestExpressApplication): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await app.get(LogRunner).catchUp();
    await app.get(ReactionRunner).catchUp();
    if ((await app.get(JobQueue).drain()) === 0) {
      await app.get(LogRunner).catchUp();
      return;
    }
  }
  throw new Error('the work side did not settle in 50 rounds');
}
