import { Injectable, Module, Optional } from '@nestjs/common';
import { Clock } from '@cert/config';
import {
  Actor,
  Forbidden,
  RecordOfReasonsShredded,
  RuleViolation,
  SubjectErased,
  applicationStream,
  normalizeEmail,
  subjectDecider,
  subjectStream,
} from '@cert/domain';
import { EventLog, EventStore, handle } from '@cert/event-store';
import { IdentityStore, User, UserRole } from '@cert/identity';
import { Mailer } from '@cert/mail';
import { LogRunner, ReadDb, applicationsReviewedBy, listApplicationsForApplicant } from '@cert/projections';
import type { ErasureReport, RetainedRecord } from '@cert/contracts';
import { BlobStore } from '@cert/blob-store';
import { deleteDocumentsOf } from './document-erasure';
import { recordOfReasons } from './record-of-reasons';
import { SubjectKeys, emailSubject, recordSubject, userSubject } from './subject-keys';

/** People whose data may be erased: applicants and reviewers. Staff, board, auditor and operator accounts hold an office. */
const ERASABLE_ACCOUNTS: readonly UserRole[] = ['applicant', 'reviewer'];

type Part = { applicationId: string; as: RetainedRecord['as'] };

/** docs/DOMAIN.md, Erasure: what goes at once, in words, for the parts the person had. */
const erasedNow = (parts: readonly Part[], account: User | null, outboxMessagesDeleted: number): string[] => [
  ...(parts.some((p) => p.as === 'applicant')
    ? [
        'Their identity: name, contact email and institution name, wherever the applications hold them.',
        'Their survey answers: program description, reach into under-represented groups, partners.',
        'Their own statements: self-assessment and progress evidence, appeal statements, directory entries, award nominations.',
        'Texts about them kept under their key: the reasons for extending their deadlines, award scoring comments.',
      ]
    : []),
  ...(account?.role === 'reviewer'
    ? ['Their account: name, email, institution and region.', 'The reasons they gave for their conflicts of interest.']
    : account
      ? ['Their account and its sign-in sessions.']
      : []),
  ...(outboxMessagesDeleted > 0 ? [`${outboxMessagesDeleted} kept copies of mail to or about them.`] : []),
];

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
    private readonly readDb: ReadDb,
    private readonly clock: Clock,
    // Absent where no documents are kept (a process without the blob store): the destroyed keys shred them anyway.
    @Optional() private readonly blobs?: BlobStore,
  ) {}

  async erase(email: string, actor: Actor): Promise<ErasureReport> {
    // Checked before anything is destroyed; the decider checks it again when the event is recorded.
    if (actor.role !== 'staff') throw new Forbidden('privacy.erase_not_allowed', "only staff may erase a person's data");
    const address = normalizeEmail(email);
    const account = await this.identity.findByEmail(address);
    if (account && !ERASABLE_ACCOUNTS.includes(account.role)) {
      throw new RuleViolation('privacy.account_in_office', `a ${account.role} account holds an office: disable it instead of erasing it`, {
        role: account.role,
      });
    }
    const subjectId = emailSubject(this.keys, address);
    const subjects = account ? [subjectId, userSubject(this.keys, account.id)] : [subjectId];
    // Found while the read models still name the person: after the erasure they read "[erased]".
    await this.runner.catchUp();
    const parts = this.partsOf(address, account);

    const keysDestroyed = await this.keys.destroy(subjects);
    const accountRemoved = account ? await this.identity.eraseAccount(account.id) : false;
    const outboxMessagesDeleted = await this.mailer.purge({ subjects, emails: [address] });
    // docs/DOMAIN.md, Evidence: their documents' files go too (already unreadable without the keys).
    const documentsDeleted = this.blobs ? await deleteDocumentsOf(this.store, this.blobs, subjects) : 0;

    const now = this.clock.now().toISOString();
    const command = {
      type: 'EraseSubject' as const,
      data: {
        subjectId,
        subjects,
        keysDestroyed,
        accountRemoved,
        applicationIds: parts.filter((p) => p.as === 'applicant').map((p) => p.applicationId),
      },
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
      erasedNow: erasedNow(parts, account, outboxMessagesDeleted),
      retained: await this.retained(parts),
    };
  }

  /** The applications the person led (by the survey's contact email) and those they reviewed or confirmed progress on. */
  private partsOf(address: string, account: User | null): Part[] {
    const led = listApplicationsForApplicant(this.readDb.db, address, account?.id ?? '')
      .filter((item) => item.role === 'applicant')
      .map((item): Part => ({ applicationId: item.application.id, as: 'applicant' }));
    const reviewed =
      account?.role === 'reviewer'
        ? applicationsReviewedBy(this.readDb.db, account.id).map((id): Part => ({ applicationId: id, as: 'reviewer' }))
        : [];
    return [...led, ...reviewed];
  }

  /** docs/DOMAIN.md, Personal data and the record of reasons: each one's record as it reads after the erasure, from the log. */
  private async retained(parts: readonly Part[]): Promise<RetainedRecord[]> {
    const records: RetainedRecord[] = [];
    for (const { applicationId, as } of parts) {
      const { events } = await this.store.readStream(applicationStream(applicationId));
      const { reasons: _all, ...summary } = recordOfReasons(applicationId, events);
      records.push({ ...summary, as });
    }
    return records;
  }
}

/** SubjectErasure for the api and the CLI; needs the global EventStore, SubjectKeys, IdentityStore, Mailer, LogRunner, ReadDb and Clock. */
@Module({ providers: [SubjectErasure], exports: [SubjectErasure] })
export class ErasureModule {}

/** The key subjects an event of the log destroyed, and when: an erasure's, or a record of reasons' at its retention's end. */
const destroyedBy = (e: { type: string; data: unknown }, keys: SubjectKeys): { subjects: string[]; by: string } | null => {
  if (e.type === 'SubjectErased') {
    const { subjects, erasedAt } = e.data as SubjectErased['data'];
    return { subjects, by: erasedAt };
  }
  if (e.type === 'RecordOfReasonsShredded') {
    const { applicationId, shreddedAt } = e.data as RecordOfReasonsShredded['data'];
    return { subjects: [recordSubject(keys, applicationId)], by: shreddedAt };
  }
  return null;
};

/**
 * The log is the record of every erasure; the key store is a separate file with its own backups. After keys.sqlite
 * is restored from a backup older than an erasure, the erased person's keys are back: this replays every
 * SubjectErased in the log against the key store, destroying the keys each one destroyed (those created by then),
 * and every RecordOfReasonsShredded, destroying that application's record key again; returns how many it destroyed.
 * Safe to run any time (`privacy:reconcile`); the read models then need a rebuild (`projections:rebuild --swap`).
 */
export async function replayErasures(log: EventLog, keys: SubjectKeys): Promise<{ erasures: number; keysDestroyed: number }> {
  let checkpoint: string | null = null;
  let erasures = 0;
  let keysDestroyed = 0;
  for (;;) {
    const page = await log.readAll(checkpoint, 1000, { links: false });
    for (const e of page) {
      const destroyed = destroyedBy(e, keys);
      if (!destroyed) continue;
      erasures++;
      keysDestroyed += await keys.destroy(destroyed.subjects, destroyed.by);
    }
    if (page.length < 1000) return { erasures, keysDestroyed };
    checkpoint = page[page.length - 1].position;
  }
}
