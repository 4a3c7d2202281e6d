import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBooleanString, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';

/** Every environment key the engine reads. Nothing else reads `process.env` (docs/ARCHITECTURE.md, Config). */
export class Env {
  @IsOptional() @IsIn(['sqlite', 'postgres', 'esdb']) EVENT_STORE?: 'sqlite' | 'postgres' | 'esdb';
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsString() SQLITE_PATH?: string;
  @IsOptional() @IsString() READ_DB_PATH?: string;
  @IsOptional() @IsString() IDENTITY_DB_PATH?: string;
  // Where accounts, sessions, links, sign-in lockouts and secrets live: one SQLite file, or PostgreSQL at DATABASE_URL.
  @IsOptional() @IsIn(['sqlite', 'postgres']) IDENTITY_STORE?: 'sqlite' | 'postgres';
  @IsOptional() @IsString() KEYS_DB_PATH?: string;
  // Personal-data keys and evidence documents shared by processes on several machines (docs/ARCHITECTURE.md, Distributed).
  @IsOptional() @IsString() KEYS_DATABASE_URL?: string;
  @IsOptional() @IsIn(['files', 'postgres']) BLOB_STORE?: 'files' | 'postgres';
  @IsOptional() @IsString() BLOB_DIR?: string;
  @IsOptional() @IsString() CHECKPOINT_KEY_PATH?: string;
  // Verifiable credentials (Open Badges 3.0): the issuer's Ed25519 key file, kept apart from the log like the checkpoint key.
  @IsOptional() @IsString() CREDENTIAL_KEY_PATH?: string;
  @IsOptional() @IsString() WITNESS_DIR?: string;
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  CHECKPOINT_EVERY?: number;
  @IsOptional() @IsIn(['FULL', 'NORMAL']) SQLITE_SYNCHRONOUS?: 'FULL' | 'NORMAL';
  @IsOptional() @IsString() ESDB_URL?: string;
  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsOptional() @IsString() REDIS_URL?: string;
  @IsOptional() @IsString() QUEUE_PREFIX?: string;
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_LOCK_SECONDS?: number;
  @IsOptional() @IsBooleanString() RUN_WORK_SIDE?: string;
  /** Replaced by RUN_WORK_SIDE; still declared so that setting it is refused with the reason (see loadConfig). */
  @IsOptional() @IsString() RUN_LOG_RUNNER?: string;
  @IsOptional() @IsIn(['log', 'smtp']) MAIL_TRANSPORT?: 'log' | 'smtp';
  @IsOptional() @IsString() SMTP_URL?: string;
  @IsOptional() @IsString() MAIL_FROM?: string;
  @IsOptional() @IsString() OUTBOX_DIR?: string;
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) PUBLIC_URL?: string;
  @IsOptional() @Transform(({ value }) => (value === undefined ? undefined : Number(value))) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsString() TRUST_PROXY?: string;
  @IsOptional() @IsString() NODE_ENV?: string;
  @IsOptional() @IsBooleanString() PRODUCTION?: string;
  @IsOptional() @IsString() @MinLength(32) METRICS_TOKEN?: string;
  @IsOptional() @IsString() BOOTSTRAP_ADMIN_EMAIL?: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
}

export type AppConfig = Readonly<{
  eventStore: 'sqlite' | 'postgres' | 'esdb';
  sqlitePath: string;
  /** The log's PostgreSQL database when EVENT_STORE=postgres. */
  databaseUrl: string | null;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  readDbPath: string;
  identityDbPath: string;
  /**
   * Accounts, sessions, one-time links, sign-in lockouts and secrets: `sqlite` at identityDbPath (one process's file),
   * or `postgres` at databaseUrl, shared by every replica (docs/ARCHITECTURE.md, Distributed).
   */
  identityStore: 'sqlite' | 'postgres';
  /** The data subjects' keys, kept apart from the log so destroying one erases that person's data. */
  keysDbPath: string;
  /** When set, the keys are in this PostgreSQL database instead (never the log's, so no log backup holds a key). */
  keysDatabaseUrl: string | null;
  /** Where evidence documents are kept: files under `blobDir`, or the log's PostgreSQL database (DATABASE_URL). */
  blobStore: 'files' | 'postgres';
  /** Evidence documents, encrypted, one file each (docs/ARCHITECTURE.md, Blob store rules). */
  blobDir: string;
  /**
   * docs/DOMAIN.md, What auditors need: signed checkpoints of the log. `keyPath`: the Ed25519 private key (PEM), created
   * on first start, never in the log's database; `witnessDir`: the append-only copy of every checkpoint, outside it;
   * `every`: a checkpoint after this many events (and at least daily when anything was appended).
   */
  checkpoints: { keyPath: string; witnessDir: string; every: number };
  /** docs/DOMAIN.md, Verifiable credentials: the issuer's Ed25519 private key (PEM), created on first start, never in the log's database. */
  credentials: { keyPath: string };
  esdbUrl: string | null;
  redisUrl: string | null;
  /** How long a claimed job stays locked: a crashed worker's job is retried after this. */
  jobs: { lockSeconds: number; redisPrefix: string };
  /**
   * This process runs the work side (reactors and job processors). Every process that answers queries keeps its
   * own read models current whatever this says (docs/ARCHITECTURE.md, Distributed); false leaves the work side to
   * `npm run start:worker`.
   */
  runWorkSide: boolean;
  mail: { transport: 'log' | 'smtp'; smtpUrl: string | null; from: string; outboxDir: string };
  publicUrl: string;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits, sign-in lockouts): false (the
   * default) uses the real peer, a number trusts that many hops, a list trusts those addresses or subnets.
   */
  trustProxy: false | number | readonly string[];
  /**
   * Production posture (PRODUCTION, else NODE_ENV=production): /docs and /docs-json need a signed-in user, and an
   * anonymous /health answers only up or down.
   */
  production: boolean;
  /** A bearer token Prometheus presents at /metrics instead of an operator's session; null: operators only. */
  metricsToken: string | null;
  port: number;
  host: string;
  bootstrapAdminEmail: string;
  logLevel: string;
}>;

