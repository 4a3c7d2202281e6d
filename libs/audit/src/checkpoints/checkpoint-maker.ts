import { Actor, CHECKPOINT_STREAM, SignedCheckpoint, checkpointDecider } from '@cert/domain';
import { EventLog, EventStore, GENESIS, RecordedEvent, chainHash, contentOf, globalChainHash, handle } from '@cert/event-store';
import { CheckpointSigner } from './checkpoint-key';
import { compare, findCheckpoints } from './find-checkpoints';
import { Witness } from './witness';

const ENGINE: Actor = { id: 'checkpoints', role: 'system' };

export type CheckpointMakerDeps = {
  /** The log as stored: the hashes cover it. */
  log: EventLog;
  /** The store the engine writes through (the checkpoint event goes through handle()). */
  store: EventStore;
  signer: CheckpointSigner;
  witness: Witness;
  now: () => Date;
  /** Events per checkpoint (CHECKPOINT_EVERY). */
  every: number;
};

/**
 * docs/DOMAIN.md, What auditors need: signs checkpoints of the log, each covering at most `every` events after the
 * previous one, records each in the log and then in the witness. The work side calls `catchUp` (every `every` events)
 * and `makeNow` from its daily timer; the operator's `audit:checkpoint` calls `makeNow`. Passes are serialised; two
 * processes racing are settled by the checkpoints stream's version (the loser records nothing).
 */
export class CheckpointMaker {
  private running: Promise<SignedCheckpoint[]> = Promise.resolve([]);
  private seenHead: string | null = null;

  constructor(private readonly deps: CheckpointMakerDeps) {}

  /** The newest checkpoint signed by this key, from the witness or the log. */
  async latest(): Promise<SignedCheckpoint | null> {
    const { valid } = await findCheckpoints(this.deps.log, this.deps.witness, this.deps.signer);
    return valid.at(-1)?.checkpoint ?? null;
  }

  /** Checkpoints while `every` events or more follow the latest one. */
  catchUp(): Promise<SignedCheckpoint[]> {
    return this.serially('count');
  }

  /** A checkpoint up to the head now, when anything but checkpoints was appended since the latest one. */
  makeNow(): Promise<SignedCheckpoint[]> {
    return this.serially('now');
  }

  /** Settles when the pass under way (if any) has finished: shutdown waits for it before the store closes. */
  async idle(): Promise<void> {
    await this.running.catch(() => []);
  }

  private serially(mode: 'count' | 'now'): Promise<SignedCheckpoint[]> {
    this.running = this.running.catch(() => []).then(() => this.run(mode));
    return this.running;
  }

  private async run(mode: 'count' | 'now'): Promise<SignedCheckpoint[]> {
    const { log, every } = this.deps;
    // The polling pass reads nothing while the log has not moved.
    const head = (await log.head())?.position ?? null;
    if (mode === 'count' && head === this.seenHead) return [];
    // Set first: a log the maker refuses to sign over is reported once per new head, not on every poll.
    this.seenHead = head;
    let latest = await this.repairWitness();
    const made: SignedCheckpoint[] = [];
    for (;;) {
      const page = await log.readAll(latest?.position ?? null, every);
      if (page.length === 0) break;
      if (mode === 'count' && page.length < every) break;
      if (page.length < every && page.every((e) => e.type === 'CheckpointSigned')) break;
      const signed = await this.record(this.sign(latest, page));
      if (!signed) break;
      made.push(signed);
      latest = signed;
      if (page.length < every) break;
    }
    return made;
  }

  /**
   * The checkpoint over `page`, chained from `latest`. Refuses to sign a log that no longer matches what the latest
   * checkpoint and the events' own hashes say: that is tampering to report (audit:verify), never to sign over.
   */
  private sign(latest: SignedCheckpoint | null, page: RecordedEvent[]): SignedCheckpoint {
    let link = latest?.globalHash ?? GENESIS;
    for (const e of page) {
      link = globalChainHash(link, e.metadata.hash ?? '');
      const ownHashValid = e.metadata.hash === chainHash(e.metadata.prevHash ?? '', contentOf(e));
      if (!ownHashValid || (e.globalHash !== undefined && e.globalHash !== link))
        throw new Error(
          `not signing a checkpoint: the event at position ${e.position} does not chain from the latest checkpoint; run audit:verify`,
        );
    }
    const last = page[page.length - 1];
    return this.deps.signer.sign({
      position: last.position,
      globalHash: link,
      at: this.deps.now().toISOString(),
      keyId: this.deps.signer.keyId,
      after: latest?.position ?? null,
      hashes: page.map((e) => e.metadata.hash ?? ''),
    });
  }

  /** In the log first, then the witness; null when another maker recorded a checkpoint at or past this one meanwhile. */
  private async record(checkpoint: SignedCheckpoint): Promise<SignedCheckpoint | null> {
    const now = checkpoint.at;
    const result = await handle(
      this.deps.store,
      CHECKPOINT_STREAM,
      checkpointDecider,
      { type: 'RecordCheckpoint', data: checkpoint, metadata: { now, actor: ENGINE } },
      { actorId: ENGINE.id, actorRole: ENGINE.role, now },
    );
    if (result.events.length === 0) return null;
    await this.deps.witness.append(checkpoint);
    return checkpoint;
  }

  /** A checkpoint the log holds and the witness lacks (a crash between the two writes) is copied to the witness. */
  private async repairWitness(): Promise<SignedCheckpoint | null> {
    const { valid } = await findCheckpoints(this.deps.log, this.deps.witness, this.deps.signer);
    const inWitness = valid.filter((f) => f.source === 'witness').at(-1)?.checkpoint ?? null;
    for (const f of valid) {
      if (f.source === 'log' && (inWitness === null || compare(f.checkpoint.position, inWitness.position) > 0))
        await this.deps.witness.append(f.checkpoint);
    }
    return valid.at(-1)?.checkpoint ?? null;
  }
}
