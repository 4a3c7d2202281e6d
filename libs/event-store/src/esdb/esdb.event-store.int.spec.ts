import { CONTRACT_SCHEMAS, itBehavesLikeAnEventStore } from '../testing/event-store.contract';
import { VersionedEventStore } from '../versioned.event-store';
import { EsdbEventStore } from './esdb.event-store';

// Opt-in (docs/ARCHITECTURE.md, Tests: where they live and how they run): no EventStoreDB can run on this machine, so
// this runs only with ESDB_URL set, e.g. ESDB_URL='esdb://localhost:2113?tls=false'.
const url = process.env.ESDB_URL;

(url ? describe : describe.skip)('EsdbEventStore', () => {
  itBehavesLikeAnEventStore(async () => EsdbEventStore.connect(url!));

  describe('through VersionedEventStore', () => {
    itBehavesLikeAnEventStore(async () => new VersionedEventStore(EsdbEventStore.connect(url!), CONTRACT_SCHEMAS));
  });
});
