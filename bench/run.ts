import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runHttp } from './cycle/http';
import { runInproc } from './cycle/inproc';
import { runReplicas } from './cycle/replicas';
import { machineFacts } from './lib/machine';
import { log } from './lib/progress';
import { now } from './lib/stats';
import { BenchResult, markdown, targets } from './report';
import { runScale } from './scale/scale';
import { runPart1 } from './store/part1';
import { SUBJECT_IDS, SubjectId, onPostgres } from './store/subjects';
import { runWorkers } from './workers/workers';

/**
 * `npm run bench` (full) and `npm run bench -- --quick` (smoke run): the workload of bench/WORKLOAD.md
 * against the engine and the physical floor, in one run. Runs compiled from dist/ (child processes need JS).
 *
 * Options: --quick; --only=part1,postgres,inproc,http,replicas,scale,workers; --subjects=engine-FULL,floor-FULL,engine-pg,emmett-pg,...; --runs=N; --n=N;
 * --no-1m (full mode without the 1M-event scale log); --keep (keep the data directory);
 * --cpu-prof-api=DIR (profile the api process of the HTTP part; for the other parts run node --cpu-prof dist/bench/run.js);
 * --api-log-level=LEVEL, --api-sync=NORMAL, --api-worker (the api with RUN_WORK_SIDE=false beside a worker process),
 * --api-node-options=OPT[,OPT] (Node options for the api process, e.g. --api-node-options=--max-semi-space-size=32),
 * --seconds=S, --levels=1,8,32 (HTTP experiments; the defaults are the shipped ones);
 * --notifications=N, --timers=N (Workers sizes); --cpu-prof-worker=DIR (profile the engine's and the floor's worker processes).
 * Writes bench/results/<ISO date>-<mode>.json and .md; a full, unfiltered run also copies its table to bench/RESULTS.md.
 */

