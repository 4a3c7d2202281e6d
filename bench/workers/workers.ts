import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { Clock, loadConfig } from '@cert/config';
import { DecideApplicationCommand, SubmitSurveyCommand } from '@cert/commands';
import { Actor, CURRENT_POLICY_VERSION, applicationStream, policyByVersion } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { ApiModule } from '../../apps/api/src/api.module';
import { toMail } from '../../libs/work/src/notifications/mail';
import { compose } from '../../libs/work/src/notifications/templates';
import { surveyFor } from '../cycle/cycle-data';
import { cpuWindow } from '../lib/cpu';
import { Prng } from '../lib/prng';
import { log } from '../lib/progress';
import { Figure, Latencies, figure } from '../lib/stats';
import { ShiftedClock, wallNow } from './clock';
import type { FloorMail } from './floor-worker';
import Database from 'better-sqlite3';
import { Sink, startSink } from './smtp-sink';
import { LatenessRun, Shape, ThroughputRun, WorkersResult } from './types';

export * from './types';

const WORKER_MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.js');
const FLOOR_MAIN = join(__dirname, 'floor-worker.js');
const EXIT_ON_SIGTERM = join(__dirname, '..', 'tools', 'exit-on-sigterm.js');
const DAY_MS = 86_400_000;
/** The engine's notifications processor runs 4 jobs at once (libs/work/src/work.module.ts); the floor gets the same. */
const CONCURRENCY = 4;

export type WorkersConfig = {
  /** Notifications per throughput run (one event, one mail each). */
  notifications: number;
  warmup: number;
  /** Reminder timers per lateness run, falling due at `timersPerSecond` (seeded random order) after a lead of a few seconds. */
  timers: number;
  timersPerSecond: number;
  runs: number;
  redisUrl: string;
  /** --cpu-prof-worker=DIR: profile the worker processes (the engine's and the floor's). */
  profileDir?: string;
};

/**
 * bench/WORKLOAD.md, Workers: notifications per second from event to delivered mail, through BullMQ on the local
 * Redis and through the in-process scheduler, beside the floor (a bare BullMQ add-and-process loop on the same
 * Redis, whose jobs send the same mail through nodemailer to the same sink); and the lateness of reminders against
 * their due time on the real clock.
 *
 * The engine runs as in production: the compiled worker (`npm run start:worker`) as its own process, reading the
 * log; events are appended by this process through the real write side (ApiModule's CommandBus, RUN_WORK_SIDE=false:
 * the distributed shape's api, which keeps only its own read models) into the same data directory. Mail goes over SMTP to a sink in this process.
 */
export async function runWorkers(dataDir: string, config: WorkersConfig): Promise<WorkersResult> {
  const notes: string[] = [];
  const redisUp = await redisAnswers(config.redisUrl);
  const shapes: Shape[] = redisUp ? ['bullmq', 'local'] : ['local'];
  if (!redisUp) notes.push(`Workers: no Redis at ${config.redisUrl}; BullMQ and the floor were not measured.`);
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run \`npm run build\` first`);
  if (config.profileDir) mkdirSync(config.profileDir, { recursive: true });

  const sink = await startSink();
  const engine: Record<Shape, ThroughputRun[]> = { bullmq: [], local: [] };
  const floor = { mail: [] as ThroughputRun[], noop: [] as ThroughputRun[] };
  const lateness: Record<Shape, LatenessRun[]> = { bullmq: [], local: [] };
  try {
    for (let run = 1; run <= config.runs; run++) {
      const tag = `w${run}-${Date.now().toString(36)}`;
      const label = `workers run ${run}/${config.runs}`;
      // The floor and the engine back to back, so both see the same machine.
      if (redisUp) floor.mail.push(await floorThroughput(dataDir, 'mail', sink, config, `${label}, floor (bare BullMQ + nodemailer)`, tag));
      for (const shape of shapes) {
        engine[shape].push(
          await engineThroughput(
            join(dataDir, `workers-${shape}-${run}`),
            shape,
            sink,
            config,
            `${label}, engine ${shape}`,
            `${tag}-${shape}`,
          ),
        );
      }
      if (redisUp) floor.noop.push(await floorThroughput(dataDir, 'noop', sink, config, `${label}, floor (bare BullMQ, no-op jobs)`, tag));
      for (const shape of shapes) {
        lateness[shape].push(
          await reminderLateness(
            join(dataDir, `workers-late-${shape}-${run}`),
            shape,
            sink,
            config,
            `${label}, reminders ${shape}`,
            `${tag}-l${shape}`,
          ),
        );
      }
    }
  } finally {
    await sink.close();
  }

  const summarise = <T extends Record<string, number>>(runs: T[]) =>
    runs.length === 0
      ? null
      : (Object.fromEntries(Object.keys(runs[0]).map((k) => [k, figure(runs.map((r) => r[k]))])) as { [K in keyof T]: Figure });
  return {
    config: {
      notifications: config.notifications,
      warmup: config.warmup,
      timers: config.timers,
      timersPerSecond: config.timersPerSecond,
      runs: config.runs,
      concurrency: CONCURRENCY,
      shapes,
      floor: `bare BullMQ: Queue.add per job from this process into the backlog of a Worker (concurrency ${CONCURRENCY}) in its own process, stopped and released the same way, that sends each job's mail (the same rendered template) with nodemailer (non-pooled, as SmtpMailer) to the same sink; the no-op variant does nothing per job`,
      redis: config.redisUrl,
    },
    engine: Object.fromEntries(shapes.map((s) => [s, summarise(engine[s])])),
    floor: { mail: summarise(floor.mail), noop: summarise(floor.noop) },
    lateness: Object.fromEntries(shapes.map((s) => [s, summarise(lateness[s])])),
    notes,
  };
}

