import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  Actor,
  ApplicationCommand,
  CURRENT_POLICY_VERSION,
  CURRENT_RUBRIC_VERSION,
  ReviewerCandidate,
  applicationDecider,
  applicationStream,
} from '@cert/domain';
import { EventStore, NewEvent, ReadAllOptions, RecordedEvent, SqliteEventStore, handle } from '@cert/event-store';
import { ALL_PROJECTIONS, rebuildAndCompare } from '@cert/projections';
import { DECISION, ratingFor, scoresFor, surveyFor } from '../cycle/cycle-data';
import { Prng } from '../lib/prng';
import { Progress, log } from '../lib/progress';
import { GcWindow, watchScavenges } from '../lib/gc';
import { warmPageCache } from '../lib/page-cache';
import { Figure, Latencies, figure, now } from '../lib/stats';

/**
 * Scale (bench/WORKLOAD.md, Part 2): stream load p50/p99 and one command's p99 with 10k and with 1M events of the real
 * domain already in the log, and the rebuild of every read model from that log. The log is written through
 * handle() with the real decider (the engine's write path) at synchronous=NORMAL, with stream reads served from
 * memory to load it quickly; it is measured after reopening at the default FULL.
 */

const NOW = '2026-03-02T09:00:00.000Z';
const WINDOW = 100;
/** 23 commands: every one of them, or all but the decision (the application then awaits the board). */
const FULL_CYCLE = 23;
const EVENTS_COMPLETE = 26;
const EVENTS_AWAITING = 24;
export const DECISIONS_PER_RUN = 200;
export const LOADS_PER_RUN = 1000;

const staff: Actor = { id: 'scale-staff', role: 'staff' };
const board: Actor = { id: 'scale-board', role: 'board' };
const reviewers: ReviewerCandidate[] = [
  { reviewerId: 'scale-reviewer-north', institution: 'North College', region: 'Ontario', declaredConflicts: [], openAssignments: 0 },
  { reviewerId: 'scale-reviewer-east', institution: 'East University', region: 'Kenya', declaredConflicts: [], openAssignments: 0 },
];

const idOf = (app: number) => `00000000-0000-4000-8000-${app.toString(16).padStart(12, '0')}`;
const applicantOf = (app: number): Actor => ({ id: `scale-applicant-${app}`, role: 'applicant', email: `leader-${app}@scale.bench` });

function commandAt(app: number, step: number): ApplicationCommand {
  const meta = (actor: Actor) => ({ actor, now: NOW });
  const applicant = applicantOf(app);
  switch (step) {
    case 0:
      return {
        type: 'SubmitSurvey',
        data: {
          applicationId: idOf(app),
          survey: surveyFor('scale', app, applicant.email!),
          asNominator: false,
          rubricVersion: CURRENT_RUBRIC_VERSION,
          policyVersion: CURRENT_POLICY_VERSION,
        },
        metadata: meta(applicant),
      };
    case 1:
      return { type: 'AcceptSurvey', data: {}, metadata: meta(staff) };
    case 18:
      return { type: 'SubmitAssessment', data: { ratings: [] }, metadata: meta(applicant) };
    case 19:
      return { type: 'AssignReviewers', data: { mode: 'manual', reviewers }, metadata: meta(staff) };
    case 20:
    case 21: {
      const k = step - 20;
      const actor: Actor = { id: reviewers[k].reviewerId, role: 'reviewer' };
      return { type: 'SubmitScores', data: { scores: scoresFor(app, k), recommendation: 'CharterMembership' }, metadata: meta(actor) };
    }
    case 22:
      return { type: 'RecordDecision', data: DECISION, metadata: meta(board) };
    default:
      return { type: 'SaveAssessmentDraft', data: { ratings: [ratingFor(app, step - 2)] }, metadata: meta(applicant) };
  }
}

const ctxOf = (c: ApplicationCommand) => ({ actorId: c.metadata.actor.id, actorRole: c.metadata.actor.role, now: NOW });

