import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The server the PostgreSQL specs use: PG_TEST_URL, or the role `.ci/run` creates on this machine's server. Each
 * suite gets a database of its own, created here and dropped when it is done, so suites never see each other's events.
 */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://iasl:iasl@127.0.0.1:5432/postgres';

const urlFor = (name: string) => {
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A fresh, empty database; `drop` ends every connection to it and removes it. */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `iasl_test_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(name),
    drop: async () => {
      const client = new Client({ connectionString: PG_TEST_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