// ---------- the engine ----------

/** The distributed shape's api as a Nest context: commands through the real handlers, no work side in this process. */
async function openProducer(dir: string, clock: Clock): Promise<{ app: INestApplicationContext; bus: CommandBus; store: EventStore }> {
  const config = loadConfig({
    DATA_DIR: dir,
    // Its own read models (as each api replica has); the worker keeps its own, with the reactors' checkpoint.
    READ_DB_PATH: join(dir, 'producer-read-models.sqlite'),
    RUN_WORK_SIDE: 'false',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://bench.local',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@bench.local',
  });
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  const app = await moduleRef.init();
  return { app, bus: app.get(CommandBus), store: app.get(EventStore) };
}

type EngineWorker = ChildProcess & { logPath: string; prefix: string | null };

function startEngineWorker(dir: string, shape: Shape, sink: Sink, config: WorkersConfig, tag: string): EngineWorker {
  const prefix = shape === 'bullmq' ? `bench-${tag}-${randomUUID().slice(0, 8)}` : null;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dir,
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://bench.local',
    ...(prefix ? { REDIS_URL: config.redisUrl, QUEUE_PREFIX: prefix } : {}),
  };
  return spawnLogged(WORKER_MAIN, env, join(dir, 'worker.log'), config.profileDir, { prefix });
}

const applicant = (tag: string, i: number): Actor => ({
  id: `bench-applicant-${tag}-${i}`,
  role: 'applicant',
  email: `leader-${tag}-${i}@school.bench`,
});

async function submit(bus: CommandBus, tag: string, i: number): Promise<string> {
  const actor = applicant(tag, i);
  const result = (await bus.execute(new SubmitSurveyCommand(surveyFor(tag, i, actor.email!) as never, false, actor))) as {
    applicationId: string;
    events: string[];
  };
  if (result.events.length !== 1) throw new Error(`SubmitSurvey ${tag}-${i} appended ${result.events.length} events`);
  return result.applicationId;
}

/**
 * One event (SurveySubmitted), one mail (nomination-received to the applicant). The warm worker is stopped
 * (SIGSTOP) while the backlog is appended through the write side, then released (SIGCONT): the figure is
 * messages ÷ (last mail accepted − release). So the write side's cost, measured elsewhere, stays out of the figure,
 * and the sink's process does nothing but receive while the clock runs (a producer in the sink's process held its
 * event loop in synchronous SQLite commits and slowed every SMTP reply). The worker holds no write lock on the
 * producer's files while idle (its job table is in its own read-model file), so stopping it blocks nothing.
 */
