import autocannon from 'autocannon';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { IdentityStore, SqliteIdentityStore, User } from '@cert/identity';
import { cpuWindow, processCpuMs } from '../lib/cpu';
import { log } from '../lib/progress';
import { Figure, Latencies, LatencySummary, figure } from '../lib/stats';
import { CODES, COMMANDS_PER_CYCLE, DECISION, REVIEWER_PROFILES, ratingFor, scoresFor, surveyFor } from './cycle-data';

export const HOST = '127.0.0.1';
export const API_MAIN = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js');
export const WORKER_MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.js');
const BARE_MAIN = join(__dirname, 'bare-server.js');
const PASSWORD = 'correct horse battery staple (bench)';
const APPLICANTS = 32;

export type HttpConfig = {
  levels: number[];
  seconds: number;
  runs: number;
  warmupSeconds: number;
  profileDir?: string;
  /** the api's LOG_LEVEL (default info, as shipped) and SQLITE_SYNCHRONOUS (default FULL), for experiments */
  apiLogLevel?: string;
  apiSynchronous?: 'FULL' | 'NORMAL';
  /**
   * The api with RUN_WORK_SIDE=false beside a worker process (`npm run start:worker`) on the same files: the
   * distributed shape's split of work on one machine. Default: the embedded api alone, as `npm start` runs it.
   */
  workerProcess?: boolean;
  /** Node options for the api process (e.g. --max-semi-space-size=32), for experiments; none by default, as `npm start`. */
  apiNodeOptions?: string[];
};

type EndpointStats = { requestsPerSec: Figure; p50Ms: Figure; p99Ms: Figure; maxMs: Figure; count: number };
/**
 * Each shot opens its connections anew, and Node 20's libuv (1.45 on) accepts one connection per turn of the event
 * loop (libuv pull request 3696). A turn of a saturated server serves every request pending on the connections it
 * already has, so the last connections of a shot are accepted many turns late, and their first request waits for it.
 * Reported apart so that wait is not mistaken for the time a command takes: the first request on each connection
 * (its p50 and max), and the p99 of all the others.
 */
type ConnectionStart = { firstP50Ms: Figure; firstMaxMs: Figure; p99WithoutFirstMs: Figure };
export type LevelResult = {
  connections: number;
  bare: {
    requestsPerSec: Figure;
    p50Ms: Figure;
    p99Ms: Figure;
    maxMs: Figure;
    errors: number;
    cpuMsPerRequest: Figure;
    otherCores: Figure;
    start: ConnectionStart;
  };
  api: {
    commandsPerSec: Figure;
    applicationsPerSec: Figure;
    p50Ms: Figure;
    p99Ms: Figure;
    maxMs: Figure;
    errors: number;
    errorSamples: string[];
    endpoints: Record<string, EndpointStats>;
    /** api process CPU per command: throughput is bounded by 1000 / this on one core */
    cpuMsPerCommand: Figure;
    clientCores: Figure;
    /** CPU used by other processes on the machine while the api was measured */
    otherCores: Figure;
    /**
     * Seconds the api kept working after the load stopped (its work side catching up: notifications, timers), and
     * the commands/s over the shot and that tail together: the rate it sustains with its work side keeping up.
     */
    busyAfterSeconds: Figure;
    sustainedCommandsPerSec: Figure;
    /** With a worker process: its CPU during the shot (cores); it is not counted in otherCores. */
    workerCores: Figure | null;
    start: ConnectionStart;
  };
};
export type HttpResult = {
  config: HttpConfig & { apiLogLevel: string; durability: string; cycle: string; shape: string };
  levels: LevelResult[];
};

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const IDLE_CORES = 0.05;
const IDLE_POLL_MS = 250;
const IDLE_LIMIT_MS = 180_000;

/**
 * Waits until a server (with its worker process, if any: their CPU summed) has been idle (under 5% of a core) for two
 * polls in a row, and says how long it stayed busy.
 * The embedded api finishes its work side (mail, timers) after the load stops; measured before it has, the next
 * subject would share the machine with that tail (seen as "other load" on the bare endpoint).
 */
export async function waitIdle(...pids: number[]): Promise<number> {
  const start = performance.now();
  const cpuMs = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  let last = cpuMs();
  let quiet = 0;
  while (quiet < 2 && performance.now() - start < IDLE_LIMIT_MS) {
    await sleep(IDLE_POLL_MS);
    const now = cpuMs();
    if (!Number.isFinite(now)) return 0;
    quiet = now - last < IDLE_CORES * IDLE_POLL_MS ? quiet + 1 : 0;
    last = now;
  }
  // The two quiet polls at the end are not busy time.
  return Math.max(0, performance.now() - start - 2 * IDLE_POLL_MS) / 1000;
}

