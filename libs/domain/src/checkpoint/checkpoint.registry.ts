import { EventTable } from '../events/event-spec';
import { CheckpointEvent } from './checkpoint';

/** The checkpoints' stream; no personal data (hashes, a position, a time and a key's fingerprint). */
export const CHECKPOINT_EVENTS: EventTable<CheckpointEvent> = {
  CheckpointSigned: {
    schemaVersion: 1,
    label: 'Checkpoint signed',
    byEngine: true,
    describe: ({ data }) =>
      `The log signed at position ${data.position} (${data.hashes.length} event${data.hashes.length === 1 ? '' : 's'} since the previous checkpoint), key ${data.keyId.slice(0, 16)}`,
  },
};
