import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cpuWindow } from '../lib/cpu';
import { log } from '../lib/progress';
import { Figure, figure } from '../lib/stats';
import { phaseRace, RaceResult } from './race';
import { REPLAY_PASSES, ReadResult, WriteResult, phaseRead, phaseReplayInterleaved, phaseWrite } from './phases';
import { dropPgDatabase, freshPgDatabase } from './pg';
import { openSubject } from './open-subject';
import { SUBJECT_LABELS, StoreSubject, SubjectId, onPostgres } from './subjects';
import { EVENT_TYPES, STEPS, commandFor, decide, evolve, initialState } from './workload';

export type Part1Config = { n: number; runs: number; readLoads: number; raceStreams: number; subjects: SubjectId[] };

export type SubjectFigures = {
  label: string;
  write: { commandsPerSec: Figure; eventsPerSec: Figure; p50Ms: Figure; p99Ms: Figure; cpuMsPerCommand: Figure; otherCores: Figure };
  read: { p50Ms: Figure; p99Ms: Figure };
  replay: { eventsPerSec: Figure };
  race: { conflicts: Figure; exactRuns: number; runs: number; exact: boolean; problems: string[] } | null;
};

export type Part1Result = {
  /** replayPasses, replayInterleaved: absent in results written before each run replayed more than once, or its subjects' passes alternated */
  config: Part1Config & { window: number; pageSize: number; replayPasses?: number; replayInterleaved?: boolean };
  payloadBytes: Record<string, number>;
  subjects: Partial<Record<SubjectId, SubjectFigures>>;
};

const removeDb = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};

/** Average JSON payload size per event type, from the decider itself (what every subject writes). */
export function payloadBytes(apps = 200): Record<string, number> {
  const sums: Record<string, { bytes: number; n: number }> = {};
  for (let app = 0; app < apps; app++) {
    let s = initialState();
    for (let step = 1; step <= STEPS; step++) {
      const [e] = decide(commandFor(app, step), s);
      s = evolve(s, { type: e.type, data: JSON.parse(JSON.stringify(e.data)) });
      const acc = (sums[e.type] ??= { bytes: 0, n: 0 });
      acc.bytes += Buffer.byteLength(JSON.stringify(e.data));
      acc.n++;
    }
  }
  return Object.fromEntries([...new Set(EVENT_TYPES)].map((t) => [t, Math.round(sums[t].bytes / sums[t].n)]));
}

export async function runPart1(dataDir: string, config: Part1Config): Promise<Part1Result> {
  type PerRun = {
    cpu: number[];
    other: number[];
    write: number[];
    p50: number[];
    p99: number[];
    rp50: number[];
    rp99: number[];
    replay: number[];
    races: RaceResult[];
  };
  const per = new Map<SubjectId, PerRun>(
    config.subjects.map((id) => [id, { cpu: [], other: [], write: [], p50: [], p99: [], rp50: [], rp99: [], replay: [], races: [] }]),
  );
  for (let run = 1; run <= config.runs; run++) {
    // Write and read subject by subject; the replays then interleave across the run's subjects (phaseReplayInterleaved).
    const opened: {
      id: SubjectId;
      label: string;
      path: string;
      subject: StoreSubject;
      w: WriteResult;
      r: ReadResult;
      cpuMs: number;
      other: number;
    }[] = [];
    for (const id of config.subjects) {
      const label = `part 1 run ${run}/${config.runs} ${id}`;
      const path = onPostgres(id) ? await freshPgDatabase(`${id}-${run}`) : join(dataDir, `part1-${id}-${run}.sqlite`);
      if (!onPostgres(id)) removeDb(path);
      const subject = await openSubject(id, path);
      const cpu = cpuWindow({ self: process.pid });
      const w = await phaseWrite(subject, config.n, `${label} phase 1 write`);
      const used = cpu.stop();
      const r = await phaseRead(subject, config.n, config.readLoads);
      opened.push({ id, label, path, subject, w, r, cpuMs: (used.cores.self * used.seconds * 1000) / w.commands, other: used.otherCores });
    }
    const replays = await phaseReplayInterleaved(opened, config.n);
    for (const { id, label, path, subject, w, r, cpuMs, other } of opened) {
      await subject.close();
      const p = replays.get(subject)!;
      const rec = per.get(id)!;
      rec.write.push(w.commandsPerSec);
      rec.cpu.push(cpuMs);
      rec.other.push(other);
      rec.p50.push(w.latency.p50);
      rec.p99.push(w.latency.p99);
      rec.rp50.push(r.latency.p50);
      rec.rp99.push(r.latency.p99);
      rec.replay.push(p.eventsPerSec);
      let raceNote = 'race n/a';
      if (id !== 'floor-group100') {
        // The race runs on the run's database, on new streams after the n written ones.
        const race = await phaseRace(id, path, config.n, config.raceStreams);
        rec.races.push(race);
        raceNote = `race ${race.exact ? 'exact' : 'NOT EXACT'} (${race.conflicts} conflicts, appends ${race.appendsA}+${race.appendsB})`;
        if (!race.exact) log(`${label}: race problems: ${race.problems.join('; ')}`);
      }
      log(
        `${label}: write ${Math.round(w.commandsPerSec)} cmd/s (CPU ${cpuMs.toFixed(3)} ms/cmd, other load ${other.toFixed(2)} cores) p50 ${w.latency.p50.toFixed(3)} p99 ${w.latency.p99.toFixed(3)} ms; ` +
          `read p50 ${r.latency.p50.toFixed(3)} p99 ${r.latency.p99.toFixed(3)} ms; replay ${Math.round(p.eventsPerSec)} ev/s (passes ${p.passes.map(Math.round).join(', ')}); ${raceNote}`,
      );
      if (onPostgres(id)) await dropPgDatabase(path);
      else removeDb(path);
    }
  }
  const subjects: Part1Result['subjects'] = {};
  for (const [id, rec] of per) {
    subjects[id] = {
      label: SUBJECT_LABELS[id],
      write: {
        commandsPerSec: figure(rec.write),
        eventsPerSec: figure(rec.write),
        p50Ms: figure(rec.p50),
        p99Ms: figure(rec.p99),
        cpuMsPerCommand: figure(rec.cpu),
        otherCores: figure(rec.other),
      },
      read: { p50Ms: figure(rec.rp50), p99Ms: figure(rec.rp99) },
      replay: { eventsPerSec: figure(rec.replay) },
      race:
        rec.races.length === 0
          ? null
          : {
              conflicts: figure(rec.races.map((r) => r.conflicts)),
              exactRuns: rec.races.filter((r) => r.exact).length,
              runs: rec.races.length,
              exact: rec.races.every((r) => r.exact),
              problems: rec.races.flatMap((r) => r.problems).slice(0, 10),
            },
    };
  }
  return {
    config: { ...config, window: 100, pageSize: 1000, replayPasses: REPLAY_PASSES, replayInterleaved: true },
    payloadBytes: payloadBytes(),
    subjects,
  };
}
