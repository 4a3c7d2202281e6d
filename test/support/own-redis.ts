import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { exited, waitUntil } from './worker-process';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** A Redis of the test's own (Debian's redis-server), configured as production should be: AOF on, noeviction. */
export async function ownRedis(dir: string) {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--save',
        '',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitUntil(() => answers(port), 10_000, `redis on ${port}`);
  };
  const stop = async () => {
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child);
    child = null;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}
