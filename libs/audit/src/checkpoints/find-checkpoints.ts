import { CHECKPOINT_STREAM, SignedCheckpoint } from '@cert/domain';
import type { EventLog } from '@cert/event-store';
import type { CheckpointSummary } from '@cert/contracts';
import { CheckpointKey, isCheckpointShape } from './checkpoint-key';
import { Witness } from './witness';

export type FoundCheckpoint = { checkpoint: SignedCheckpoint; source: 'witness' | 'log'; where: string };
/** A witness line or a checkpoint event the key does not confirm (or that is no checkpoint at all). */
export type RejectedCheckpoint = { source: 'witness' | 'log'; where: string; position: string | null; why: string };

export type FoundCheckpoints = {
  /** Signature confirmed, one per checkpoint (the witness's copy when both hold it), by position. */
  valid: FoundCheckpoint[];
  rejected: RejectedCheckpoint[];
  /** How many valid ones the witness held. */
  fromWitness: number;
};

export const summaryOf = (c: SignedCheckpoint): CheckpointSummary => ({
  position: c.position,
  globalHash: c.globalHash,
  at: c.at,
  keyId: c.keyId,
});

/** The checkpoint events the log still holds, as stored; a stream that cannot be read gives none (the walk names the row). */
export async function checkpointsInLog(log: EventLog): Promise<{ checkpoint: unknown; position: string }[]> {
  try {
    const { events } = await log.readStream(CHECKPOINT_STREAM);
    return events.filter((e) => e.type === 'CheckpointSigned').map((e) => ({ checkpoint: e.data, position: e.position }));
  } catch {
    return [];
  }
}

/**
 * docs/DOMAIN.md, What auditors need: every checkpoint to be found, the witness's first and then the log's, each
 * checked against the key. A checkpoint removed from the log is still in the witness; a forged line is rejected.
 */
export async function findCheckpoints(log: EventLog, witness: Witness | null, key: CheckpointKey): Promise<FoundCheckpoints> {
  const valid = new Map<string, FoundCheckpoint>();
  const rejected: RejectedCheckpoint[] = [];
  const take = (checkpoint: SignedCheckpoint, source: 'witness' | 'log', where: string) => {
    if (!key.verify(checkpoint)) {
      const why =
        checkpoint.keyId === key.keyId
          ? `its signature does not match its contents under key ${key.keyId.slice(0, 16)}: it was forged or altered`
          : `it names key ${checkpoint.keyId.slice(0, 16)}, not this service's key ${key.keyId.slice(0, 16)}: it was not signed here`;
      rejected.push({ source, where, position: checkpoint.position, why });
      return;
    }
    if (!valid.has(checkpoint.signature)) valid.set(checkpoint.signature, { checkpoint, source, where });
  };
  for (const entry of witness ? await witness.read() : []) {
    const where = `line ${entry.line} of the witness ${witness!.where}`;
    if ('unreadable' in entry)
      rejected.push({ source: 'witness', where, position: null, why: `${entry.unreadable}: it was damaged or forged` });
    else take(entry.checkpoint, 'witness', where);
  }
  const fromWitness = valid.size;
  for (const { checkpoint, position } of await checkpointsInLog(log)) {
    const where = `the checkpoint event at position ${position}`;
    if (isCheckpointShape(checkpoint)) take(checkpoint, 'log', where);
    else rejected.push({ source: 'log', where, position: null, why: 'it is not the shape of a checkpoint' });
  }
  const byPosition = [...valid.values()].sort((a, b) => compare(a.checkpoint.position, b.checkpoint.position));
  return { valid: byPosition, rejected, fromWitness };
}

export const compare = (a: string, b: string): number => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** The newest checkpoint the key confirms, the witness's first (for reports and the book: no full check of the log). */
export async function latestCheckpoint(log: EventLog, witness: Witness | null, key: CheckpointKey): Promise<CheckpointSummary | null> {
  const inWitness = (witness ? await witness.read() : []).flatMap((e) => ('checkpoint' in e ? [e.checkpoint] : []));
  const inLog = (await checkpointsInLog(log)).flatMap(({ checkpoint }) => (isCheckpointShape(checkpoint) ? [checkpoint] : []));
  const newestFirst = [...inWitness, ...inLog].sort((a, b) => compare(b.position, a.position));
  const found = newestFirst.find((c) => key.verify(c));
  return found ? summaryOf(found) : null;
}
