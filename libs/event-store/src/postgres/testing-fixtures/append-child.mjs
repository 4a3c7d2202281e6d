// Appends events forever and prints "ack <streamId> <version> <eventId>" only after each append returns,
// so every printed line is an acknowledged write. The parent kill -9s it mid-stream.
// With a third argument "concurrent", each round makes one append to each of 7 streams at once, so they are
// group-committed together, and acknowledges each as its own promise settles.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import '../../testing/load-ts.mjs';

const require = createRequire(import.meta.url);
const { PostgresEventStore } = require('../postgres.event-store.ts');

const [url, mode, prefix = ''] = process.argv.slice(2);

const eventFor = (i) => {
  const id = randomUUID();
  return {
    id,
    type: 'Acknowledged',
    schemaVersion: 1,
    data: { i, padding: 'x'.repeat(i % 500) },
    metadata: { actorId: 'child', actorRole: 'system', correlationId: id, causationId: null, occurredAt: new Date().toISOString() },
  };
};

async function main() {
  const store = await PostgresEventStore.connect(url);
  const versions = new Map();
  const appendOne = async (i) => {
    const streamId = `${prefix}durable-${i % 7}`;
    const expectedVersion = versions.get(streamId) ?? 0;
    const event = eventFor(i);
    const { version } = await store.appendToStream(streamId, [event], { expectedVersion });
    versions.set(streamId, version);
    process.stdout.write(`ack ${streamId} ${version} ${event.id}\n`);
  };
  for (let i = 0; ; i += mode === 'concurrent' ? 7 : 1) {
    if (mode === 'concurrent') await Promise.all(Array.from({ length: 7 }, (_, k) => appendOne(i + k)));
    else await appendOne(i);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
