import { Command, CommandRunner, Option } from 'nest-commander';
import { applicationStream } from '@cert/domain';
import { EventLog } from '@cert/event-store';
import { BlobStore } from '@cert/blob-store';
import { CheckpointSigner, Witness, formatHead, parseHead, verifyLog, verifyStream } from '@cert/audit';
import type { CheckpointsVerdict, DocumentsVerdict, VerifyProblem } from '@cert/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const describe = (p: VerifyProblem) => {
  const where = [
    p.position && `position ${p.position}`,
    p.streamId && `stream ${p.streamId} version ${p.version}`,
    p.eventId && `event ${p.eventId}`,
  ].filter(Boolean);
  return `${p.reason}${where.length ? `: ${where.join(', ')}` : ''}: ${p.detail}`;
};
const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;

/**
 * docs/DOMAIN.md, What auditors need: walks the log (or one stream) and names the first event that does not match. Exits 0 when intact,
 * 2 when tampering is found, so a nightly job or an outside auditor can script it.
 */
@Command({ name: 'audit:verify', description: 'recompute every hash of the log (or one stream) and check it against a published head' })
export class VerifyCommand extends CommandRunner {
  /** The log as stored: the hashes cover it, not what the engine reads (opened, upcast). */
  constructor(
    private readonly log: EventLog,
    private readonly blobs: BlobStore,
    private readonly signer: CheckpointSigner,
    private readonly witness: Witness,
  ) {
    super();
  }

  async run(_: string[], options: { stream?: string; head?: string } = {}): Promise<void> {
    if (options.stream) {
      // An application id is accepted as well as its stream id.
      const streamId = UUID.test(options.stream) ? applicationStream(options.stream) : options.stream;
      const verdict = await verifyStream(this.log, streamId, this.blobs);
      if (verdict.problem) return this.fail(verdict.problem);
      console.log(`stream ${streamId} intact: ${events(verdict.events)}, head hash ${verdict.headHash ?? 'none'}`);
      return this.documents(verdict.documents);
    }
    const verdict = await verifyLog(this.log, options.head ? parseHead(options.head) : null, this.blobs, {
      key: this.signer,
      witness: this.witness,
    });
    this.checkpoints(verdict.checkpoints);
    if (verdict.problem) return this.fail(verdict.problem);
    console.log(
      `log intact: ${events(verdict.events)} in ${verdict.streams} streams${verdict.against ? `, unchanged up to the published head ${formatHead(verdict.against)}` : ''}`,
    );
    console.log(`head ${verdict.head ? formatHead(verdict.head) : 'none (empty log)'}`);
    if (verdict.globalChain === 'computed') {
      console.log('this store keeps no global chain: the head was computed from commit order (a removed event shows against a head)');
    }
    this.documents(verdict.documents);
  }

  /** docs/DOMAIN.md, What auditors need: the signed checkpoints the log was held against. */
  private checkpoints(verdict: CheckpointsVerdict | undefined): void {
    if (!verdict) return;
    const latest = verdict.latest
      ? `; latest at position ${verdict.latest.position} (${verdict.latest.globalHash}), signed ${verdict.latest.at} with key ${verdict.latest.keyId}`
      : '';
    const rejected = verdict.rejected ? `, ${verdict.rejected} rejected` : '';
    console.log(`checkpoints: ${verdict.checked} checked (${verdict.witness} from the witness ${this.witness.where})${rejected}${latest}`);
  }

  /** docs/DOMAIN.md, What auditors need: every stored evidence document against the hash its event records. */
  private documents(verdict: DocumentsVerdict | undefined): void {
    if (!verdict) return;
    for (const p of verdict.problems) {
      console.log(
        `DOCUMENT ${p.reason.toUpperCase()}: document ${p.documentId} of application ${p.applicationId}, ${p.indicator}: ${p.detail}`,
      );
    }
    const erased = verdict.erased ? `; ${verdict.erased} of erased applicants, deleted as expected` : '';
    console.log(`documents: ${verdict.checked} checked, ${verdict.problems.length} missing or changed${erased}`);
    if (!verdict.ok) process.exitCode = 2;
  }

  private fail(problem: VerifyProblem): void {
    console.log(`TAMPERED ${describe(problem)}`);
    process.exitCode = 2;
  }

  @Option({ flags: '--stream <id>', description: 'verify one stream (or application id) only' })
  parseStream(value: string): string {
    return value;
  }

  @Option({
    flags: '--head <position:hash>',
    description: 'a head published earlier; fails if the history up to it changed or was cut off',
  })
  parseHead(value: string): string {
    parseHead(value);
    return value;
  }
}
