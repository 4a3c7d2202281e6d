import { Injectable, Module, Optional } from '@nestjs/common';
import { Clock } from '@cert/config';
import { Actor, Forbidden, RuleViolation, SubjectErased, normalizeEmail, subjectDecider, subjectStream } from '@cert/domain';
import { EventLog, EventStore, handle } from '@cert/event-store';
import { IdentityStore, UserRole } from '@cert/identity';
import { Mailer } from '@cert/mail';
import { LogRunner } from '@cert/projections';
import type { ErasureReport } from '@cert/contracts';
import { SubjectKeys, emailSubject, userSubject } from './subject-keys';
import { BlobStore } from '@cert/blob-store';
import { deleteDocumentsOf } from './document-erasure';

/** People whose data may be erased: applicants and reviewers. Staff, board, auditor and operator accounts hold an office. */
const ERASABLE_ACCOUNTS: readonly UserRole[] = ['applicant', 'reviewer'];

/**
 * docs/DOMAIN.md, Erasure: erases one person everywhere the engine keeps them, without touching the log's history or hashes.
 * In this order, so a crash part-way leaves nothing readable and a repeat finishes the job:
 * 1. destroy their keys (every field sealed under them now reads "[erased]", in the log and in every backup of it);
 * 2. remove their account, the outbox copies of mail to or about them, and the files of their evidence documents;
 * 3. record SubjectErased on `subject-<id>` through handle() (the erasure itself is an event; no personal data in it);
 * 4. catch the read models up: the log runner rebuilds them from the log on SubjectErased and swaps them in, and
 *    rewrites the file so no freed page keeps an old copy.
 * Not a Nest command: the CLI has no command bus, and this coordinates stores around one decider call.
 */
@Injectable()
export class SubjectErasure {
  constructor(
    private readonly store: EventStore,
    private readonly keys: SubjectKeys,
    private readonly identity: IdentityStore,
    private readonly mailer: Mailer,
    private readonly runner: LogRunner,
    private readonly clock: Clock,
    // Absent where no documents are kept (a process without the blob store): the destroyed keys shred them anyway.
    @Optional() private readonly blobs?: BlobStore,
  ) {}

  async erase(email: string, actor: Actor): Promise<ErasureReport> {
    // Checked before anything is destroyed; the decider checks it again when the event is recorded.
    if (actor.role !== 'staff') throw new Forbidden('privacy.erase_not_allowed', "only staff may erase a person's data");
    const address = normalizeEmail(email);
    const account = this.identity.findByEmail(address);
    if (account && !ERASABLE_ACCOUNTS.includes(account.role)) {
      throw new RuleViolation('privacy.account_in_office', `a ${account.role} account holds an office: disable it instead of erasing it`, {
        role: account.role,
      });
    }
    const subjectId = emailSubject(this.keys, address);
    const subjects = account ? [subjectId, userSubject(this.keys, account.id)] : [subjectId];

    const keysDestroyed = this.keys.destroy(subjects);
    const accountRemoved = account ? this.identity.eraseAccount(account.id) : false;
    const outboxMessagesDeleted = await this.mailer.purge({ subjects, emails: [address] });
    // docs/DOMAIN.md, Evidence: their documents' files go too (already unreadable without the keys).
    const documentsDeleted = this.blobs ? await deleteDocumentsOf(this.store, this.blobs, subjects) : 0;

    const now = this.clock.now().toISOString();
    const command = {
      type: 'EraseSubject' as const,
      data: { subjectId, subjects, keysDestroyed, accountRemoved },
      metadata: { now, actor },
    };
    const result = await handle(this.store, subjectStream(subjectId), subjectDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    });
    await this.runner.catchUp();
    return {
      subjectId,
      keysDestroyed,
      accountRemoved,
      outboxMessagesDeleted,
      documentsDeleted,
      position: result.position,
      readModelsRebuilt: result.position !== null,
    };
  }
}

/** SubjectErasure for the api and the CLI; needs the global EventStore, SubjectKeys, IdentityStore, Mailer, LogRunner and Clock. */
@Module({ providers: [SubjectErasure], exports: [SubjectErasure] })
export class ErasureModule {}

/**
 * The log is the record of every erasure; the key store is a separate file with its own backups. After keys.sqlite
 * is restored from a backup older than an erasure, the erased person's keys are back: this replays every
 * SubjectErased in the log against the key store, destroying the keys each one destroyed (those created by then),
 * and returns how many it destroyed. Safe to run any time (`privacy:reconcile`); the read models then need a
 * rebuild (`projections:rebuild --swap`).
 */
export async function replayErasures(log: EventLog, keys: SubjectKeys): Promise<{ erasures: number; keysDestroyed: number }> {
  let checkpoint: string | null = null;
  let erasures = 0;
  let keysDestroyed = 0;
  for (;;) {
    const page = await log.readAll(checkpoint, 1000, { links: false });
    for (const e of page) {
      if (e.type !== 'SubjectErased') continue;
      const { subjects, erasedAt } = e.data as SubjectErased['data'];
      erasures++;
      keysDestroyed += keys.destroy(subjects, erasedAt);
    }
    if (page.length < 1000) return { erasures, keysDestroyed };
    checkpoint = page[page.length - 1].position;
  }
}
