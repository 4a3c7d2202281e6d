import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SignedCheckpoint } from '@cert/domain';
import { isCheckpointShape } from './checkpoint-key';

/** One line of a witness: a checkpoint, or what is wrong with the line (verification reports it as forged). */
export type WitnessEntry = { line: number; checkpoint: SignedCheckpoint } | { line: number; unreadable: string };

/**
 * docs/ARCHITECTURE.md, Checkpoints and the witness: an append-only record of every checkpoint, kept outside the log's
 * database, so deleting checkpoint events from the log hides nothing. One port, one contract suite
 * (testing/witness.contract.ts); the embedded adapter is a JSON-lines file, another database can hold it instead.
 */
export abstract class Witness {
  /** Durable when it resolves. */
  abstract append(checkpoint: SignedCheckpoint): Promise<void>;
  /** Every entry in the order appended. */
  abstract read(): Promise<WitnessEntry[]>;
  /** Where it is, in words, for logs and reports. */
  abstract get where(): string;
}

/** `<dir>/checkpoints.jsonl`: one JSON checkpoint per line, appended and fsynced; never rewritten. */
export class FileWitness extends Witness {
  private readonly file: string;

  constructor(private readonly dir: string) {
    super();
    this.file = join(dir, 'checkpoints.jsonl');
  }

  get where(): string {
    return this.file;
  }

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    const fresh = !existsSync(this.file);
    if (fresh) mkdirSync(this.dir, { recursive: true });
    // A write torn by a crash leaves a last line without its newline: the next line starts on a line of its own.
    const torn = !fresh && !readTail(this.file).endsWith('\n');
    const fd = openSync(this.file, 'a', 0o644);
    try {
      writeSync(fd, `${torn ? '\n' : ''}${JSON.stringify(checkpoint)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The new file's name must survive a crash too.
    if (fresh) fsyncDir(this.dir);
  }

  async read(): Promise<WitnessEntry[]> {
    if (!existsSync(this.file)) return [];
    const text = readFileSync(this.file, 'utf8');
    const lines = text.split('\n');
    // The part after the last newline is a write a crash cut short (or nothing): not a checkpoint, not a forgery.
    lines.pop();
    return lines.flatMap((raw, k): WitnessEntry[] => {
      if (raw.trim() === '') return [];
      const line = k + 1;
      try {
        const value: unknown = JSON.parse(raw);
        return [isCheckpointShape(value) ? { line, checkpoint: value } : { line, unreadable: 'not the shape of a checkpoint' }];
      } catch {
        // A line cut short by a crash (the next append started a new line after it) is no checkpoint, nor a forgery:
        // skipping a line can only lose a checkpoint, never make a changed log pass.
        return raw.trimEnd().endsWith('}') ? [{ line, unreadable: 'not JSON' }] : [];
      }
    });
  }
}

/** The file's last character ('\n' for an empty file). */
function readTail(file: string): string {
  const { size } = statSync(file);
  if (size === 0) return '\n';
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a directory; the line itself was fsynced.
  }
}

/** A witness in memory, for specs of what uses one. */
export class MemoryWitness extends Witness {
  readonly lines: string[] = [];
  get where(): string {
    return 'memory';
  }
  async append(checkpoint: SignedCheckpoint): Promise<void> {
    this.lines.push(JSON.stringify(checkpoint));
  }
  async read(): Promise<WitnessEntry[]> {
    return this.lines.map((raw, k) => {
      try {
        const value: unknown = JSON.parse(raw);
        return isCheckpointShape(value) ? { line: k + 1, checkpoint: value } : { line: k + 1, unreadable: 'not the shape of a checkpoint' };
      } catch {
        return { line: k + 1, unreadable: 'not JSON' };
      }
    });
  }
}
