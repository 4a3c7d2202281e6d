import { Injectable, Logger } from '@nestjs/common';
import { BlobStore } from '@cert/blob-store';
import { Clock } from '@cert/config';
import { CURRENT_EVIDENCE_POLICY } from '@cert/domain';
import { EventStore } from '@cert/event-store';

const PAGE = 1000;
const HOUR = 3_600_000;

/** What one sweep found: blobs stored, how many the log names, orphans deleted and orphans still within their grace. */
export type BlobSweepReport = {
  sweptAt: string;
  stored: number;
  referenced: number;
  deleted: number;
  withinGrace: number;
  graceHours: number;
};

/**
 * The evidence documents the log still names: attached, and not removed, replaced or erased since. A file the engine
 * keeps for anything else would be an orphan: the upload's event was never appended (a crash between the file and the
 * event, or a refusal whose clean-up did not run), or its deletion after a removal or an erasure did not happen.
 */
export async function referencedDocuments(store: EventStore): Promise<Set<string>> {
  const live = new Map<string, string | null>(); // document id → its applicant's subject
  let checkpoint: string | null = null;
  for (;;) {
    const page = await store.readAll(checkpoint, PAGE, { links: false });
    for (const e of page) {
      const data = e.data as Record<string, unknown>;
      if (e.type === 'EvidenceDocumentAttached') {
        if (typeof data.replaces === 'string') live.delete(data.replaces);
        const subject = (e.metadata.dataSubjects as { applicant?: string } | undefined)?.applicant ?? null;
        live.set((data.document as { documentId: string }).documentId, subject);
      } else if (e.type === 'EvidenceRemoved') {
        live.delete(String(data.evidenceId));
      } else if (e.type === 'SubjectErased') {
        const erased = new Set(data.subjects as string[]);
        for (const [id, subject] of live) if (subject && erased.has(subject)) live.delete(id);
      }
    }
    if (page.length < PAGE) return new Set(live.keys());
    checkpoint = page[page.length - 1].position;
  }
}

/**
 * docs/DOMAIN.md, Evidence: deletes stored files no event names once they are older than the policy's grace, measured
 * by the engine's clock. Runs on the work side (one process sweeps: the worker, or the embedded api), every hour and
 * once at start; each sweep logs its counts and the last report shows on /health.
 */
@Injectable()
export class BlobSweep {
  private readonly logger = new Logger('blob-sweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BlobSweepReport | null> = Promise.resolve(null);
  last: BlobSweepReport | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
  ) {}

  /** Serialised: two sweeps never race each other over one file. */
  sweep(): Promise<BlobSweepReport> {
    const next = this.running.catch(() => null).then(() => this.sweepNow());
    this.running = next;
    return next;
  }

  start(intervalMs = HOUR): void {
    if (this.timer) return;
    const run = () => void this.sweep().catch((error: unknown) => this.logger.error(`blob sweep failed: ${String(error)}`));
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => null);
  }

  private async sweepNow(): Promise<BlobSweepReport> {
    const graceHours = CURRENT_EVIDENCE_POLICY.orphanGraceHours;
    const now = this.clock.now();
    const cutoff = now.getTime() - graceHours * HOUR;
    // The log is read before the listing: a document attached meanwhile is younger than the grace, so it is spared.
    const referenced = await referencedDocuments(this.store);
    const report: BlobSweepReport = { sweptAt: now.toISOString(), stored: 0, referenced: 0, deleted: 0, withinGrace: 0, graceHours };
    for await (const blob of this.blobs.list()) {
      report.stored++;
      if (referenced.has(blob.id)) report.referenced++;
      else if (Date.parse(blob.storedAt) > cutoff) report.withinGrace++;
      else if (await this.blobs.delete(blob.id)) report.deleted++;
    }
    this.last = report;
    this.logger.log(
      `blob sweep: ${report.stored} stored, ${report.referenced} referenced, ${report.deleted} orphan(s) deleted, ${report.withinGrace} within the ${graceHours} h grace`,
    );
    return report;
  }
}
