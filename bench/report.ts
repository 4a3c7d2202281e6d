import type { HttpResult } from './cycle/http';
import type { InprocResult } from './cycle/inproc';
import type { ReplicasResult } from './cycle/replicas';
import type { MachineFacts } from './lib/machine';
import { Figure, figure } from './lib/stats';
import type { ScaleResult, ScaleSizeResult } from './scale/scale';
import type { Part1Result } from './store/part1';
import type { SubjectId } from './store/subjects';
import { SHAPE_LABELS, type WorkersResult } from './workers/types';

export type Target = {
  id: string;
  target: string;
  measured: Figure | null;
  unit: string;
  goal: string;
  /** true = pass, false = miss, null = not measured in this run */
  pass: boolean | null;
  note?: string;
};

export type BenchResult = {
  benchmark: string;
  date: string;
  mode: string;
  partial: boolean;
  durationSeconds: number;
  machine: MachineFacts;
  loadAverage: { start: number[]; end: number[]; note: string };
  part1: Part1Result | null;
  /** The same store workload on PostgreSQL: the engine's store beside Emmett's (absent in results written before). */
  postgres?: Part1Result | null;
  inProcess: InprocResult | null;
  http: HttpResult | null;
  /** The HTTP cycle on the distributed shape with 1 and 2 api processes behind one address (absent in results written before). */
  replicas?: ReplicasResult | null;
  scale: ScaleResult | null;
  workers: WorkersResult | null;
  targets: Target[];
  notes: string[];
};

/** Ratios run by run (same run, same machine state), summarised as median (min-max). */
const perRunRatio = (a: Figure | undefined, b: Figure | undefined): Figure | null => {
  if (!a || !b || a.runs.length === 0 || a.runs.length !== b.runs.length) return null;
  return figure(a.runs.map((v, i) => v / b.runs[i]));
};

/** The same ratio for the floor's SELECT of the same streams: what the file alone does between 10k and 1M events. */
function floorScaleNote(small: ScaleSizeResult | undefined, big: ScaleSizeResult | undefined): string {
  const ratio = perRunRatio(big?.floorLoadP99Ms, small?.floorLoadP99Ms);
  return ratio
    ? `; the floor's bare SELECT of the same streams: ${ratio.median.toFixed(2)} (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`
    : '';
}