export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}: no answer after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

async function post(url: string, body: unknown, expected: number): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`POST ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export type Sessions = {
  staff: string;
  board: string;
  reviewers: { id: string; token: string }[];
  applicants: { email: string; token: string }[];
};

/**
 * Real sign-ins through the api: staff, board and reviewers set a password with a one-time link and log in;
 * applicants redeem an email sign-in link. The links are issued on the identity file directly (as the CLI does)
 * instead of being fished out of a mailbox.
 */
export async function signIn(base: string, identity: IdentityStore): Promise<Sessions> {
  {
    const user = (
      email: string,
      role: 'staff' | 'board' | 'reviewer' | 'applicant',
      profile: { institution?: string; region?: string } = {},
    ): Promise<User> => identity.findOrCreateUser({ email, name: email.split('@')[0], role, ...profile });
    const withPassword = async (u: User) => {
      const { token } = await identity.issueOneTimeToken('set-password', u, 3_600_000);
      await post(`${base}/auth/password`, { token, password: PASSWORD }, 204);
      const session = (await post(`${base}/auth/login`, { email: u.email, password: PASSWORD }, 200)) as { token: string };
      return session.token;
    };
    const staff = await withPassword(await user('staff@iasl.bench', 'staff'));
    const board = await withPassword(await user('board@iasl.bench', 'board'));
    const reviewers = [];
    for (const p of REVIEWER_PROFILES.slice(0, 2)) {
      const u = await user(p.email, 'reviewer', { institution: p.institution, region: p.region });
      reviewers.push({ id: u.id, token: await withPassword(u) });
    }
    const applicants = [];
    for (let i = 0; i < APPLICANTS; i++) {
      const u = await user(`leader${i}@school${i}.bench`, 'applicant');
      const { token } = await identity.issueOneTimeToken('sign-in', u, 900_000);
      const session = (await post(`${base}/auth/email-link/redeem`, { token }, 200)) as { token: string };
      applicants.push({ email: u.email, token: session.token });
    }
    return { staff, board, reviewers, applicants };
  }
}

type Ctx = { app?: number; id?: string; applicant?: { email: string; token: string }; failed?: boolean };
export type Req = {
  name: string;
  method: 'POST' | 'PUT';
  setupRequest: (req: Record<string, unknown>, ctx: Ctx) => Record<string, unknown> | null;
  onResponse: (status: number, body: string, ctx: Ctx) => void;
};

/** The 23 requests of one cycle, as an autocannon request sequence: each connection loops through whole cycles. */
export function cycleRequests(s: Sessions, counters: { cycles: number; decided: number; errors: string[] }, tag: string): Req[] {
  const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const fail = (name: string) => (status: number, body: string, ctx: Ctx) => {
    if (status >= 200 && status < 300) return;
    ctx.failed = true;
    if (counters.errors.length < 10) counters.errors.push(`${name}: ${status} ${body.slice(0, 200)}`);
  };
  const step = (
    name: string,
    method: 'POST' | 'PUT',
    path: (id: string) => string,
    token: (ctx: Ctx) => string,
    body: (ctx: Ctx, app: number) => unknown,
  ): Req => ({
    name,
    method,
    setupRequest: (req, ctx) => {
      // A failed step abandons the cycle: autocannon starts the connection on a new one.
      if (ctx.failed || !ctx.id) return null;
      return { ...req, method, path: path(ctx.id), headers: json(token(ctx)), body: JSON.stringify(body(ctx, ctx.app ?? 0)) };
    },
    onResponse: fail(name),
  });

  const first: Req = {
    name: 'POST /applications',
    method: 'POST',
    setupRequest: (req, ctx) => {
      const app = counters.cycles++;
      const applicant = s.applicants[app % s.applicants.length];
      Object.assign(ctx, { app, applicant, id: undefined, failed: false });
      return {
        ...req,
        method: 'POST',
        path: '/applications',
        headers: json(applicant.token),
        body: JSON.stringify(surveyFor(tag, app, applicant.email)),
      };
    },
    onResponse: (status, body, ctx) => {
      fail('POST /applications')(status, body, ctx);
      if (status === 201) ctx.id = (JSON.parse(body) as { applicationId: string }).applicationId;
    },
  };
  const applicant = (ctx: Ctx) => ctx.applicant!.token;
  const requests: Req[] = [
    first,
    step(
      'POST /applications/:id/screening/accept',
      'POST',
      (id) => `/applications/${id}/screening/accept`,
      () => s.staff,
      () => ({}),
    ),
    ...CODES.map((_, i) =>
      step(
        'PUT /applications/:id/assessment/draft',
        'PUT',
        (id) => `/applications/${id}/assessment/draft`,
        applicant,
        (_ctx, app) => ({ ratings: [ratingFor(app, i)] }),
      ),
    ),
    step(
      'POST /applications/:id/assessment',
      'POST',
      (id) => `/applications/${id}/assessment`,
      applicant,
      () => ({ ratings: [] }),
    ),
    step(
      'POST /applications/:id/reviewers',
      'POST',
      (id) => `/applications/${id}/reviewers`,
      () => s.staff,
      () => ({ mode: 'manual', reviewerIds: s.reviewers.map((r) => r.id) }),
    ),
    ...s.reviewers.map((r, k) =>
      step(
        'POST /applications/:id/scores',
        'POST',
        (id) => `/applications/${id}/scores`,
        () => r.token,
        (_ctx, app) => ({ scores: scoresFor(app, k), recommendation: 'CharterMembership' }),
      ),
    ),
    step(
      'POST /applications/:id/decision',
      'POST',
      (id) => `/applications/${id}/decision`,
      () => s.board,
      () => DECISION,
    ),
  ];
  const last = requests[requests.length - 1];
  const onLast = last.onResponse;
  last.onResponse = (status, body, ctx) => {
    onLast(status, body, ctx);
    if (status === 200) counters.decided++;
  };
  if (requests.length !== COMMANDS_PER_CYCLE) throw new Error('HTTP cycle out of step with the in-process cycle');
  return requests;
}

export type Shot = {
  requestsPerSec: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  decidedPerSec: number;
  /** CPU of the server per request (ms), of the load client (cores), and of everything else on the machine (cores) */
  serverCpuMsPerRequest: number;
  clientCores: number;
  otherCores: number;
  workerCores: number;
  endpoints: Record<string, { rps: number; p50: number; p99: number; max: number; n: number }>;
  errorSamples: string[];
  /** the first request on each connection, and every other request */
  first: LatencySummary;
  afterFirst: LatencySummary;
  /** the shot's measured length, and (set after it) how long the server stayed busy once the load stopped */
  seconds: number;
  busyAfterSeconds: number;
};

export async function shoot(opts: {
  url: string;
  connections: number;
  seconds: number;
  serverPid: number;
  workerPid?: number;
  requests?: Req[];
  counters?: { decided: number; errors: string[] };
}): Promise<Shot> {
  const all = new Latencies();
  const first = new Latencies();
  const afterFirst = new Latencies();
  const connected = new WeakSet<object>();
  const byEndpoint = new Map<string, Latencies>();
  let bad = 0;
  const instance = (
    autocannon as unknown as (
      o: Record<string, unknown>,
    ) => Promise<autocannon.Result> & { on: (e: string, l: (...a: never[]) => void) => void }
  )({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    pipelining: 1,
    timeout: 10,
    ...(opts.requests ? { requests: opts.requests } : {}),
  });
  instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    const name = (client as { requestIterator: { currentRequest: { name?: string } } }).requestIterator.currentRequest.name ?? 'GET /noop';
    all.add(responseTime);
    // autocannon reconnects a client only after an error (none, when the shot meets its target): its first response is its connection's first.
    if (connected.has(client as object)) afterFirst.add(responseTime);
    else {
      connected.add(client as object);
      first.add(responseTime);
    }
    let l = byEndpoint.get(name);
    if (!l) byEndpoint.set(name, (l = new Latencies()));
    l.add(responseTime);
    if (statusCode < 200 || statusCode >= 300) bad++;
  });
  const decided0 = opts.counters?.decided ?? 0;
  const cpu = cpuWindow({ server: opts.serverPid, client: process.pid, ...(opts.workerPid ? { worker: opts.workerPid } : {}) });
  const result = await instance;
  const used = cpu.stop();
  const seconds = result.duration;
  const overall = all.summary();
  const errors = bad + result.errors + result.timeouts;
  const endpoints: Shot['endpoints'] = {};
  for (const [name, l] of byEndpoint) {
    const s = l.summary();
    endpoints[name] = { rps: s.n / seconds, p50: s.p50, p99: s.p99, max: s.max, n: s.n };
  }
  return {
    requestsPerSec: overall.n / seconds,
    p50: overall.p50,
    p99: overall.p99,
    max: overall.max,
    errors,
    decidedPerSec: ((opts.counters?.decided ?? 0) - decided0) / seconds,
    serverCpuMsPerRequest: overall.n > 0 ? (used.cores.server * used.seconds * 1000) / overall.n : NaN,
    clientCores: used.cores.client,
    otherCores: used.otherCores,
    workerCores: used.cores.worker ?? NaN,
    endpoints,
    errorSamples: opts.counters?.errors.slice() ?? [],
    first: first.summary(),
    afterFirst: afterFirst.summary(),
    seconds,
    busyAfterSeconds: 0,
  };
}

const connectionStart = (shots: Shot[]): ConnectionStart => ({
  firstP50Ms: figure(shots.map((s) => s.first.p50)),
  firstMaxMs: figure(shots.map((s) => s.first.max)),
  p99WithoutFirstMs: figure(shots.map((s) => s.afterFirst.p99)),
});

/**
 * Part 2 through HTTP: the real api (dist/apps/api/src/main.js, as `npm start` runs it) and a bare NestJS app,
 * each in its own process on loopback; autocannon drives the cycle with signed-in users at each connection count,
 * bounded in time, and the bare endpoint right after at the same count, run after run.
 */
export async function runHttp(dataDir: string, config: HttpConfig): Promise<HttpResult> {
  const apiDir = join(dataDir, 'http-api');
  mkdirSync(apiDir, { recursive: true });
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const logFd = openSync(join(apiDir, 'api.log'), 'a');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: apiDir,
    PORT: String(apiPort),
    HOST,
    LOG_LEVEL: config.apiLogLevel ?? 'info',
    SQLITE_SYNCHRONOUS: config.apiSynchronous ?? 'FULL',
    PUBLIC_URL: `http://${HOST}:${apiPort}`,
    ...(config.workerProcess ? { RUN_WORK_SIDE: 'false' } : {}),
  };
  // --cpu-prof-api=DIR: profile the api process (written when it is stopped).
  const profile = config.profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${config.profileDir}`, '-r', join(__dirname, '..', 'tools', 'exit-on-sigterm.js')]
    : [];
  const api = spawn(process.execPath, [...(config.apiNodeOptions ?? []), ...profile, API_MAIN], { env, stdio: ['ignore', logFd, logFd] });
  // Same log, keys, accounts and outbox; read models of its own (as every process keeps), and the work side.
  const worker = config.workerProcess
    ? spawn(process.execPath, [WORKER_MAIN], {
        env: { ...env, RUN_WORK_SIDE: 'true', READ_DB_PATH: join(apiDir, 'worker-read-models.sqlite') },
        stdio: ['ignore', logFd, logFd],
      })
    : null;
  const bare = fork(BARE_MAIN, [String(barePort)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const apiPids = [api.pid!, ...(worker ? [worker.pid!] : [])];
  try {
    const base = `http://${HOST}:${apiPort}`;
    await waitForHttp(`${base}/health`, api);
    await waitForHttp(`http://${HOST}:${barePort}/noop`, bare);
    const identity = new SqliteIdentityStore(join(apiDir, 'identity.sqlite'));
    const sessions = await signIn(base, identity).finally(() => identity.close());
    log(
      `part 2 HTTP: api on ${base} (log ${join(apiDir, 'api.log')}), bare NestJS on :${barePort}; ${sessions.applicants.length} applicants, staff, board and ${sessions.reviewers.length} reviewers signed in`,
    );
    const counters = { cycles: 0, decided: 0, errors: [] as string[] };
    const requests = cycleRequests(sessions, counters, `h${Date.now().toString(36)}`);
    const bareUrl = `http://${HOST}:${barePort}/noop`;

    if (config.warmupSeconds > 0) {
      await shoot({ url: bareUrl, connections: 8, seconds: config.warmupSeconds, serverPid: bare.pid! });
      await shoot({
        url: base,
        connections: 8,
        seconds: config.warmupSeconds,
        serverPid: api.pid!,
        workerPid: worker?.pid,
        requests,
        counters,
      });
      counters.errors.length = 0;
    }

    const shots = new Map<number, { bare: Shot[]; api: Shot[] }>(config.levels.map((c) => [c, { bare: [], api: [] }]));
    for (let run = 1; run <= config.runs; run++) {
      for (const c of config.levels) {
        await waitIdle(...apiPids);
        const b = await shoot({ url: bareUrl, connections: c, seconds: config.seconds, serverPid: bare.pid! });
        await waitIdle(bare.pid!);
        counters.errors.length = 0;
        const a = await shoot({
          url: base,
          connections: c,
          seconds: config.seconds,
          serverPid: api.pid!,
          workerPid: worker?.pid,
          requests,
          counters,
        });
        a.busyAfterSeconds = await waitIdle(...apiPids);
        if (worker && worker.exitCode !== null)
          throw new Error(`the worker process exited with ${worker.exitCode} (log ${join(apiDir, 'api.log')})`);
        shots.get(c)!.bare.push(b);
        shots.get(c)!.api.push(a);
        log(
          `part 2 HTTP run ${run}/${config.runs}, ${c} connections: api ${Math.round(a.requestsPerSec)} commands/s p50 ${a.p50.toFixed(1)} p99 ${a.p99.toFixed(1)} max ${a.max.toFixed(1)} ms, ${a.errors} errors; ` +
            `bare ${Math.round(b.requestsPerSec)} req/s p99 ${b.p99.toFixed(1)} ms; api CPU ${a.serverCpuMsPerRequest.toFixed(2)} ms/command, bare ${b.serverCpuMsPerRequest.toFixed(3)} ms/req; ` +
            `other load ${a.otherCores.toFixed(2)} / ${b.otherCores.toFixed(2)} cores; api busy ${a.busyAfterSeconds.toFixed(1)} s after the load`,
        );
        if (a.errors > 0) log(`part 2 HTTP errors: ${a.errorSamples.join(' | ')}`);
      }
    }

    const levels: LevelResult[] = config.levels.map((c) => {
      const { bare: bs, api: as } = shots.get(c)!;
      const names = [...new Set(as.flatMap((s) => Object.keys(s.endpoints)))];
      const endpoints: Record<string, EndpointStats> = {};
      for (const name of names) {
        const per = as.map((s) => s.endpoints[name]).filter(Boolean);
        endpoints[name] = {
          requestsPerSec: figure(per.map((e) => e.rps)),
          p50Ms: figure(per.map((e) => e.p50)),
          p99Ms: figure(per.map((e) => e.p99)),
          maxMs: figure(per.map((e) => e.max)),
          count: per.reduce((a, e) => a + e.n, 0),
        };
      }
      return {
        connections: c,
        bare: {
          requestsPerSec: figure(bs.map((s) => s.requestsPerSec)),
          p50Ms: figure(bs.map((s) => s.p50)),
          p99Ms: figure(bs.map((s) => s.p99)),
          maxMs: figure(bs.map((s) => s.max)),
          errors: bs.reduce((a, s) => a + s.errors, 0),
          cpuMsPerRequest: figure(bs.map((s) => s.serverCpuMsPerRequest)),
          otherCores: figure(bs.map((s) => s.otherCores)),
          start: connectionStart(bs),
        },
        api: {
          commandsPerSec: figure(as.map((s) => s.requestsPerSec)),
          applicationsPerSec: figure(as.map((s) => s.decidedPerSec)),
          p50Ms: figure(as.map((s) => s.p50)),
          p99Ms: figure(as.map((s) => s.p99)),
          maxMs: figure(as.map((s) => s.max)),
          errors: as.reduce((a, s) => a + s.errors, 0),
          errorSamples: as.flatMap((s) => s.errorSamples).slice(0, 10),
          endpoints,
          cpuMsPerCommand: figure(as.map((s) => s.serverCpuMsPerRequest)),
          clientCores: figure(as.map((s) => s.clientCores)),
          otherCores: figure(as.map((s) => s.otherCores)),
          busyAfterSeconds: figure(as.map((s) => s.busyAfterSeconds)),
          sustainedCommandsPerSec: figure(as.map((s) => (s.requestsPerSec * s.seconds) / (s.seconds + s.busyAfterSeconds))),
          workerCores: worker ? figure(as.map((s) => s.workerCores)) : null,
          start: connectionStart(as),
        },
      };
    });
    return {
      config: {
        ...config,
        apiLogLevel:
          config.apiLogLevel && config.apiLogLevel !== 'info'
            ? config.apiLogLevel
            : 'info (the default: pino-http logs every request, to a file)',
        durability: config.apiSynchronous === 'NORMAL' ? 'SQLITE_SYNCHRONOUS=NORMAL' : 'SQLITE_SYNCHRONOUS=FULL (default)',
        cycle: `${COMMANDS_PER_CYCLE} commands per application, every request a command; ${APPLICANTS} applicants, 2 reviewers, staff and board signed in`,
        shape: config.workerProcess
          ? 'api (RUN_WORK_SIDE=false) and a worker process (npm run start:worker) on the same SQLite log, keys, accounts and outbox, each with its own read models'
          : 'embedded: the api alone, with its work side in process (npm start)',
      },
      levels,
    };
  } finally {
    await Promise.all([stop(api), stop(bare), ...(worker ? [stop(worker)] : [])]);
    closeSync(logFd);
  }
}