/**
 * Loading only: serves the streams being written from memory, and groups the store's own appends into
 * transactions of BATCH on its connection (better-sqlite3 nests each append's transaction as a savepoint), with
 * synchronous=OFF and a large page cache while loading. Every row is still written by SqliteEventStore.appendToStream.
 */
const BATCH = 2000;

class LoadingStore extends EventStore {
  private readonly cache = new Map<string, { version: number; events: RecordedEvent[] }>();
  private readonly db: Database.Database | null;
  private pending = 0;

  constructor(private readonly inner: EventStore) {
    super();
    const db = (inner as unknown as { db?: unknown }).db;
    this.db = db instanceof Database ? db : null;
    if (this.db) {
      this.db.pragma('synchronous = OFF');
      this.db.pragma('cache_size = -262144');
    } else {
      log('scale: the SQLite store hides its connection now; loading one transaction per append (slower)');
    }
  }

  private batch() {
    if (!this.db) return;
    if (this.pending === 0) this.db.exec('BEGIN IMMEDIATE');
    if (++this.pending >= BATCH) this.commit();
  }

  commit() {
    if (this.db && this.pending > 0) this.db.exec('COMMIT');
    this.pending = 0;
  }

  async readStream(streamId: string) {
    return this.cache.get(streamId) ?? { version: 0, events: [] };
  }

  async appendToStream(streamId: string, events: NewEvent[], opts: { expectedVersion: number }) {
    this.batch();
    const result = await this.inner.appendToStream(streamId, events, opts);
    const cached = this.cache.get(streamId) ?? { version: 0, events: [] };
    cached.events.push(...result.events);
    cached.version = result.version;
    this.cache.set(streamId, cached);
    return result;
  }

  forget(streamId: string) {
    this.cache.delete(streamId);
  }

  readAll(checkpoint: string | null, limit: number, options?: ReadAllOptions) {
    return this.inner.readAll(checkpoint, limit, options);
  }

  head() {
    return this.inner.head();
  }

  close() {
    this.commit();
    return this.inner.close();
  }
}

export type ScaleLog = { path: string; events: number; complete: number[]; awaiting: number[] };

/** Writes a log of about `targetEvents` events: interleaved applications, `awaiting` of them left before the decision. */
export async function buildLog(path: string, targetEvents: number, awaitingCount: number, label: string): Promise<ScaleLog> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const completeCount = Math.max(1, Math.ceil((targetEvents - awaitingCount * EVENTS_AWAITING) / EVENTS_COMPLETE));
  const apps = completeCount + awaitingCount;
  const every = Math.max(1, Math.floor(apps / awaitingCount));
  const awaiting: number[] = [];
  const complete: number[] = [];
  for (let a = 0; a < apps; a++) (awaiting.length < awaitingCount && a % every === 0 ? awaiting : complete).push(a);
  const isAwaiting = new Set(awaiting);
  const stepsOf = (a: number) => (isAwaiting.has(a) ? FULL_CYCLE - 1 : FULL_CYCLE);

  const store = new LoadingStore(SqliteEventStore.open(path, { synchronous: 'NORMAL' }));
  const expected = completeCount * EVENTS_COMPLETE + awaitingCount * EVENTS_AWAITING;
  const progress = new Progress(label, expected, 'events', 5000);
  const slots: { app: number; step: number }[] = [];
  let next = 0;
  while (slots.length < WINDOW && next < apps) slots.push({ app: next++, step: 0 });
  let i = 0;
  let events = 0;
  while (slots.length > 0) {
    const slot = slots[i];
    const command = commandAt(slot.app, slot.step);
    const result = await handle(store, applicationStream(idOf(slot.app)), applicationDecider, command, ctxOf(command));
    events += result.events.length;
    if ((events & 0x3ff) < result.events.length) progress.tick(events);
    if (++slot.step === stepsOf(slot.app)) {
      store.forget(applicationStream(idOf(slot.app)));
      if (next < apps) slots[i++] = { app: next++, step: 0 };
      else slots.splice(i, 1);
    } else {
      i++;
    }
    if (i >= slots.length) i = 0;
  }
  progress.done(events);
  await store.close();
  return { path, events, complete, awaiting };
}