export function targets(r: Pick<BenchResult, 'part1' | 'postgres' | 'http' | 'scale' | 'workers'>): Target[] {
  const out: Target[] = [];
  const pg = r.postgres?.subjects;
  const [engine, emmett] = [pg?.['engine-pg'], pg?.['emmett-pg']];
  const pgRatios: [string, string, Figure | null, string, (v: number) => boolean][] = [
    ['write', 'commands/s', perRunRatio(engine?.write.commandsPerSec, emmett?.write.commandsPerSec), '≥ 1.0', (v) => v >= 1],
    ['read', 'stream load p99', perRunRatio(engine?.read.p99Ms, emmett?.read.p99Ms), '≤ 1.0', (v) => v <= 1],
    ['replay', 'replay events/s', perRunRatio(engine?.replay.eventsPerSec, emmett?.replay.eventsPerSec), '≥ 1.0', (v) => v >= 1],
  ];
  for (const [id, what, measured, goal, passes] of pgRatios) {
    out.push({
      id: `postgres.${id}`,
      target: `Part 1 on PostgreSQL: engine ${what} ÷ Emmett ${what}`,
      measured,
      unit: 'ratio',
      goal,
      pass: measured ? passes(measured.median) : null,
    });
  }
  for (const [id, subject] of [
    ['engine', engine],
    ['emmett', emmett],
  ] as const) {
    out.push({
      id: `postgres.race.${id}`,
      target: `Part 1 on PostgreSQL, race: ${subject?.label ?? id} exact in every run`,
      measured: subject?.race ? figure([subject.race.exactRuns]) : null,
      unit: `of ${subject?.race?.runs ?? 0} runs exact`,
      goal: 'every run',
      pass: subject?.race ? subject.race.exact : null,
      note: subject?.race && !subject.race.exact ? subject.race.problems.join('; ') : undefined,
    });
  }
  const s = r.part1?.subjects;
  for (const d of ['FULL', 'NORMAL'] as const) {
    const e = s?.[`engine-${d}` as SubjectId];
    const f = s?.[`floor-${d}` as SubjectId];
    const w = perRunRatio(e?.write.commandsPerSec, f?.write.commandsPerSec);
    out.push({
      id: `part1.write.${d}`,
      target: `Part 1 write, ${d}: engine commands/s ÷ floor commands/s`,
      measured: w,
      unit: 'ratio',
      goal: '≥ 0.50',
      pass: w ? w.median >= 0.5 : null,
    });
    const rd = perRunRatio(e?.read.p99Ms, f?.read.p99Ms);
    out.push({
      id: `part1.read.${d}`,
      target: `Part 1 read, ${d}: engine stream load p99 ÷ floor p99`,
      measured: rd,
      unit: 'ratio',
      goal: '≤ 2.0',
      pass: rd ? rd.median <= 2 : null,
    });
    const rp = perRunRatio(e?.replay.eventsPerSec, f?.replay.eventsPerSec);
    out.push({
      id: `part1.replay.${d}`,
      target: `Part 1 replay, ${d}: engine events/s ÷ floor events/s`,
      measured: rp,
      unit: 'ratio',
      goal: '≥ 0.50',
      pass: rp ? rp.median >= 0.5 : null,
    });
    const race = e?.race;
    out.push({
      id: `part1.race.${d}`,
      target: `Part 1 race, engine ${d}: exact in every run`,
      measured: race ? figure([race.exactRuns]) : null,
      unit: `of ${race?.runs ?? 0} runs exact`,
      goal: 'every run',
      pass: race ? race.exact : null,
      note: race && !race.exact ? race.problems.join('; ') : undefined,
    });
  }
  const l32 = r.http?.levels.find((l) => l.connections === 32);
  const httpRatio = l32 ? perRunRatio(l32.api.commandsPerSec, l32.bare.requestsPerSec) : null;
  out.push({
    id: 'http.throughput.32',
    target: 'Part 2 HTTP, 32 connections: commands/s ÷ bare NestJS requests/s',
    measured: httpRatio,
    unit: 'ratio',
    goal: '≥ 0.30',
    pass: httpRatio ? httpRatio.median >= 0.3 : null,
  });
  out.push({
    id: 'http.p99.32',
    target: 'Part 2 HTTP, 32 connections: p99 over all commands',
    measured: l32?.api.p99Ms ?? null,
    unit: 'ms',
    goal: '< 50',
    pass: l32 ? l32.api.p99Ms.median < 50 : null,
  });
  const errors = r.http ? r.http.levels.reduce((a, l) => a + l.api.errors, 0) : null;
  out.push({
    id: 'http.errors',
    target: 'Part 2 HTTP: errors at every connection count',
    measured: errors === null ? null : figure([errors]),
    unit: 'errors',
    goal: '0',
    pass: errors === null ? null : errors === 0,
  });
  const small = r.scale?.sizes.find((x) => x.events < 100_000);
  const big = r.scale?.sizes.find((x) => x.events >= 1_000_000);
  // Run k of both sizes is measured back to back (runScale), so the ratio is taken run by run like Part 1's; results
  // written before that compare the medians.
  const paired = r.scale?.config.pairedRuns === true;
  const scaleRatio =
    small && big ? (paired ? perRunRatio(big.loadP99Ms, small.loadP99Ms) : figure([big.loadP99Ms.median / small.loadP99Ms.median])) : null;
  out.push({
    id: 'scale.load.p99',
    target: 'Scale: stream load p99 with 1M events ÷ with 10k',
    measured: scaleRatio,
    unit: 'ratio',
    goal: '≤ 1.2',
    pass: scaleRatio ? scaleRatio.median <= 1.2 : null,
    note: big
      ? (paired
          ? 'run by run: each run measures both sizes back to back'
          : 'ratio of the medians of the two sizes (the logs are built separately)') + floorScaleNote(small, big)
      : 'the 1M log is loaded in full mode only',
  });
  const w = r.workers;
  const workersRatio = perRunRatio(w?.engine.bullmq?.perSec, w?.floor.mail?.perSec);
  out.push({
    id: 'workers.throughput',
    target: 'Workers: event-to-mail notifications/s through BullMQ ÷ bare BullMQ add-and-process loop (same mail, same sink)',
    measured: workersRatio,
    unit: 'ratio',
    goal: '≥ 0.50',
    pass: workersRatio ? workersRatio.median >= 0.5 : null,
    note: w ? undefined : 'run with --only=workers (or a full run)',
  });
  const lateP99 = w?.lateness.bullmq?.p99Ms;
  const lateSeconds = lateP99 ? figure(lateP99.runs.map((v) => v / 1000)) : null;
  out.push({
    id: 'workers.lateness',
    target: 'Workers: reminder lateness p99 (BullMQ, real clock)',
    measured: lateSeconds,
    unit: 's',
    goal: '< 2',
    pass: lateSeconds ? lateSeconds.median < 2 : null,
    note: w ? undefined : 'run with --only=workers (or a full run)',
  });
  return out;
}

