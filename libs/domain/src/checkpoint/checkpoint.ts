import { CommandMeta, Decider, assertNever } from '../decider';
import { Forbidden } from '../errors';

/**
 * docs/DOMAIN.md, What auditors need: a checkpoint of the global chain, signed with a key that does not live in the
 * log's database. It names the position and the global link there, and each event's own hash since the previous
 * checkpoint (`after`), so a later rewrite is named at the first changed event. The signature is made outside the
 * domain (libs/audit, checkpoints) and recorded here as a fact; the same line goes to the witness.
 */
export type SignedCheckpoint = {
  position: string;
  globalHash: string;
  /** When it was signed, ISO-8601 with its zone. */
  at: string;
  /** The SHA-256 fingerprint of the signing public key, hex. */
  keyId: string;
  /** The previous checkpoint's position (null for the first): `hashes` are the events after it, up to `position`. */
  after: string | null;
  hashes: string[];
  /** Ed25519 over the canonical form of every field above, base64. */
  signature: string;
};

export type CheckpointSigned = { type: 'CheckpointSigned'; data: SignedCheckpoint };
export type CheckpointEvent = CheckpointSigned;

export type RecordCheckpoint = { type: 'RecordCheckpoint'; data: SignedCheckpoint; metadata: CommandMeta };
export type CheckpointCommand = RecordCheckpoint;

/** The last position checkpointed in this stream (null before the first). */
export type CheckpointStream = { lastPosition: string | null };

/** The stream every checkpoint is recorded on. */
export const CHECKPOINT_STREAM = 'checkpoints';

const decide = (command: CheckpointCommand, state: CheckpointStream): CheckpointEvent[] => {
  switch (command.type) {
    case 'RecordCheckpoint': {
      // Made by the engine's work side or the operator's CLI, never by a person through the api.
      if (command.metadata.actor.role !== 'system' && command.metadata.actor.role !== 'operator')
        throw new Forbidden('checkpoint.not_allowed', 'only the engine signs checkpoints');
      // Another maker got there first: its checkpoint covers this one's range.
      if (state.lastPosition !== null && BigInt(command.data.position) <= BigInt(state.lastPosition)) return [];
      return [{ type: 'CheckpointSigned', data: command.data }];
    }
    default:
      return assertNever(command.type);
  }
};

const evolve = (_state: CheckpointStream, event: CheckpointEvent): CheckpointStream => {
  switch (event.type) {
    case 'CheckpointSigned':
      return { lastPosition: event.data.position };
    default:
      return assertNever(event.type);
  }
};

export const checkpointDecider: Decider<CheckpointStream, CheckpointCommand, CheckpointEvent> = {
  decide,
  evolve,
  initialState: () => ({ lastPosition: null }),
};
