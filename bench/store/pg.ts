import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the PostgreSQL subjects use: PG_BENCH_URL, or the role `.ci/run` creates (CONTRIBUTING.md, Setup). */
const SERVER = process.env.PG_BENCH_URL ?? 'postgres://iasl:iasl@127.0.0.1:5432/postgres';

async function onServer<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one subject and run; its URL. */
export async function freshPgDatabase(label: string): Promise<string> {
  const name = `iasl_bench_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPgDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