// ---------- markdown ----------

const num = (v: number, digits: number) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

/** "median (min–max)"; one run prints just the value. */
export function fmt(f: Figure | null | undefined, digits = 0): string {
  if (!f || !Number.isFinite(f.median)) return 'n/a';
  if (f.runs.length <= 1 || f.min === f.max) return num(f.median, digits);
  return `${num(f.median, digits)} (${num(f.min, digits)}–${num(f.max, digits)})`;
}

const ms = (f: Figure | null | undefined) => {
  if (!f || !Number.isFinite(f.median)) return 'n/a';
  const d = f.median < 1 ? 3 : f.median < 10 ? 2 : 1;
  return fmt(f, d);
};

const verdict = (p: boolean | null) => (p === null ? 'not measured' : p ? '**pass**' : '**miss**');

export function markdown(r: BenchResult): string {
  const m = r.machine;
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  p(`# Benchmark results: ${r.date} (${r.mode} mode)`);
  p();
  const command = `npm run bench${r.mode.startsWith('quick') ? ' -- --quick' : ''}`;
  p(
    `\`${command}\`; every figure is the median of the runs shown, with (min–max); ${r.durationSeconds.toFixed(0)} s in all. ` +
      'Workload and targets: `bench/WORKLOAD.md`.',
  );
  p();
  p('## Machine');
  p();
  p('| fact | value |');
  p('| --- | --- |');
  p(`| cores | ${m.cores} × ${m.cpuModel} |`);
  p(`| memory | ${m.memoryGiB} GiB |`);
  p(`| OS | ${m.os} |`);
  p(`| data files on | ${m.filesystem} |`);
  p(`| Node | ${m.node} (V8 ${m.v8}) |`);
  p(`| SQLite | ${m.sqlite} (better-sqlite3 ${m.betterSqlite3}) |`);
  p(`| load client | autocannon ${m.autocannon} |`);
  for (const [k, v] of Object.entries(m.durability)) p(`| durability: ${k} | ${v} |`);
  p(
    `| load average (1/5/15 min) at start / end | ${r.loadAverage.start.map((x) => x.toFixed(2)).join(' ')} / ${r.loadAverage.end.map((x) => x.toFixed(2)).join(' ')} |`,
  );
  p();
  p('## Targets');
  p();
  p('| target | measured | goal | result |');
  p('| --- | --- | --- | --- |');
  for (const t of r.targets) {
    const measured = t.measured
      ? `${fmt(t.measured, t.unit === 'ratio' || t.unit === 's' ? 2 : t.unit === 'ms' ? 1 : 0)} ${t.unit === 'ratio' ? '' : t.unit}`.trim()
      : (t.note ?? 'n/a');
    const extra = t.measured && t.note ? ` (${t.note})` : '';
    p(`| ${t.target} | ${measured} | ${t.goal} | ${verdict(t.pass)}${extra} |`);
  }
  p();

  if (r.part1) storeTable(p, r.part1, 'Part 1: the store workload', 'file');
  if (r.postgres) storeTable(p, r.postgres, "Part 1 on PostgreSQL: the engine's store and Emmett's", 'database');

  if (r.inProcess) {
    const x = r.inProcess;
    p('## Part 2: the real cycle, in process');
    p();
    p(
      `${x.config.applications.toLocaleString('en-US')} applications × ${x.config.commandsPerCycle} commands through the CommandBus and the real handlers of ApiModule (embedded shape, ${x.config.durability}), ` +
        `window of ${x.config.window}, ${x.config.runs} run(s); ${x.eventsPerApplication.toFixed(1)} events per application in the log (26 from the cycle; the rest are appended by the work side running in the same process).`,
    );
    p();
    p(
      '| applications/s | commands/s | projection lag at the end (events) | catch-up after the last command (ms) | CPU ms per command | other load (cores) |',
    );
    p('| --- | --- | --- | --- | --- | --- |');
    p(
      `| ${fmt(x.applicationsPerSec, 1)} | ${fmt(x.commandsPerSec)} | ${fmt(x.lagEventsAtEnd)} | ${ms(x.catchUpMs)} | ${fmt(x.cpuMsPerCommand, 2)} | ${fmt(x.otherCores, 2)} |`,
    );
    p();
    p('| command | per application | p50 ms | p99 ms |');
    p('| --- | --- | --- | --- |');
    for (const [name, c] of Object.entries(x.perCommand))
      p(`| ${name} | ${c.n / x.config.applications} | ${ms(c.p50Ms)} | ${ms(c.p99Ms)} |`);
    p();
  }

  if (r.http) {
    const h = r.http;
    p('## Part 2: the real cycle through HTTP');
    p();
    p(
      `${h.config.workerProcess ? `Shape: ${h.config.shape}` : 'The api as `npm start` runs it'} (own process, 127.0.0.1, log level ${h.config.apiLogLevel}, ${h.config.durability}${h.config.apiNodeOptions?.length ? `, node ${h.config.apiNodeOptions.join(' ')}` : ''}) and a bare NestJS app with one empty endpoint (own process), ` +
        `driven by autocannon, ${h.config.seconds} s per connection count and subject, ${h.config.runs} run(s), after a ${h.config.warmupSeconds} s warm-up. ${h.config.cycle}. ` +
        'Each shot starts once both servers are idle; "busy after" is how long the api kept working once its load stopped (its work side catching up: mail, timers), ' +
        'and "sustained" counts that tail in: commands ÷ (shot + busy after).',
    );
    p();
    p(
      '| connections | bare NestJS req/s | bare p99 ms | api commands/s | applications/s | api p50 ms | api p99 ms | api max ms | errors | api ÷ bare | api CPU ms per command | bare CPU ms per request | other load (cores) | api busy after (s) | sustained commands/s |',
    );
    p('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const l of h.levels) {
      const ratio = perRunRatio(l.api.commandsPerSec, l.bare.requestsPerSec);
      p(
        `| ${l.connections} | ${fmt(l.bare.requestsPerSec)} | ${ms(l.bare.p99Ms)} | ${fmt(l.api.commandsPerSec)} | ${fmt(l.api.applicationsPerSec, 1)} | ${ms(l.api.p50Ms)} | ${ms(l.api.p99Ms)} | ${ms(l.api.maxMs)} | ` +
          `${l.api.errors + l.bare.errors} | ${fmt(ratio, 3)} | ${fmt(l.api.cpuMsPerCommand, 2)} | ${fmt(l.bare.cpuMsPerRequest, 3)} | ${fmt(l.api.otherCores, 2)} | ` +
          `${l.api.busyAfterSeconds ? fmt(l.api.busyAfterSeconds, 1) : 'n/a'} | ${l.api.sustainedCommandsPerSec ? fmt(l.api.sustainedCommandsPerSec) : 'n/a'} |`,
      );
    }
    const withWorker = h.levels.filter((l) => l.api.workerCores);
    if (withWorker.length > 0) {
      p();
      p(
        `The worker process's CPU during the api's shots (not in "other load"): ${withWorker.map((l) => `${fmt(l.api.workerCores, 2)} cores at ${l.connections} connections`).join(', ')}.`,
      );
    }
    p();
    p(
      'Every shot opens its connections anew, and Node 20 (libuv 1.45 on) accepts one new connection per turn of the event loop; a turn of a busy server ' +
        'first serves every request pending on the connections it has, so the last connections of a shot are accepted many turns late and their first ' +
        'request (for the api always `POST /applications`, the first step of a cycle) waits for that. Those first requests apart:',
    );
    p();
    p(
      '| connections | bare: first request per connection p50 ms | its max ms | bare p99 ms of the rest | api: first request per connection p50 ms | its max ms | api p99 ms of the rest |',
    );
    p('| --- | --- | --- | --- | --- | --- | --- |');
    for (const l of h.levels) {
      const [b, a] = [l.bare.start, l.api.start];
      if (!b || !a) continue;
      p(
        `| ${l.connections} | ${ms(b.firstP50Ms)} | ${ms(b.firstMaxMs)} | ${ms(b.p99WithoutFirstMs)} | ${ms(a.firstP50Ms)} | ${ms(a.firstMaxMs)} | ${ms(a.p99WithoutFirstMs)} |`,
      );
    }
    p();
    p('| connections | endpoint | requests/s | p50 ms | p99 ms | max ms |');
    p('| --- | --- | --- | --- | --- | --- |');
    for (const l of h.levels) {
      for (const [name, e] of Object.entries(l.api.endpoints))
        p(`| ${l.connections} | \`${name}\` | ${fmt(e.requestsPerSec)} | ${ms(e.p50Ms)} | ${ms(e.p99Ms)} | ${ms(e.maxMs)} |`);
    }
    const samples = h.levels.flatMap((l) => l.api.errorSamples);
    if (samples.length) {
      p();
      p(
        `Error samples: ${samples
          .slice(0, 5)
          .map((s) => `\`${s.replace(/\|/g, '/')}\``)
          .join('; ')}`,
      );
    }
    p();
  }

  if (r.replicas) {
    const x = r.replicas;
    p('## The HTTP cycle on the distributed shape: 1 and 2 api processes behind one address');
    p();
    p(
      `${x.config.shape}; a round-robin TCP proxy in its own process in front of the apis. ${x.config.cycle}. ` +
        `${x.config.connections} connections, ${x.config.seconds} s per shot, ${x.config.runs} run(s) after a ${x.config.warmupSeconds} s warm-up; fresh databases per count. ` +
        'Cores: CPU during the shot; "rest" is everything else on the machine (PostgreSQL, Redis, the load client excluded).',
    );
    p();
    p('| api processes | commands/s | p50 ms | p99 ms | errors | apis (cores) | worker | proxy | rest |');
    p('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const l of x.levels) {
      p(
        `| ${l.apis} | ${fmt(l.commandsPerSec)} | ${ms(l.p50Ms)} | ${ms(l.p99Ms)} | ${l.errors} | ${fmt(l.apiCores, 2)} | ${fmt(l.workerCores, 2)} | ${fmt(l.proxyCores, 2)} | ${fmt(l.otherCores, 2)} |`,
      );
    }
    const [one, two] = [x.levels.find((l) => l.apis === 1), x.levels.find((l) => l.apis === 2)];
    const gain = perRunRatio(two?.commandsPerSec, one?.commandsPerSec);
    if (gain) {
      p();
      p(`The second api process: ${fmt(gain, 2)} × the commands/s of one, run by run, on ${m.cores} cores.`);
    }
    for (const l of x.levels) if (l.errors > 0) p(`\n${l.apis} api(s), errors: ${l.errorSamples.join(' | ')}`);
    p();
  }
  if (r.scale) {
    const s = r.scale;
    p('## Scale');
    p();
    p(
      `Stream load = ${s.config.streamLoad}, ${s.config.loadsPerRun.toLocaleString('en-US')} per run; one command = ${s.config.command}, ${s.config.decisionsPerRun} per run. Rebuild = \`rebuildAndCompare\` of every read model from the whole log into a scratch database.`,
    );
    p();
    p(
      '| events in the log | runs | stream load p50 ms | stream load p99 ms | floor SELECT p50 ms | floor SELECT p99 ms | scavenges during the loads | their pause ms | loads a scavenge landed in | RecordDecision p50 ms | RecordDecision p99 ms | rebuild events/s | rebuild runs | rebuild total s | log loaded in s |',
    );
    p('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const z of s.sizes) {
      p(
        `| ${z.events.toLocaleString('en-US')} | ${z.runs} | ${ms(z.loadP50Ms)} | ${ms(z.loadP99Ms)} | ${ms(z.floorLoadP50Ms)} | ${ms(z.floorLoadP99Ms)} | ${fmt(z.loadScavenges)} | ${fmt(z.loadScavengeMs, 1)} | ${fmt(z.loadsHitByScavenge)} | ${ms(z.commandP50Ms)} | ${ms(z.commandP99Ms)} | ${fmt(z.rebuild.eventsPerSec)} | ${z.rebuild.runs} | ${fmt(z.rebuild.totalSeconds, 1)} | ${z.buildSeconds.toFixed(0)} |`,
      );
    }
    p();
    p(
      `Scavenges are this process's young-generation collections while the loads ran (perf_hooks \`gc\` entries); with ${s.config.loadsPerRun.toLocaleString('en-US')} loads per run the p99 is the ${Math.ceil(s.config.loadsPerRun / 100)}th slowest, so when a scavenge lands in that many loads, the p99 measures the collector's pause rather than the read. Floor SELECT = the engine's own SELECT of the same streams' rows on a bare better-sqlite3 connection, nothing decoded or folded: what the file alone costs at each size.`,
    );
    p();
  }

  if (r.workers) workersSection(r.workers, p);
  if (r.notes.length) {
    p('## Notes');
    p();
    for (const n of r.notes) p(`- ${n}`);
    p();
  }
  return lines.join('\n');
}