async function engineThroughput(
  dir: string,
  shape: Shape,
  sink: Sink,
  config: WorkersConfig,
  label: string,
  tag: string,
): Promise<ThroughputRun> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const producer = await openProducer(dir, new ShiftedClock());
  const worker = startEngineWorker(dir, shape, sink, config, tag);
  try {
    // Warm-up: the worker boots, catches up, and its first mails go out; none of it is timed.
    let mark = sink.deliveries.length;
    for (let i = 0; i < config.warmup; i++) await submit(producer.bus, `${tag}-warm`, i);
    await untilDelivered(sink, mark + config.warmup, worker, `${label}: warm-up mails`);
    // Stopped only once idle: not holding the log's write lock for a ledger append the producer would wait on.
    await untilLedger(dir, config.warmup, worker, label);

    mark = sink.deliveries.length;
    worker.kill('SIGSTOP');
    const p0 = wallNow();
    const expected = new Set<string>();
    for (let i = 0; i < config.notifications; i++) {
      await submit(producer.bus, tag, i);
      expected.add(applicant(tag, i).email!);
    }
    const producerSeconds = (wallNow() - p0) / 1000;
    const cpu = cpuWindow({ worker: worker.pid!, bench: process.pid });
    const start = wallNow();
    worker.kill('SIGCONT');
    await untilDelivered(sink, mark + config.notifications, worker, `${label}: mails`);
    const used = cpu.stop();
    const mails = sink.deliveries.slice(mark, mark + config.notifications);
    const strays = mails.filter((m) => !expected.delete(m.to));
    if (strays.length > 0 || expected.size > 0)
      throw new Error(`${label}: ${strays.length} mails no event asked for, ${expected.size} events without a mail`);
    return finishThroughput(label, mails, start, producerSeconds, used, config.notifications);
  } finally {
    await stop(worker);
    await producer.app.close();
    if (worker.prefix) await dropPrefix(config.redisUrl, worker.prefix);
  }
}

/**
 * Reminders on the real clock: each application is accepted with the producer's clock shifted back so that its
 * first assessment reminder (the earliest, `max(assessmentReminderDays)` before the due date) falls due at a chosen
 * real moment a few seconds ahead. Lateness = the reminder mail's arrival at the sink − that due time, read from the
 * SurveyAccepted event's dueAt in the log. The path: delayed job → deadlines processor → RemindAssessment →
 * AssessmentReminderIssued → reactor → notification job → mail.
 *
 * Timers are measured, not the queue's backlog: the acceptances' own invitation mails go out first, and the
 * reminders fall due after that, at `timersPerSecond` in a seeded random order. The lead before the first one is
 * set from how long the same amount of work (the submissions and their mails) took just before, on this machine
 * now; `quietMs` records how long before the first due time the invitations were all delivered (negative = they
 * overlapped, and the figure includes that load).
 */
async function reminderLateness(
  dir: string,
  shape: Shape,
  sink: Sink,
  config: WorkersConfig,
  label: string,
  tag: string,
): Promise<LatenessRun> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const policy = policyByVersion(CURRENT_POLICY_VERSION);
  const firstReminderDays = Math.max(...policy.assessmentReminderDays);
  const acceptedAgoDays = policy.assessmentWindowDays - firstReminderDays;
  const clock = new ShiftedClock();
  const producer = await openProducer(dir, clock);
  const worker = startEngineWorker(dir, shape, sink, config, tag);
  const staff: Actor = { id: 'bench-staff', role: 'staff' };
  try {
    // Submitted a day before the (back-dated) acceptance.
    clock.shiftMs = -(acceptedAgoDays + 1) * DAY_MS;
    let mark = sink.deliveries.length;
    const setupStart = wallNow();
    const ids: string[] = [];
    for (let i = 0; i < config.timers; i++) ids.push(await submit(producer.bus, tag, i));
    await untilDelivered(sink, mark + config.timers, worker, `${label}: submission mails`);
    await untilLedger(dir, config.timers, worker, label);
    const setupMs = wallNow() - setupStart;

    const leadMs = Math.max(3000, 1.5 * setupMs + 2000);
    const spreadMs = (config.timers / config.timersPerSecond) * 1000;
    const firstDue = wallNow() + leadMs;
    const prng = new Prng(0x7e3e + config.timers);
    mark = sink.deliveries.length;
    for (let i = 0; i < config.timers; i++) {
      const dueAt = firstDue + prng.next() * spreadMs;
      clock.shiftMs = dueAt - Date.now() - acceptedAgoDays * DAY_MS;
      await producer.bus.execute(new DecideApplicationCommand(ids[i], { type: 'AcceptSurvey', data: {} }, staff));
    }
    clock.shiftMs = 0;
    const dueByEmail = new Map<string, number>();
    for (let i = 0; i < config.timers; i++) {
      const { events } = await producer.store.readStream(applicationStream(ids[i]));
      const accepted = events.find((e) => e.type === 'SurveyAccepted');
      if (!accepted) throw new Error(`${label}: application ${ids[i]} has no SurveyAccepted`);
      dueByEmail.set(applicant(tag, i).email!, Date.parse((accepted.data as { dueAt: string }).dueAt) - firstReminderDays * DAY_MS);
    }
    const invitations = () => sink.deliveries.slice(mark).filter((d) => d.messageId.includes('-assessment-invitation-')).length;
    await sink.until(() => invitations() >= config.timers, 300_000, `${label}: invitation mails (${tail(worker)})`);
    const quietMs = Math.min(...dueByEmail.values()) - wallNow();

    const reminders = () => sink.deliveries.slice(mark).filter((d) => d.messageId.includes('-assessment-reminder-'));
    await sink.until(
      () => reminders().length >= config.timers,
      leadMs + spreadMs + 300_000,
      `${label}: ${config.timers} reminder mails (${tail(worker)})`,
    );
    const late = new Latencies();
    for (const m of reminders()) {
      const due = dueByEmail.get(m.to);
      if (due === undefined) throw new Error(`${label}: a reminder to ${m.to} that no timer of this run set`);
      late.add(m.at - due);
    }
    const s = late.summary();
    if (s.n !== config.timers) throw new Error(`${label}: ${s.n} reminder mails for ${config.timers} timers`);
    log(
      `${label}: ${s.n} reminders due over ${(spreadMs / 1000).toFixed(1)} s from ${(leadMs / 1000).toFixed(1)} s ahead; invitations done ${(quietMs / 1000).toFixed(1)} s before the first; ` +
        `lateness p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`,
    );
    return { timers: s.n, p50Ms: s.p50, p99Ms: s.p99, maxMs: s.max, leadSeconds: leadMs / 1000, quietMs };
  } finally {
    await stop(worker);
    await producer.app.close();
    if (worker.prefix) await dropPrefix(config.redisUrl, worker.prefix);
  }
}

