import { SqliteEventStore, VersionedEventStore } from '@cert/event-store';
import { EsdbEventStore } from '../../event-store/src/esdb/esdb.event-store';
import { CONTRACT_SCHEMAS, itBehavesLikeAnEventStore } from '../../event-store/src/testing/event-store.contract';
import { PrivateEventStore } from './private.event-store';
import { SqliteSubjectKeys } from './sqlite.subject-keys';

// Opt-in like the adapter's own run (docs/ARCHITECTURE.md, Tests: where they live and how they run): only with ESDB_URL set.
const esdbUrl = process.env.ESDB_URL;

/**
 * docs/ARCHITECTURE.md, Principles (the ten rules), rule 8: the decorators keep the port's contract, chains included,
 * over each adapter.
 */
describe('the event-store contract through the decorators', () => {
  let keys: SqliteSubjectKeys;
  beforeAll(() => (keys = SqliteSubjectKeys.open(':memory:')));
  afterAll(() => keys.close());

  describe('PrivateEventStore over SQLite', () => {
    itBehavesLikeAnEventStore(async () => new PrivateEventStore(SqliteEventStore.open(':memory:'), keys));
  });

  describe('VersionedEventStore over PrivateEventStore over SQLite', () => {
    itBehavesLikeAnEventStore(
      async () => new VersionedEventStore(new PrivateEventStore(SqliteEventStore.open(':memory:'), keys), CONTRACT_SCHEMAS),
    );
  });

  (esdbUrl ? describe : describe.skip)('VersionedEventStore over PrivateEventStore over EventStoreDB', () => {
    itBehavesLikeAnEventStore(
      async () => new VersionedEventStore(new PrivateEventStore(EsdbEventStore.connect(esdbUrl!), keys), CONTRACT_SCHEMAS),
    );
  });
});
