import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const DEMO_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'demo', 'main.js');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export type DemoSignIn = { role: string; name: string; email: string; password?: string; link?: string };

/** The sign-ins `npm run demo` prints, one line per role: a password, or an applicant's one-time link. */
export function parseSignIns(output: string): DemoSignIn[] {
  return [...output.matchAll(/^ {2}(\w+) +(.+?) {2,}(\S+@\S+) +(?:password: (\S+)|sign-in link .*?: (\S+))$/gm)].map(
    ([, role, name, email, password, link]) => ({ role, name: name.trim(), email, ...(password ? { password } : { link }) }),
  );
}

export type DemoProcess = { child: ChildProcess; baseUrl: string; output: () => string; signIns: DemoSignIn[]; stop: () => Promise<void> };

/** The compiled demo (`npm run demo` after the build), as a child process on `dataDir`: resolves once it has printed its sign-ins. */
export function runDemo(dataDir: string, port: number): ChildProcess {
  if (!existsSync(DEMO_MAIN)) throw new Error(`${DEMO_MAIN} is missing: run \`npm run build\` first (npm test does)`);
  return spawn(process.execPath, [DEMO_MAIN], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port) }, stdio: 'pipe' });
}

export async function startDemo(dataDir: string): Promise<DemoProcess> {
  const port = await freePort();
  const child = runDemo(dataDir, port);
  let output = '';
  const done = /Stop with Ctrl-C/;
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on('data', (d) => {
      output += d;
      if (done.test(output)) resolve();
    });
    child.stderr!.on('data', (d) => (output += d));
    child.once('exit', () => resolve());
  });
  await ready;
  if (!done.test(output)) throw new Error(`the demo stopped before it was ready:\n${output}`);
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    signIns: parseSignIns(output),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
