import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** What `npm start` runs (after `npm run build`, which `npm test` does first): the compiled service answers. */
describe('the compiled service', () => {
  let child: ChildProcess;
  let dataDir: string;
  let output = '';

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  });

  afterAll(() => {
    child?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the embedded defaults, prints the first staff sign-in link, and reports healthy', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'iasl-start-'));
    const port = await freePort();
    child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port) }, stdio: 'pipe' });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));

    let health: Response | undefined;
    for (let i = 0; i < 100 && !health; i++) {
      await new Promise((r) => setTimeout(r, 200));
      health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    }
    expect(health?.status).toBe(200);
    expect(await health!.json()).toEqual(expect.objectContaining({ status: 'ok' }));
    // The link is logged before the server listens, but pino writes stdout asynchronously
    // (sonic-boom, sync: false): under load /health can answer before the line is flushed.
    for (let i = 0; i < 50 && !/set-password\?token=/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toMatch(/set-password\?token=/);
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);

    const docs = await fetch(`http://127.0.0.1:${port}/docs-json`);
    expect(docs.status).toBe(200);
  });
});