/**
 * Waits until the worker has recorded `count` sends in the ledger: it writes NotificationSent after the sink
 * accepted the mail, so a mail counted at the sink may still have its ledger append (a write lock on the log) to go.
 */
async function untilLedger(dir: string, count: number, worker: ChildProcess & { logPath: string }, label: string): Promise<void> {
  const db = new Database(join(dir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const sent = db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'NotificationSent'").pluck();
    await waitFor(() => (sent.get() as number) >= count, 120_000, `${label}: ${count} NotificationSent in the log`, worker);
  } finally {
    db.close();
  }
}

// ---------- the floor ----------

/** One rendered nomination-received mail of the engine's own templates, so the floor sends the same bytes per message. */
function floorMail(to: string, messageId: string): FloorMail {
  const content = compose('nomination-received', {
    reference: 'IASL-2026-000000',
    leaderName: 'Leader Bench',
    institutionName: 'Bench School',
    applicationId: randomUUID(),
    publicUrl: 'http://bench.local',
    now: new Date().toISOString(),
    params: {},
  });
  const { subject, text, html } = toMail(content);
  return { to, subject, text, html, messageId };
}

/**
 * The floor: a bare Worker in its own process, stopped while Queue.add (one closed-loop client) fills the backlog,
 * then released, as the engine's worker is. mode mail: the figure is jobs ÷ (last mail accepted − release);
 * noop: jobs ÷ (last completion seen by QueueEvents − release).
 */
async function floorThroughput(
  dir: string,
  mode: 'mail' | 'noop',
  sink: Sink,
  config: WorkersConfig,
  label: string,
  tag: string,
): Promise<ThroughputRun> {
  const prefix = `bench-floor-${tag}-${randomUUID().slice(0, 8)}`;
  const queueName = 'floor';
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection, prefix });
  // QueueEvents blocks on its own connection.
  const eventsConnection = mode === 'noop' ? new Redis(config.redisUrl, { maxRetriesPerRequest: null }) : null;
  const events = eventsConnection ? new QueueEvents(queueName, { connection: eventsConnection, prefix }) : null;
  const completedAt: number[] = [];
  events?.on('completed', () => void completedAt.push(wallNow()));
  const logPath = join(dir, `floor-${mode}-${tag}.log`);
  const worker = spawnLogged(
    FLOOR_MAIN,
    {
      PATH: process.env.PATH ?? '',
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: prefix,
      FLOOR_QUEUE: queueName,
      CONCURRENCY: String(CONCURRENCY),
      FLOOR_MODE: mode,
      SMTP_URL: sink.url,
    },
    logPath,
    config.profileDir,
    { prefix },
  );
  const mail = floorMail('leader@school.bench', '');
  const add = (i: number, kind: string) => {
    const to = `floor-${tag}-${kind}-${i}@school.bench`;
    return queue.add('mail', { ...mail, to, messageId: `<floor-${tag}-${kind}-${i}@iasl.local>` });
  };
  const done = (target: number) =>
    mode === 'mail'
      ? untilDelivered(sink, target, worker, label)
      : waitFor(() => completedAt.length >= target, 120_000, `${label}: ${target} completions`, worker);
  try {
    await events?.waitUntilReady();
    await untilReady(worker, label);
    let mark = mode === 'mail' ? sink.deliveries.length : completedAt.length;
    for (let i = 0; i < config.warmup; i++) await add(i, 'warm');
    await done(mark + config.warmup);

    mark = mode === 'mail' ? sink.deliveries.length : completedAt.length;
    worker.kill('SIGSTOP');
    const p0 = wallNow();
    for (let i = 0; i < config.notifications; i++) await add(i, 'run');
    const producerSeconds = (wallNow() - p0) / 1000;
    const cpu = cpuWindow({ worker: worker.pid!, bench: process.pid });
    const start = wallNow();
    worker.kill('SIGCONT');
    await done(mark + config.notifications);
    const used = cpu.stop();
    const ends =
      mode === 'mail'
        ? sink.deliveries.slice(mark, mark + config.notifications)
        : completedAt.slice(mark, mark + config.notifications).map((at) => ({ at }));
    return finishThroughput(label, ends, start, producerSeconds, used, config.notifications);
  } finally {
    await stop(worker);
    await events?.close();
    eventsConnection?.disconnect();
    await queue.close();
    await dropPrefix(config.redisUrl, prefix);
    connection.disconnect();
  }
}

