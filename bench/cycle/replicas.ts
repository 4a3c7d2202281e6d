import { ChildProcess, fork, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresIdentityStore } from '../../libs/identity/src/postgres/postgres.identity-store';
import { cpuWindow } from '../lib/cpu';
import { log } from '../lib/progress';
import { Figure, figure } from '../lib/stats';
import { startSmtpSink } from '../../test/support/smtp-sink';
import { dropPgDatabase, freshPgDatabase } from '../store/pg';
import { API_MAIN, HOST, WORKER_MAIN, cycleRequests, freePort, shoot, signIn, stop, waitForHttp, waitIdle } from './http';

const PROXY_MAIN = join(__dirname, 'round-robin-proxy.js');

export type ReplicasConfig = { replicas: number[]; connections: number; seconds: number; runs: number; warmupSeconds: number };

export type ReplicasLevel = {
  apis: number;
  commandsPerSec: Figure;
  p50Ms: Figure;
  p99Ms: Figure;
  errors: number;
  errorSamples: string[];
  /** CPU while the load ran, in cores: every api together, the worker, the proxy, and the rest of the machine (PostgreSQL, Redis). */
  apiCores: Figure;
  workerCores: Figure;
  proxyCores: Figure;
  otherCores: Figure;
};

export type ReplicasResult = { config: ReplicasConfig & { shape: string; cycle: string }; levels: ReplicasLevel[] };

/**
 * The HTTP cycle on the distributed shape, with 1 and then 2 api processes behind one address (a round-robin TCP
 * proxy), one worker, the log, accounts and documents on PostgreSQL, keys in a database of their own and jobs on Redis:
 * what a second api process buys on this machine. Each count gets fresh databases.
 */
export async function runReplicas(dataDir: string, config: ReplicasConfig): Promise<ReplicasResult> {
  const levels: ReplicasLevel[] = [];
  for (const n of config.replicas) levels.push(await runLevel(join(dataDir, `replicas-${n}`), n, config));
  return {
    config: {
      ...config,
      shape:
        'EVENT_STORE=postgres with KEYS_DATABASE_URL, Redis jobs and rate limits, mail to an SMTP server in the load client process, one worker',
      cycle: '23 commands per application, every request a command, 32 applicants, 2 reviewers, staff and board signed in',
    },
    levels,
  };
}

async function runLevel(dir: string, apis: number, config: ReplicasConfig): Promise<ReplicasLevel> {
  mkdirSync(dir, { recursive: true });
  const [logUrl, keysUrl] = [await freshPgDatabase(`replicas${apis}_log`), await freshPgDatabase(`replicas${apis}_keys`)];
  const logFd = openSync(join(dir, 'processes.log'), 'a');
  // A real SMTP server takes the mail, as in the tests; it runs in this process and counts as client CPU.
  const sink = await startSmtpSink();
  const children: ChildProcess[] = [];
  const ports = await Promise.all(Array.from({ length: apis + 1 }, () => freePort()));
  const [proxyPort, ...apiPorts] = ports;
  const base = `http://${HOST}:${proxyPort}`;
  const env = (name: string) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    EVENT_STORE: 'postgres',
    DATABASE_URL: logUrl,
    KEYS_DATABASE_URL: keysUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-replicas-${apis}-${Date.now().toString(36)}`,
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: sink.url,
    CHECKPOINT_KEY_PATH: join(dir, 'shared', 'checkpoint-key.pem'),
    WITNESS_DIR: join(dir, 'shared', 'witness'),
    CREDENTIAL_KEY_PATH: join(dir, 'shared', 'credential-key.pem'),
    DATA_DIR: join(dir, name),
    PUBLIC_URL: base,
    LOG_LEVEL: 'info',
  });
  try {
    const worker = spawn(process.execPath, [WORKER_MAIN], { env: env('worker'), stdio: ['ignore', logFd, logFd] });
    children.push(worker);
    const servers = apiPorts.map((port, i) =>
      spawn(process.execPath, [API_MAIN], {
        env: { ...env(`api-${i + 1}`), PORT: String(port), HOST, RUN_WORK_SIDE: 'false' },
        stdio: ['ignore', logFd, logFd],
      }),
    );
    children.push(...servers);
    for (const [i, server] of servers.entries()) await waitForHttp(`http://${HOST}:${apiPorts[i]}/health`, server);
    const proxy = fork(PROXY_MAIN, [String(proxyPort), ...apiPorts.map(String)], { stdio: ['ignore', logFd, logFd, 'ipc'] });
    children.push(proxy);
    await waitForHttp(`${base}/health`, proxy);

    const identity = await PostgresIdentityStore.open(logUrl);
    const sessions = await signIn(base, identity).finally(() => identity.close());
    const counters = { cycles: 0, decided: 0, errors: [] as string[] };
    const requests = cycleRequests(sessions, counters, `r${apis}${Date.now().toString(36)}`);
    const pids = servers.map((s) => s.pid!);
    log(`replicas: ${apis} api process(es) behind ${base}, one worker, PostgreSQL and Redis (log ${join(dir, 'processes.log')})`);
    if (config.warmupSeconds > 0) {
      await shoot({ url: base, connections: 8, seconds: config.warmupSeconds, serverPid: pids[0], requests, counters });
      counters.errors.length = 0;
    }
    const shots = [];
    for (let run = 1; run <= config.runs; run++) {
      await waitIdle(...pids, worker.pid!);
      counters.errors.length = 0;
      const cpu = cpuWindow({
        ...Object.fromEntries(pids.map((pid, i) => [`api${i}`, pid])),
        worker: worker.pid!,
        proxy: proxy.pid!,
        client: process.pid,
      });
      const shot = await shoot({
        url: base,
        connections: config.connections,
        seconds: config.seconds,
        serverPid: pids[0],
        requests,
        counters,
      });
      const used = cpu.stop();
      const apiCores = pids.reduce((a, _, i) => a + used.cores[`api${i}`], 0);
      shots.push({ shot, apiCores, workerCores: used.cores.worker, proxyCores: used.cores.proxy, otherCores: used.otherCores });
      log(
        `replicas run ${run}/${config.runs}, ${apis} api(s), ${config.connections} connections: ${Math.round(shot.requestsPerSec)} commands/s ` +
          `p50 ${shot.p50.toFixed(1)} p99 ${shot.p99.toFixed(1)} ms, ${shot.errors} errors; apis ${apiCores.toFixed(2)} cores, worker ${used.cores.worker.toFixed(2)}, proxy ${used.cores.proxy.toFixed(2)}, PostgreSQL, Redis and the rest ${used.otherCores.toFixed(2)}`,
      );
      if (shot.errors > 0) log(`replicas errors: ${shot.errorSamples.join(' | ')}`);
    }
    return {
      apis,
      commandsPerSec: figure(shots.map((s) => s.shot.requestsPerSec)),
      p50Ms: figure(shots.map((s) => s.shot.p50)),
      p99Ms: figure(shots.map((s) => s.shot.p99)),
      errors: shots.reduce((a, s) => a + s.shot.errors, 0),
      errorSamples: shots.flatMap((s) => s.shot.errorSamples).slice(0, 10),
      apiCores: figure(shots.map((s) => s.apiCores)),
      workerCores: figure(shots.map((s) => s.workerCores)),
      proxyCores: figure(shots.map((s) => s.proxyCores)),
      otherCores: figure(shots.map((s) => s.otherCores)),
    };
  } finally {
    await Promise.all(children.map(stop));
    closeSync(logFd);
    await sink.close();
    await Promise.all([dropPgDatabase(logUrl), dropPgDatabase(keysUrl)]);
  }
}