const BENCH_DIR = resolve(__dirname, '..', '..', 'bench');
const PARTS = ['part1', 'postgres', 'inproc', 'http', 'replicas', 'scale', 'workers'] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: string[]) {
  const flag = (name: string) => argv.includes(`--${name}`);
  // Everything after the first '=': a value may hold one itself (--api-node-options=--max-semi-space-size=32).
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only')?.split(',') as Part[] | undefined;
  for (const p of only ?? []) if (!PARTS.includes(p)) throw new Error(`--only: unknown part ${p} (known: ${PARTS.join(', ')})`);
  const subjects = value('subjects')?.split(',') as SubjectId[] | undefined;
  for (const s of subjects ?? [])
    if (!SUBJECT_IDS.includes(s)) throw new Error(`--subjects: unknown subject ${s} (known: ${SUBJECT_IDS.join(', ')})`);
  const runs = value('runs') ? Number(value('runs')) : undefined;
  const n = value('n') ? Number(value('n')) : undefined;
  return {
    quick: flag('quick'),
    only,
    subjects,
    runs,
    n,
    no1m: flag('no-1m'),
    keep: flag('keep'),
    profileApi: value('cpu-prof-api'),
    apiLogLevel: value('api-log-level'),
    apiSync: value('api-sync'),
    apiWorker: flag('api-worker'),
    apiNodeOptions: value('api-node-options')?.split(','),
    seconds: value('seconds') ? Number(value('seconds')) : undefined,
    levels: value('levels')?.split(',').map(Number),
    profileWorker: value('cpu-prof-worker'),
    notifications: value('notifications') ? Number(value('notifications')) : undefined,
    timers: value('timers') ? Number(value('timers')) : undefined,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mode = args.quick ? 'quick' : 'full';
  const runs = args.runs ?? (args.quick ? 1 : 3);
  const wants = (p: Part) => !args.only || args.only.includes(p);
  const partial = !!(
    args.only ||
    args.subjects ||
    args.runs ||
    args.n ||
    args.no1m ||
    args.profileApi ||
    args.apiLogLevel ||
    args.apiSync ||
    args.apiWorker ||
    args.apiNodeOptions ||
    args.seconds ||
    args.levels ||
    args.profileWorker ||
    args.notifications ||
    args.timers
  );
  const started = now();
  const date = new Date().toISOString();
  const dataDir = mkdtempSync(join(tmpdir(), 'iasl-bench-'));
  const notes: string[] = [];
  const loadStart = loadavg();
  log(`mode ${mode}${partial ? ' (partial)' : ''}, ${runs} run(s); data in ${dataDir}`);

  const result: BenchResult = {
    benchmark: 'bench/WORKLOAD.md',
    date,
    mode: partial ? `${mode}-partial` : mode,
    partial,
    durationSeconds: 0,
    machine: machineFacts(dataDir),
    loadAverage: { start: loadStart, end: [], note: 'os.loadavg(): other work on this machine during the run shows here' },
    part1: null,
    postgres: null,
    inProcess: null,
    http: null,
    replicas: null,
    scale: null,
    workers: null,
    targets: [],
    notes,
  };

  try {
    const fileSubjects = (args.subjects ?? [...SUBJECT_IDS]).filter((id) => !onPostgres(id));
    if (wants('part1') && fileSubjects.length > 0) {
      result.part1 = await runPart1(dataDir, {
        n: args.n ?? (args.quick ? 300 : 10_000),
        runs,
        readLoads: args.quick ? 200 : 1000,
        raceStreams: 100,
        subjects: fileSubjects,
      });
    }
    // On PostgreSQL every commit waits for the server's fsync: a smaller N keeps the part to minutes.
    const pgSubjects = (args.subjects ?? [...SUBJECT_IDS]).filter(onPostgres);
    if (wants('postgres') && pgSubjects.length > 0) {
      result.postgres = await runPart1(dataDir, {
        n: args.n ?? (args.quick ? 300 : 2000),
        runs,
        readLoads: args.quick ? 200 : 1000,
        raceStreams: 100,
        subjects: pgSubjects,
      });
    }
    if (wants('inproc')) result.inProcess = await runInproc(dataDir, args.quick ? 30 : 1000, runs);
    if (wants('http')) {
      const profileDir = args.profileApi ? resolve(args.profileApi) : undefined;
      result.http = await runHttp(dataDir, {
        levels: args.levels ?? [1, 8, 32],
        seconds: args.seconds ?? (args.quick ? 2 : 10),
        runs,
        warmupSeconds: args.quick ? 1 : 3,
        profileDir,
        apiLogLevel: args.apiLogLevel,
        apiSynchronous: args.apiSync as 'FULL' | 'NORMAL' | undefined,
        workerProcess: args.apiWorker,
        apiNodeOptions: args.apiNodeOptions,
      });
    }
    if (wants('replicas')) {
      result.replicas = await runReplicas(dataDir, {
        replicas: [1, 2],
        connections: 32,
        seconds: args.seconds ?? (args.quick ? 2 : 10),
        runs,
        warmupSeconds: args.quick ? 1 : 3,
      });
    }
    if (wants('scale')) {
      const sizes = [{ events: 10_000, runs, rebuildRuns: runs }];
      if (!args.quick && !args.no1m) sizes.push({ events: 1_000_000, runs, rebuildRuns: 1 });
      else notes.push('Scale: the 1M-event log is loaded in full mode only; the scale target is not measured in this run.');
      result.scale = await runScale(dataDir, { sizes });
    }
    if (wants('workers')) {
      result.workers = await runWorkers(dataDir, {
        notifications: args.notifications ?? (args.quick ? 200 : 2000),
        warmup: args.quick ? 20 : 50,
        timers: args.timers ?? (args.quick ? 50 : 500),
        timersPerSecond: args.quick ? 25 : 50,
        runs,
        redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        profileDir: args.profileWorker ? resolve(args.profileWorker) : undefined,
      });
      notes.push(...result.workers.notes);
    }
  } finally {
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
  }

  if (!args.quick && result.scale?.sizes.some((s) => s.events >= 1_000_000)) {
    notes.push(
      'Scale, 1M events: the log is loaded once; each of the runs measures stream loads and decides its own 200 applications; the rebuild from 1M events runs once (it takes minutes on this machine).',
    );
  }
  if (result.part1) {
    notes.push(
      'Part 1 per-command latency for the group-commit floor: the commit is charged to the command that closes each batch of 100.',
    );
    notes.push(
      "Part 1 floor: it parses each event's JSON data when it folds (stream loads and replay), as any consumer of the events must; the engine also parses the metadata envelope.",
    );
  }
  result.loadAverage.end = loadavg();
  result.targets = targets(result);
  result.durationSeconds = (now() - started) / 1000;

  const stem = `${date.slice(0, 19).replace(/:/g, '-')}Z-${result.mode}`;
  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const md = markdown(result);
  writeFileSync(join(resultsDir, `${stem}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(resultsDir, `${stem}.md`), md + '\n');
  if (mode === 'full' && !partial) copyFileSync(join(resultsDir, `${stem}.md`), join(BENCH_DIR, 'RESULTS.md'));
  log(
    `wrote bench/results/${stem}.json and .md${mode === 'full' && !partial ? ' and bench/RESULTS.md' : ''} (${result.durationSeconds.toFixed(0)} s)`,
  );
  process.stdout.write(md + '\n');
  const failed = result.targets.filter((t) => /^(part1|postgres)\.race/.test(t.id) && t.pass === false);
  if (failed.length) {
    log('phase 4 was not exact: a correctness failure, not a slow run');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
