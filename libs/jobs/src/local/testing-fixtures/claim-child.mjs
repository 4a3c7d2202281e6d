// One of two workers sharing a jobs table: drains the queue with the real LocalJobQueue and prints the job ids it
// ran as JSON. Runs as a plain `node` process, so the two claim under SQLite's real cross-process locking.
import { createRequire } from 'node:module';
import '../../../../event-store/src/testing/load-ts.mjs';

const require = createRequire(import.meta.url);
const { SqliteReadDb } = require('../../../../projections/src/read-db.ts');
const { FixedClock } = require('../../../../testing/src/fixed-clock.ts');
const { LocalJobQueue } = require('../local.job-queue.ts');

const [file, now] = process.argv.slice(2);

async function main() {
  const readDb = SqliteReadDb.open(file);
  const queue = new LocalJobQueue(readDb.db, new FixedClock(now), { pollMs: 60_000 });
  const ran = [];
  queue.process(
    'notifications',
    async (job) => {
      ran.push(job.jobId);
      // Stands in for sending mail: yields, so the other process gets the write lock between claims.
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
    { concurrency: 4 },
  );
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  await queue.drain();
  await queue.close();
  readDb.close();
  process.stdout.write(JSON.stringify(ran) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