/** Validates the environment once at boot and throws listing every bad key. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const env = plainToInstance(Env, source, { excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
  const eventStore = env.EVENT_STORE ?? 'sqlite';
  if (eventStore === 'esdb' && !env.ESDB_URL) problems.push('ESDB_URL: required when EVENT_STORE=esdb');
  if (eventStore === 'postgres' && !env.DATABASE_URL) {
    problems.push('DATABASE_URL: required when EVENT_STORE=postgres (e.g. postgres://iasl:secret@db.example.org:5432/iasl)');
  }
  // A log shared by several processes means several api replicas: their accounts and documents must be shared too.
  const identityStore = env.IDENTITY_STORE ?? (eventStore === 'sqlite' ? 'sqlite' : 'postgres');
  const blobStore = env.BLOB_STORE ?? (eventStore === 'sqlite' ? 'files' : 'postgres');
  const onDatabase = [
    identityStore === 'postgres' &&
      (env.IDENTITY_STORE ? 'IDENTITY_STORE=postgres' : `IDENTITY_STORE=postgres (its default with EVENT_STORE=${eventStore})`),
    blobStore === 'postgres' &&
      (env.BLOB_STORE ? 'BLOB_STORE=postgres' : `BLOB_STORE=postgres (its default with EVENT_STORE=${eventStore})`),
  ].filter(Boolean);
  if (onDatabase.length > 0 && eventStore !== 'postgres' && !env.DATABASE_URL) {
    problems.push(`DATABASE_URL: required when ${onDatabase.join(' and ')} (e.g. postgres://iasl:secret@db.example.org:5432/iasl)`);
  }
  const transport = env.MAIL_TRANSPORT ?? 'log';
  if (transport === 'smtp' && !env.SMTP_URL) problems.push('SMTP_URL: required when MAIL_TRANSPORT=smtp');
  // Set only by configurations of an earlier release, where it switched the projections off too (an api replica's
  // read tables went stale): refused with the reason, not reinterpreted.
  if (env.RUN_LOG_RUNNER !== undefined) {
    problems.push(
      'RUN_LOG_RUNNER: replaced by RUN_WORK_SIDE (an api now always keeps its read models current; RUN_WORK_SIDE=false leaves reactors and job processors to `npm run start:worker`)',
    );
  }
  if (eventStore !== 'sqlite') problems.push(...sharedLogProblems(source));
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(`TRUST_PROXY: ${trustProxy}`);
  if (problems.length > 0) throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);

  const dataDir = env.DATA_DIR ?? './data';
  const port = env.PORT ?? 3000;
  const host = env.HOST ?? '127.0.0.1';
  return Object.freeze({
    eventStore,
    sqlitePath: env.SQLITE_PATH ?? `${dataDir}/events.sqlite`,
    databaseUrl: env.DATABASE_URL ?? null,
    // Certification records: an acknowledged event must survive a machine crash, so FULL by default.
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS ?? 'FULL',
    readDbPath: env.READ_DB_PATH ?? `${dataDir}/read-models.sqlite`,
    identityDbPath: env.IDENTITY_DB_PATH ?? `${dataDir}/identity.sqlite`,
    identityStore,
    keysDbPath: env.KEYS_DB_PATH ?? `${dataDir}/keys.sqlite`,
    keysDatabaseUrl: env.KEYS_DATABASE_URL ?? null,
    blobStore,
    blobDir: env.BLOB_DIR ?? `${dataDir}/documents`,
    checkpoints: Object.freeze({
      keyPath: env.CHECKPOINT_KEY_PATH ?? `${dataDir}/checkpoint-key.pem`,
      witnessDir: env.WITNESS_DIR ?? `${dataDir}/witness`,
      every: env.CHECKPOINT_EVERY ?? 500,
    }),
    credentials: Object.freeze({ keyPath: env.CREDENTIAL_KEY_PATH ?? `${dataDir}/credential-key.pem` }),
    esdbUrl: env.ESDB_URL ?? null,
    redisUrl: env.REDIS_URL ?? null,
    jobs: Object.freeze({ lockSeconds: env.JOB_LOCK_SECONDS ?? 300, redisPrefix: env.QUEUE_PREFIX ?? 'iasl' }),
    runWorkSide: env.RUN_WORK_SIDE === undefined ? true : env.RUN_WORK_SIDE === 'true',
    mail: Object.freeze({
      transport,
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM ?? 'IASL Certification <certification@iasl.local>',
      outboxDir: env.OUTBOX_DIR ?? `${dataDir}/outbox`,
    }),
    trustProxy: typeof trustProxy === 'string' ? false : trustProxy,
    metricsToken: env.METRICS_TOKEN ?? null,
    production: env.PRODUCTION !== undefined ? env.PRODUCTION === 'true' : env.NODE_ENV === 'production',
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    port,
    host,
    bootstrapAdminEmail: env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@iasl.local',
    logLevel: env.LOG_LEVEL ?? 'info',
  });
}

/**
 * docs/ARCHITECTURE.md, Distributed: with the log on a shared server, several processes on several machines use it, so
 * whatever cannot be rebuilt from the log must be shared too. Each problem names the key to set and why; nothing is
 * guessed, since a wrong guess (each machine with its own keys) shows only later, as data read as erased.
 */
