import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads a SQLite file (and its WAL) once, so its pages are in the OS page cache as on a server that has been running.
 * This VM runs DAMON reclaim (kdamond), which evicts file pages it finds cold even with plenty of memory free: without
 * this read, loads of the 1M-event scale log went to the disk (getrusage fsRead > 0), and a figure measured the VM's
 * disk, not the code reading the file.
 */
export function warmPageCache(path: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const file of [path, `${path}-wal`]) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      continue;
    }
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}
