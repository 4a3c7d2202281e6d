// Appends events forever and prints "ack <streamId> <version> <eventId>" only after each append returns,
// so every printed line is an acknowledged write. The parent kill -9s it mid-stream.
require('../../testing/load-ts.js');
const { randomUUID } = require('node:crypto');
const { SqliteEventStore } = require('../sqlite.event-store.ts');

const [file, synchronous] = process.argv.slice(2);

async function main() {
  const store = SqliteEventStore.open(file, { synchronous });
  const versions = new Map();
  for (let i = 0; ; i++) {
    const streamId = `durable-${i % 7}`;
    const expectedVersion = versions.get(streamId) ?? 0;
    const id = randomUUID();
    const event = {
      id,
      type: 'Acknowledged',
      schemaVersion: 1,
      data: { i, padding: 'x'.repeat(i % 500) },
      metadata: { actorId: 'child', actorRole: 'system', correlationId: id, causationId: null, occurredAt: new Date().toISOString() },
    };
    const { version } = await store.appendToStream(streamId, [event], { expectedVersion });
    versions.set(streamId, version);
    process.stdout.write(`ack ${streamId} ${version} ${id}\n`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
