import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@cert/config';
import { DemoSignIn, refusalFor, seedDemo } from './seed';

/**
 * `npm run demo` (README.md, Quick start): seeds a demo year into an empty data directory, then starts the service on
 * it, on the system clock, and prints one sign-in per role. The demo is the embedded shape: its timers wait in the
 * data directory's own queue, and its mail goes to the outbox, never to the made-up addresses.
 */
async function main(): Promise<void> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: process.env.DATA_DIR ?? './demo-data',
    EVENT_STORE: 'sqlite',
    REDIS_URL: undefined,
    RUN_WORK_SIDE: 'true',
    MAIL_TRANSPORT: 'log',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  const dataDir = env.DATA_DIR!;
  const refusal = refusalFor(config);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  const signIns = await seedDemo(config, (line) => console.log(line));

  const service = spawn(process.execPath, [join(__dirname, '..', 'main.js')], { env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => service.kill(signal));
  service.on('exit', (code) => process.exit(code ?? 0));

  // Any address the service listens on answers on the loopback, except a single other interface named in HOST.
  const host = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(config.host) ? '127.0.0.1' : config.host;
  for (let tries = 0; tries < 300; tries++) {
    const health = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/health`).catch(() => null);
    if (health?.ok) return print(config.publicUrl, dataDir, signIns);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`the service did not answer on port ${config.port}; its log above says why`);
  service.kill('SIGTERM');
}

function print(url: string, dataDir: string, signIns: DemoSignIn[]): void {
  const width = (key: 'name' | 'email') => Math.max(...signIns.map((s) => s[key].length));
  const lines = signIns.map((s) => {
    const who = `  ${s.role.padEnd(10)} ${s.name.padEnd(width('name'))}  ${s.email.padEnd(width('email'))}`;
    return s.password
      ? `${who}  password: ${s.password}`
      : `${who}  sign-in link (once, until ${s.validUntil!.slice(0, 16).replace('T', ' ')} UTC): ${s.link}\n` +
          `  ${''.padEnd(10)} ${''.padEnd(width('name'))}  a new link: ask on the sign-in page; mail is written to ${join(dataDir, 'outbox')}`;
  });
  console.log(
    [
      '',
      `IASL certification demo ready at ${url}  (data in ${dataDir})`,
      '',
      'Sign in as:',
      ...lines,
      '',
      `Stop with Ctrl-C. Serve the same data again with DATA_DIR=${dataDir} npm start; npm run demo wants an empty directory.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
