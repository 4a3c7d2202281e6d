import Database from 'better-sqlite3';
import { cpus, freemem, platform, release, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';

export type MachineFacts = {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  filesystem: string;
  node: string;
  v8: string;
  sqlite: string;
  betterSqlite3: string;
  autocannon: string;
  durability: Record<string, string>;
};

const pkgVersion = (name: string): string => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package is named at run time, which no import can do
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

/** What the figures depend on, printed with them. `dataDir` is where the databases live (its filesystem decides fsync cost). */
export function machineFacts(dataDir: string): MachineFacts {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let filesystem = 'unknown';
  try {
    const out = execFileSync('df', ['-T', dataDir], { encoding: 'utf8' }).trim().split('\n').at(-1)!.split(/\s+/);
    filesystem = `${out[1]} (${out[0]})`;
  } catch {
    // df missing: leave unknown
  }
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    filesystem,
    node: process.version,
    v8: process.versions.v8,
    sqlite,
    betterSqlite3: pkgVersion('better-sqlite3'),
    autocannon: pkgVersion('autocannon'),
    durability: {
      'engine default': 'SqliteEventStore, journal_mode=WAL, synchronous=FULL (AppConfig.sqliteSynchronous default)',
      'engine alternative':
        'synchronous=NORMAL (SQLITE_SYNCHRONOUS=NORMAL): WAL commits are not fsynced; a power cut or OS crash can lose the last acknowledged commits, a process kill cannot',
      floor:
        'raw better-sqlite3, journal_mode=WAL, synchronous=FULL / NORMAL, one transaction per command; group commit = 100 commands per transaction at FULL',
      'read models': 'SqliteReadDb, WAL, synchronous=NORMAL (rebuildable from the log)',
    },
  };
}

export const freeMemGiB = () => Math.round(freemem() / 2 ** 30);