/** gc: the scavenges of this process during the stream loads, and how many loads one of them landed in. */
export type ScaleRun = {
  loadP50: number;
  loadP99: number;
  floorP50: number;
  floorP99: number;
  commandP50: number;
  commandP99: number;
  gc: GcWindow;
};

/** The floor of a stream load: the engine's own SELECT of a stream's rows on a bare connection, nothing decoded or folded. */
const FLOOR_SELECT =
  'SELECT global_position, event_id, version, type, schema_version, data, metadata, prev_hash, hash FROM events WHERE stream_id = ? ORDER BY version';

/**
 * The same applications as the engine's loads (the same seed), read by the floor's SELECT. It shows how much of the
 * 1M/10k difference the file itself makes: the rows of one stream lie wherever the log put them (100 applications
 * interleaved), so a load reads each event from a page of its own, in a far larger file at 1M.
 */
function measureFloor(log: ScaleLog, run: number): { p50: number; p99: number } {
  const db = new Database(log.path, { readonly: true });
  try {
    const select = db.prepare<[string], unknown[]>(FLOOR_SELECT).raw(true);
    const rng = new Prng(0x10ad + run);
    const loads = new Latencies();
    for (let k = 0; k < LOADS_PER_RUN; k++) {
      const app = log.complete[rng.int(log.complete.length)];
      const t0 = now();
      const rows = select.all(applicationStream(idOf(app)));
      loads.add(now() - t0);
      if (rows.length !== EVENTS_COMPLETE) throw new Error(`scale floor: application ${app} has ${rows.length} rows`);
    }
    const l = loads.summary();
    return { p50: l.p50, p99: l.p99 };
  } finally {
    db.close();
  }
}

/** Stream loads (read + fold with the real decider) of random decided applications, then one command: the board's decision. */
export async function measure(log: ScaleLog, run: number, decisions: number[]): Promise<ScaleRun> {
  warmPageCache(log.path); // the 10k log gets the same read as the 1M one
  const store = SqliteEventStore.open(log.path); // the default durability, FULL
  try {
    const rng = new Prng(0x10ad + run);
    const loads = new Latencies();
    const gc = watchScavenges();
    for (let k = 0; k < LOADS_PER_RUN; k++) {
      const app = log.complete[rng.int(log.complete.length)];
      const t0 = now();
      const { version, events } = await store.readStream(applicationStream(idOf(app)));
      const state = events.reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
      const t1 = now();
      loads.add(t1 - t0);
      gc.sample(t0, t1);
      if (version !== EVENTS_COMPLETE || state.status !== 'Decided')
        throw new Error(`scale: application ${app} at version ${version}, ${state.status}`);
    }
    const gcDuringLoads = await gc.stop();
    const commands = new Latencies();
    for (const app of decisions) {
      const command = commandAt(app, 22);
      const t0 = now();
      const result = await handle(store, applicationStream(idOf(app)), applicationDecider, command, ctxOf(command));
      commands.add(now() - t0);
      if (result.version !== EVENTS_COMPLETE) throw new Error(`scale: decision on ${app} left version ${result.version}`);
    }
    const floor = measureFloor(log, run);
    const l = loads.summary();
    const c = commands.summary();
    return {
      loadP50: l.p50,
      loadP99: l.p99,
      floorP50: floor.p50,
      floorP99: floor.p99,
      commandP50: c.p50,
      commandP99: c.p99,
      gc: gcDuringLoads,
    };
  } finally {
    await store.close();
  }
}

export type RebuildRun = { events: number; replaySeconds: number; totalSeconds: number; eventsPerSec: number; tablesDiffering: number };