export function sharedLogProblems(source: Record<string, string | undefined>): string[] {
  const set = (key: string) => (source[key] ?? '').trim() !== '';
  const problems: string[] = [];
  const shared = `with a shared log (EVENT_STORE=${source.EVENT_STORE})`;
  if (!set('KEYS_DATABASE_URL')) {
    problems.push(
      `KEYS_DATABASE_URL: required ${shared}: the personal-data keys must be one store for every process, or each machine reads the others' data as [erased]; a PostgreSQL database apart from the log's (e.g. postgres://iasl:secret@db.example.org:5432/iasl_keys)`,
    );
  } else if (source.KEYS_DATABASE_URL === source.DATABASE_URL) {
    problems.push(
      "KEYS_DATABASE_URL: must name a database other than DATABASE_URL's, so a backup of the log never holds the keys erasure destroys",
    );
  }
  if (source.IDENTITY_STORE === 'sqlite') {
    problems.push(
      `IDENTITY_STORE: sqlite keeps accounts and sessions on this machine only; ${shared} leave it unset (postgres, at DATABASE_URL)`,
    );
  }
  if (source.BLOB_STORE === 'files' && !set('BLOB_DIR')) {
    problems.push(
      `BLOB_STORE: files under DATA_DIR are this machine's only; ${shared} leave it unset (postgres), or set BLOB_DIR to a folder every process mounts`,
    );
  }
  if ((source.MAIL_TRANSPORT ?? 'log') === 'log') {
    problems.push(
      `MAIL_TRANSPORT: log writes mail into this machine's outbox, where an erasure run on another machine cannot reach it; ${shared} set MAIL_TRANSPORT=smtp and SMTP_URL`,
    );
  }
  if (!set('REDIS_URL')) {
    problems.push(
      `REDIS_URL: required ${shared}: jobs and the rate limits' counters must be shared by every process (e.g. redis://cache.example.org:6379)`,
    );
  }
  for (const [key, what] of [
    ['CHECKPOINT_KEY_PATH', 'the checkpoint signing key'],
    ['WITNESS_DIR', "the checkpoints' witness copy"],
    ['CREDENTIAL_KEY_PATH', "the credentials' issuer key"],
  ] as const) {
    if (!set(key))
      problems.push(
        `${key}: required ${shared}: ${what} must be the same for every process (a path every process mounts), not one under each DATA_DIR`,
      );
  }
  return problems;
}

/** Names express understands for whole ranges, besides addresses and subnets. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: unset, empty or `false` trusts no proxy; a whole number trusts that many hops in front of the service;
 * otherwise a comma-separated list of addresses, subnets (10.0.0.0/8) or range names. Answers a problem in words.
 */
export function parseTrustProxy(value: string | undefined): false | number | readonly string[] | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !(PROXY_RANGES.includes(e) || isAddressOrSubnet(e)));
  if (bad.length > 0)
    return `not an address, subnet, hop count or one of ${PROXY_RANGES.join('/')}: ${bad.map((b) => JSON.stringify(b)).join(', ')}`;
  return Object.freeze(entries);
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