function workersSection(w: WorkersResult, p: (s?: string) => void): void {
  const c = w.config;
  p('## Workers');
  p();
  p(
    `Event to mail: ${c.notifications.toLocaleString('en-US')} notifications per run (one SurveySubmitted appended through the write side → reactor → job queue → notifications processor → nodemailer → ` +
      `the in-process SMTP sink), after ${c.warmup} untimed; the worker is the compiled \`apps/worker\` in its own process, stopped (SIGSTOP) while the backlog is appended and then released: ` +
      `figure = messages ÷ (last mail accepted − release). Floor: ${c.floor}. Reminders: ${c.timers} assessment reminders per run on the real clock, falling due at ${c.timersPerSecond}/s in a seeded order, the first a few seconds after the acceptances that set them ` +
      `(after their invitation mails are out); lateness = reminder mail accepted − due time. ${c.runs} run(s); Redis ${c.redis}, a fresh key prefix per run, deleted afterwards.`,
  );
  p();
  p(
    '| subject | notifications/s | ÷ floor (mail) | worker CPU ms per message | worker CPU (cores) | other load (cores) | backlog appended at (/s, untimed) |',
  );
  p('| --- | --- | --- | --- | --- | --- | --- |');
  const row = (label: string, t: WorkersResult['floor']['mail'] | undefined) => {
    if (!t) return;
    const ratio = perRunRatio(t.perSec, w.floor.mail?.perSec);
    p(
      `| ${label} | ${fmt(t.perSec)} | ${fmt(ratio, 2)} | ${fmt(t.workerCpuMsPerMessage, 2)} | ${fmt(t.workerCores, 2)} | ${fmt(t.otherCores, 2)} | ${fmt(t.producerPerSec)} |`,
    );
  };
  for (const shape of c.shapes) row(`engine, ${SHAPE_LABELS[shape]}`, w.engine[shape]);
  row('floor: bare BullMQ loop, jobs send the same mail', w.floor.mail ?? undefined);
  row('bare BullMQ loop, no-op jobs (no mail; for scale)', w.floor.noop ?? undefined);
  p();
  p(
    '| reminders on | timers | lateness p50 ms | lateness p99 ms | lateness max ms | first due after (s) | invitations out before the first due (ms; < 0 = overlapped) |',
  );
  p('| --- | --- | --- | --- | --- | --- | --- |');
  for (const shape of c.shapes) {
    const l = w.lateness[shape];
    if (l)
      p(
        `| ${SHAPE_LABELS[shape]} | ${fmt(l.timers)} | ${ms(l.p50Ms)} | ${ms(l.p99Ms)} | ${ms(l.maxMs)} | ${fmt(l.leadSeconds, 1)} | ${fmt(l.quietMs)} |`,
      );
  }
  p();
}

