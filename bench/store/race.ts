import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { EventStore, RecordedEvent, SqliteEventStore, verifyChain } from '@cert/event-store';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres.event-store';
import { EmmettSubject } from './emmett';
import { RaceArgs, RaceReport } from './race-writer';
import { SubjectId, isEngine } from './subjects';
import { EVENT_TYPES, INDICATORS, STEPS, streamIdOf } from './workload';

export type RaceResult = {
  streams: number;
  appendsA: number;
  appendsB: number;
  appends: number;
  conflicts: number;
  alreadyApplied: number;
  notAllowedYet: number;
  exact: boolean;
  problems: string[];
  ms: number;
};

const WRITER = join(__dirname, 'race-writer.js');

function startWriter(args: RaceArgs) {
  const child = fork(WRITER, [JSON.stringify(args)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`race writer exited with ${code} before it was ready`)));
  });
  const report = new Promise<RaceReport>((resolve, reject) => {
    child.on('message', (m: { report?: RaceReport }) => m.report && resolve(m.report));
    child.once('exit', (code) => code !== 0 && reject(new Error(`race writer exited with ${code}`)));
  });
  return { child, ready, report };
}

/**
 * Phase 4: two writer processes, each with its own connection, released together on the same `streams` new
 * streams; then every stream is checked: 14 events, versions 1..14, types in order, 8 distinct indicators, and
 * the successful appends of both writers sum to exactly 14 per stream.
 */
type StreamReader = {
  events(streamId: string): Promise<{ version: number; type: string; data: unknown }[]>;
  chain?: (streamId: string) => Promise<RecordedEvent[]>;
  close(): Promise<void>;
};

/** Reads a raced stream back as each subject stores it, on a connection of its own. */
async function streamReader(subject: SubjectId, path: string): Promise<StreamReader> {
  if (subject === 'emmett-pg') {
    const emmett = await EmmettSubject.open(subject, path);
    return { events: (id) => emmett.events(id), close: () => emmett.close() };
  }
  if (isEngine(subject)) {
    const store: EventStore = subject === 'engine-pg' ? await PostgresEventStore.connect(path) : SqliteEventStore.open(path);
    const chain = async (id: string) => (await store.readStream(id)).events;
    return { events: chain, chain, close: () => store.close() };
  }
  const db = new Database(path, { readonly: true });
  const rows = db.prepare<[string], { version: number; type: string; data: string }>(
    'SELECT version, type, data FROM events WHERE stream_id = ? ORDER BY version',
  );
  return {
    events: async (id) => rows.all(id).map((r) => ({ ...r, data: JSON.parse(r.data) as unknown })),
    close: async () => void db.close(),
  };
}

export async function phaseRace(subject: SubjectId, path: string, firstApp: number, streams: number): Promise<RaceResult> {
  const args: RaceArgs = { subject, path, firstApp, streams };
  const a = startWriter(args);
  const b = startWriter(args);
  await Promise.all([a.ready, b.ready]);
  a.child.send('go');
  b.child.send('go');
  const [ra, rb] = await Promise.all([a.report, b.report]);

  const problems: string[] = [];
  const reader = await streamReader(subject, path);
  for (let s = 0; s < streams; s++) {
    const id = streamIdOf(firstApp + s);
    const events = await reader.events(id);
    if (events.length !== STEPS) problems.push(`${id}: ${events.length} events`);
    if (events.some((e, i) => e.version !== i + 1)) problems.push(`${id}: versions ${events.map((e) => e.version).join(',')}`);
    if (events.some((e, i) => e.type !== EVENT_TYPES[i])) problems.push(`${id}: types out of order`);
    const indicators = new Set(events.filter((e) => e.type === 'IndicatorRated').map((e) => (e.data as { indicator: string }).indicator));
    if (indicators.size !== INDICATORS) problems.push(`${id}: ${indicators.size} distinct indicators`);
    // The engine also chains hashes: every raced stream must verify.
    const verdict = reader.chain ? verifyChain(await reader.chain(id)) : { ok: true as const };
    if (!verdict.ok) problems.push(`${id}: hash chain ${verdict.reason} at ${verdict.version}`);
  }
  await reader.close();
  const appends = ra.appends + rb.appends;
  if (appends !== streams * STEPS)
    problems.push(`successful appends ${ra.appends} + ${rb.appends} = ${appends}, expected ${streams * STEPS}`);
  if (ra.notAllowedYet + rb.notAllowedYet > 0) problems.push(`${ra.notAllowedYet + rb.notAllowedYet} "not allowed yet" refusals`);
  return {
    streams,
    appendsA: ra.appends,
    appendsB: rb.appends,
    appends,
    conflicts: ra.conflicts + rb.conflicts,
    alreadyApplied: ra.alreadyApplied + rb.alreadyApplied,
    notAllowedYet: ra.notAllowedYet + rb.notAllowedYet,
    exact: problems.length === 0,
    problems: problems.slice(0, 20),
    ms: Math.max(ra.ms, rb.ms),
  };
}
