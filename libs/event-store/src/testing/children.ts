import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A child process of the multi-process specs: its stdout lines as they come, and its exit. */
export type Child = { proc: ChildProcessWithoutNullStreams; lines: string[]; exited: Promise<number | null> };

/** Runs a fixture script (from the repo's root, so its requires resolve) with plain node. */
export function startChild(script: string, args: string[], onLine?: (line: string) => void): Child {
  const proc = spawn(process.execPath, [script, ...args], { cwd: join(__dirname, '../../../..') });
  const lines: string[] = [];
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    lines.push(line);
    onLine?.(line);
  });
  const exited = new Promise<number | null>((resolve) =>
    proc.on('close', (code) => {
      if (code !== 0 && code !== null) console.error(`${script} exited ${code}: ${stderr}`);
      resolve(code);
    }),
  );
  return { proc, lines, exited };
}

/** Resolves once the child's output satisfies `pred`; rejects if it exits first. */
export const waitForLines = (child: Child, pred: (lines: string[]) => boolean) =>
  new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (pred(child.lines)) {
        clearInterval(timer);
        resolve();
      } else if (child.proc.exitCode !== null) {
        clearInterval(timer);
        reject(new Error('child exited early'));
      }
    }, 5);
  });