/** rebuildAndCompare from @cert/projections over the whole log, into a scratch database, compared with an empty live one. */
export async function rebuild(log: ScaleLog, label: string): Promise<RebuildRun> {
  const store = SqliteEventStore.open(log.path);
  const live = new Database(':memory:');
  try {
    const head = Number((await store.head())?.position ?? 0);
    const progress = new Progress(label, head, 'events', 5000);
    let replayedAt = 0;
    const start = now();
    const report = await rebuildAndCompare(store, ALL_PROJECTIONS, live, {
      onProgress: (applied) => {
        replayedAt = now();
        progress.tick(applied);
      },
    });
    const totalSeconds = (now() - start) / 1000;
    const replaySeconds = (replayedAt - start) / 1000;
    progress.done(report.events);
    if (report.events !== head) throw new Error(`rebuild replayed ${report.events} events of ${head}`);
    return {
      events: report.events,
      replaySeconds,
      totalSeconds,
      eventsPerSec: report.events / replaySeconds,
      tablesDiffering: report.differences.length,
    };
  } finally {
    live.close();
    await store.close();
  }
}

export type ScaleSizeResult = {
  events: number;
  runs: number;
  loadP50Ms: Figure;
  loadP99Ms: Figure;
  /** The floor's SELECT of the same streams (measureFloor); absent in results written before it was measured. */
  floorLoadP50Ms?: Figure;
  floorLoadP99Ms?: Figure;
  /** Per run: scavenges during the loads, their total pause, and the loads one of them landed in. */
  loadScavenges: Figure;
  loadScavengeMs: Figure;
  loadsHitByScavenge: Figure;
  commandP50Ms: Figure;
  commandP99Ms: Figure;
  rebuild: { runs: number; eventsPerSec: Figure; replaySeconds: Figure; totalSeconds: Figure };
  buildSeconds: number;
};

export type ScaleConfig = { sizes: { events: number; runs: number; rebuildRuns: number }[] };
export type ScaleResult = {
  /** pairedRuns: run k measures every size back to back (absent in results written before that) */
  config: ScaleConfig & { loadsPerRun: number; decisionsPerRun: number; command: string; streamLoad: string; pairedRuns?: boolean };
  sizes: ScaleSizeResult[];
};

type SizeRuns = {
  events: number;
  runs: number;
  rebuildRuns: number;
  tag: string;
  path: string;
  /** Small logs are built afresh per run; a large one is built once and each run decides its own applications. */
  perRunLog: boolean;
  built: ScaleLog | null;
  buildSeconds: number;
  measured: ScaleRun[];
  rebuilds: RebuildRun[];
};

async function build(size: SizeRuns): Promise<ScaleLog> {
  const t0 = now();
  const awaiting = size.perRunLog ? DECISIONS_PER_RUN : DECISIONS_PER_RUN * size.runs;
  size.built = await buildLog(size.path, size.events, awaiting, `scale ${size.tag}: loading the log`);
  size.buildSeconds = (now() - t0) / 1000;
  return size.built;
}

/**
 * Large logs are built first; then run k measures every size back to back, and a large log's rebuild comes last. The ratio
 * compares two sizes, and this machine has slow phases: measured size after size (minutes apart, the 1M log's loading
 * between them), all the 10k loads of one full run landed in such a phase and made its ratio far lower than in the
 * runs before it. Measured back to back, a slow phase weighs on both sides.
 */
