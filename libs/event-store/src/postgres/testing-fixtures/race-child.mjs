// One of two racers: appends `rounds` events to each of the given streams, one step at a time,
// reloading the stream whenever the other process got there first. Prints its tally as JSON.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import '../../testing/load-ts.mjs';

const require = createRequire(import.meta.url);
const { PostgresEventStore } = require('../postgres.event-store.ts');
const { VersionConflict } = require('../../event-store.ts');

const [url, name, rounds, ...streams] = process.argv.slice(2);

async function main() {
  const store = await PostgresEventStore.connect(url);
  process.stdout.write('ready\n');
  // Wait for the parent's go, so both racers start together rather than one finishing while the other boots.
  await new Promise((resolve) => process.stdin.once('data', resolve));
  let appended = 0;
  let conflicts = 0;
  // Both racers walk the streams in the same order and stay on each for `rounds` steps, so they collide.
  for (const streamId of streams) {
    for (let round = 0; round < Number(rounds); round++) {
      for (;;) {
        const { version } = await store.readStream(streamId);
        // Stands in for decide(): a short pause between read and append widens the window for a stale read.
        await new Promise((resolve) => setTimeout(resolve, 1));
        const event = {
          id: randomUUID(),
          type: 'Raced',
          schemaVersion: 1,
          data: { by: name, round },
          metadata: {
            actorId: name,
            actorRole: 'system',
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: new Date().toISOString(),
          },
        };
        try {
          await store.appendToStream(streamId, [event], { expectedVersion: version });
          appended++;
          break;
        } catch (err) {
          if (!(err instanceof VersionConflict)) throw err;
          conflicts++;
        }
      }
    }
  }
  await store.close();
  process.stdout.write(JSON.stringify({ name, appended, conflicts }) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
