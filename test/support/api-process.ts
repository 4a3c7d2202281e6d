import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './demo-process';
import { waitUntil } from './worker-process';

const API = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

export type ApiProcess = { child: ChildProcess; url: string; output: () => string; alive: () => boolean };

/** The compiled api (`npm start` after the build) as its own OS process on a free port; resolves once /health answers. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  if (!existsSync(API)) throw new Error(`${API} is missing: run \`npm run build\` first (npm test does)`);
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [API], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'pipe',
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  await waitUntil(
    async () => {
      if (!alive()) throw new Error(`the api stopped while starting:\n${output}`);
      return fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    60_000,
    `the api on ${url} (${output})`,
  );
  return { child, url, output: () => output, alive };
}