export async function runScale(dataDir: string, config: ScaleConfig): Promise<ScaleResult> {
  const plan: SizeRuns[] = config.sizes.map((size) => {
    const tag = size.events >= 1_000_000 ? `${size.events / 1_000_000}M` : `${size.events / 1000}k`;
    const path = join(dataDir, `scale-${tag}.sqlite`);
    return { ...size, tag, path, perRunLog: size.events < 100_000, built: null, buildSeconds: 0, measured: [], rebuilds: [] };
  });
  for (const size of plan) if (!size.perRunLog) await build(size);
  const runs = Math.max(...plan.map((size) => size.runs));
  for (let run = 1; run <= runs; run++) {
    const thisRun = plan.filter((size) => run <= size.runs);
    for (const size of thisRun) {
      const built = size.perRunLog ? await build(size) : size.built!;
      const mine = size.perRunLog ? built.awaiting : built.awaiting.slice((run - 1) * DECISIONS_PER_RUN, run * DECISIONS_PER_RUN);
      // Measured before the rebuilds, so their allocations (a scratch database, row maps) do not weigh on them.
      size.measured.push(await measure(built, run, mine));
    }
    for (const size of thisRun) {
      if (size.perRunLog && run <= size.rebuildRuns)
        size.rebuilds.push(await rebuild(size.built!, `scale ${size.tag} run ${run}/${size.runs}: rebuild of all read models`));
      const r = size.measured[run - 1];
      log(
        `scale ${size.tag} run ${run}/${size.runs}: stream load p50 ${r.loadP50.toFixed(3)} p99 ${r.loadP99.toFixed(3)} ms ` +
          `(floor's SELECT p50 ${r.floorP50.toFixed(3)} p99 ${r.floorP99.toFixed(3)} ms) ` +
          `(${r.gc.scavenges} scavenges, ${r.gc.scavengeMs.toFixed(1)} ms, in ${r.gc.timedHit} loads); ` +
          `RecordDecision p50 ${r.commandP50.toFixed(2)} p99 ${r.commandP99.toFixed(2)} ms` +
          (size.rebuilds[run - 1] ? `; rebuild ${Math.round(size.rebuilds[run - 1].eventsPerSec)} events/s` : ''),
      );
    }
  }
  // A large log's rebuild comes after every run's loads: it leaves a large old generation behind, which made each
  // scavenge several times as long, and the shorter 10k loads felt that more than the 1M ones.
  for (const size of plan.filter((s) => !s.perRunLog)) {
    for (let k = 1; k <= size.rebuildRuns; k++) {
      const r = await rebuild(size.built!, `scale ${size.tag}: rebuild ${k}/${size.rebuildRuns} of all read models`);
      size.rebuilds.push(r);
      log(`scale ${size.tag}: rebuild ${Math.round(r.eventsPerSec)} events/s`);
    }
  }
  const sizes: ScaleSizeResult[] = plan.map((size) => ({
    events: size.built!.events,
    runs: size.runs,
    loadP50Ms: figure(size.measured.map((r) => r.loadP50)),
    loadP99Ms: figure(size.measured.map((r) => r.loadP99)),
    floorLoadP50Ms: figure(size.measured.map((r) => r.floorP50)),
    floorLoadP99Ms: figure(size.measured.map((r) => r.floorP99)),
    loadScavenges: figure(size.measured.map((r) => r.gc.scavenges)),
    loadScavengeMs: figure(size.measured.map((r) => r.gc.scavengeMs)),
    loadsHitByScavenge: figure(size.measured.map((r) => r.gc.timedHit)),
    commandP50Ms: figure(size.measured.map((r) => r.commandP50)),
    commandP99Ms: figure(size.measured.map((r) => r.commandP99)),
    rebuild: {
      runs: size.rebuilds.length,
      eventsPerSec: figure(size.rebuilds.map((r) => r.eventsPerSec)),
      replaySeconds: figure(size.rebuilds.map((r) => r.replaySeconds)),
      totalSeconds: figure(size.rebuilds.map((r) => r.totalSeconds)),
    },
    buildSeconds: size.buildSeconds,
  }));
  for (const size of plan) for (const suffix of ['', '-wal', '-shm']) rmSync(size.path + suffix, { force: true });
  return {
    config: {
      ...config,
      loadsPerRun: LOADS_PER_RUN,
      decisionsPerRun: DECISIONS_PER_RUN,
      pairedRuns: true,
      command: 'RecordDecision through handle() with the real decider, on an application awaiting the board (24 events), synchronous=FULL',
      streamLoad:
        'readStream + fold with the real decider of a decided application (26 events), after one sequential read of the log file (OS page cache warm)',
    },
    sizes,
  };
}