/** The store workload's table (Part 1, and Part 1 on PostgreSQL). */
function storeTable(p: (line?: string) => void, r: Part1Result, title: string, unit: 'file' | 'database'): void {
  const c = r.config;
  p(`## ${title}`);
  p();
  p(
    `N = ${c.n.toLocaleString('en-US')} applications (${(c.n * 14).toLocaleString('en-US')} commands, one event each), window of ${c.window} round-robin, one closed-loop client; ` +
      `${c.readLoads.toLocaleString('en-US')} stream loads; replay in pages of ${c.pageSize.toLocaleString('en-US')}${c.replayPasses ? ` (the median of ${c.replayPasses} passes per run${c.replayInterleaved ? ", the subjects' passes alternated" : ''})` : ''}; race on ${c.raceStreams} new streams by two writer processes. ${c.runs} run(s), a fresh database ${unit} per subject and run.`,
  );
  p();
  p(
    '| subject | commands/s (= events/s) | command p50 ms | command p99 ms | stream load p50 ms | stream load p99 ms | replay events/s | race: conflicts | race: exact | CPU ms per command | other load (cores) |',
  );
  p('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [, s] of Object.entries(r.subjects)) {
    if (!s) continue;
    p(
      `| ${s.label} | ${fmt(s.write.commandsPerSec)} | ${ms(s.write.p50Ms)} | ${ms(s.write.p99Ms)} | ${ms(s.read.p50Ms)} | ${ms(s.read.p99Ms)} | ${fmt(s.replay.eventsPerSec)} | ` +
        `${s.race ? fmt(s.race.conflicts) : 'n/a'} | ${s.race ? `${s.race.exact ? 'yes' : '**NO**'} (${s.race.exactRuns}/${s.race.runs})` : 'n/a (group commit)'} | ` +
        `${fmt(s.write.cpuMsPerCommand, 3)} | ${fmt(s.write.otherCores, 2)} |`,
    );
  }
  p();
  p(
    `Payload sizes (JSON bytes, average): ${Object.entries(r.payloadBytes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}. The engine adds its envelope (event id, metadata with actor, correlation, timestamps and the hash chain) to every row.`,
  );
  p();
}