// ---------- shared ----------

function finishThroughput(
  label: string,
  ends: { at: number }[],
  start: number,
  producerSeconds: number,
  used: ReturnType<ReturnType<typeof cpuWindow>['stop']>,
  n: number,
): ThroughputRun {
  const last = ends.reduce((a, m) => Math.max(a, m.at), -Infinity);
  const seconds = (last - start) / 1000;
  const workerCpuMsPerMessage = (used.cores.worker * used.seconds * 1000) / n;
  log(
    `${label}: ${n} in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)}/s; backlog appended at ${(n / producerSeconds).toFixed(0)}/s; ` +
      `worker CPU ${workerCpuMsPerMessage.toFixed(2)} ms/message (${used.cores.worker.toFixed(2)} cores), bench ${used.cores.bench.toFixed(2)} cores, other load ${used.otherCores.toFixed(2)} cores`,
  );
  return {
    messages: n,
    seconds,
    perSec: n / seconds,
    producerPerSec: n / producerSeconds,
    workerCpuMsPerMessage,
    workerCores: used.cores.worker,
    otherCores: used.otherCores,
  };
}

function spawnLogged(
  main: string,
  env: Record<string, string>,
  logPath: string,
  profileDir: string | undefined,
  extra: { prefix: string | null },
) {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '-r', EXIT_ON_SIGTERM] : [];
  const fd = openSync(logPath, 'a');
  const child = spawn(process.execPath, [...profile, main], { env, stdio: ['ignore', 'pipe', fd] });
  closeSync(fd);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { logPath, prefix: extra.prefix, stdoutText: () => out });
}

const tail = (child: { logPath: string }) => {
  try {
    return readFileSync(child.logPath, 'utf8').slice(-600) || 'worker log empty';
  } catch {
    return 'no worker log';
  }
};

/** Fails fast when the worker dies, instead of waiting out the bound. */
function untilDelivered(sink: Sink, target: number, worker: ChildProcess & { logPath: string }, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${what}: the worker exited (${code}): ${tail(worker)}`));
    worker.once('exit', onExit);
    sink
      .until(() => sink.deliveries.length >= target, 300_000, `${what}: ${target} deliveries in all (${tail(worker)})`)
      .then(resolve, reject)
      .finally(() => worker.off('exit', onExit));
  });
}

async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
  child: ChildProcess & { logPath: string },
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`${what}: the worker exited: ${tail(child)}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function untilReady(child: ChildProcess & { logPath: string; stdoutText: () => string }, what: string): Promise<void> {
  return waitFor(() => child.stdoutText().includes('ready'), 60_000, `${what}: floor worker ready`, child);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Every key of one run's prefix goes, so runs leave nothing behind in the shared Redis. */
async function dropPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
