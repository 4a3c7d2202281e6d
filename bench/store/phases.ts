import { warmPageCache } from '../lib/page-cache';
import { Prng } from '../lib/prng';
import { Progress } from '../lib/progress';
import { Latencies, LatencySummary, now } from '../lib/stats';
import { StoreSubject } from './subjects';
import { STEPS, appOf, commandFor, statusAfter } from './workload';

export const WINDOW = 100;
export const READ_SEED = 0x5eed;

export type WriteResult = { commands: number; seconds: number; commandsPerSec: number; eventsPerSec: number; latency: LatencySummary };

/**
 * Phase 1: N applications, a window of 100 open applications worked round-robin by one closed-loop client;
 * a finished application's slot takes the next new one. Only load + decide + append is timed per command.
 */
export async function phaseWrite(subject: StoreSubject, n: number, label: string): Promise<WriteResult> {
  const total = n * STEPS;
  const progress = new Progress(label, total, 'commands');
  const lat = new Latencies();
  const slots: { app: number; step: number }[] = [];
  let nextApp = 0;
  while (slots.length < WINDOW && nextApp < n) slots.push({ app: nextApp++, step: 1 });
  let i = 0;
  let done = 0;
  const start = now();
  while (slots.length > 0) {
    const slot = slots[i];
    const cmd = commandFor(slot.app, slot.step);
    const t0 = now();
    const pending = subject.command(cmd);
    if (pending) await pending;
    lat.add(now() - t0);
    done++;
    if ((done & 1023) === 0) progress.tick(done);
    if (++slot.step > STEPS) {
      if (nextApp < n) {
        slot.app = nextApp++;
        slot.step = 1;
        i++;
      } else {
        slots.splice(i, 1);
      }
    } else {
      i++;
    }
    if (i >= slots.length) i = 0;
  }
  // Group commit: the last open transaction belongs to the timed work.
  const t0 = now();
  subject.flush();
  const flushMs = now() - t0;
  const seconds = (now() - start) / 1000;
  if (flushMs > 0) lat.add(flushMs);
  progress.done(done);
  return { commands: done, seconds, commandsPerSec: done / seconds, eventsPerSec: done / seconds, latency: lat.summary() };
}

export type ReadResult = { loads: number; latency: LatencySummary };

/** Phase 2: stream loads of ids drawn uniformly with a fixed seed; each must come back decided at version 14. */
export async function phaseRead(subject: StoreSubject, n: number, loads: number): Promise<ReadResult> {
  const rng = new Prng(READ_SEED);
  const lat = new Latencies();
  for (let k = 0; k < loads; k++) {
    const app = rng.int(n);
    const t0 = now();
    const result = subject.load(app);
    const { version, state } = result instanceof Promise ? await result : result;
    lat.add(now() - t0);
    if (version !== STEPS || state.status !== 'Decided') {
      throw new Error(`${subject.id}: application ${app} loaded at version ${version}, status ${state.status}; expected decided at 14`);
    }
  }
  return { loads, latency: lat.summary() };
}

type ReplayPass = { events: number; decided: number; seconds: number; eventsPerSec: number };
/** The median pass, and every pass's events/s. */
export type ReplayResult = ReplayPass & { passes: number[] };

/**
 * A replay pass is short, so one pass is at the mercy of one collector pause or one stolen time slice (single passes
 * spread widely): each run replays REPLAY_PASSES times and reports the median pass. The machine also has slow phases,
 * long enough to cover all of one subject's passes, so the passes are interleaved across subjects (see
 * phaseReplayInterleaved).
 */
export const REPLAY_PASSES = 3;

/**
 * Phase 3, for every subject of a run at once: pass 1 of each subject, then pass 2 of each, and so on, so the engine's
 * and the floor's passes are seconds apart and a slow phase of the machine weighs on both rather than on one. Each
 * file is read once beforehand, so no subject replays from the disk because its file went cold while the others wrote.
 */
export async function phaseReplayInterleaved(
  subjects: { subject: StoreSubject; path: string }[],
  n: number,
): Promise<Map<StoreSubject, ReplayResult>> {
  for (const { path } of subjects) warmPageCache(path);
  const passes = new Map<StoreSubject, ReplayPass[]>(subjects.map(({ subject }) => [subject, []]));
  for (let pass = 0; pass < REPLAY_PASSES; pass++) {
    // Every other pass in reverse, so no subject always goes first (right after the others' garbage).
    const order = pass % 2 === 0 ? subjects : [...subjects].reverse();
    for (const { subject } of order) passes.get(subject)!.push(await replayOnce(subject, n));
  }
  return new Map([...passes].map(([subject, done]) => [subject, medianPass(done)]));
}

function medianPass(passes: ReplayPass[]): ReplayResult {
  const sorted = [...passes].sort((a, b) => a.eventsPerSec - b.eventsPerSec);
  return { ...sorted[Math.floor(sorted.length / 2)], passes: passes.map((p) => p.eventsPerSec) };
}

async function replayOnce(subject: StoreSubject, n: number): Promise<ReplayPass> {
  const status = new Map<number, string>();
  const start = now();
  const counted = subject.replay(1000, (streamId, type) => {
    const next = statusAfter(type);
    if (next) status.set(appOf(streamId), next);
  });
  const events = counted instanceof Promise ? await counted : counted;
  const seconds = (now() - start) / 1000;
  let decided = 0;
  for (const s of status.values()) if (s === 'Decided') decided++;
  if (events !== n * STEPS || decided !== n) {
    throw new Error(`${subject.id}: replay saw ${events} events and ${decided} decided applications; expected ${n * STEPS} and ${n}`);
  }
  return { events, decided, seconds, eventsPerSec: events / seconds };
}
