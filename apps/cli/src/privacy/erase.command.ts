import { Command, CommandRunner, Option } from 'nest-commander';
import { IdentityStore } from '@cert/identity';
import { SubjectErasure } from '@cert/privacy';

/**
 * docs/DOMAIN.md, Erasure: erases one person (their keys, account and kept mail; the read models are rebuilt) on a staff member's
 * authority, as the api route does. `--by` names that staff account; the log records it as the actor. Prints the
 * pseudonymous subject id, counts, what went and which applications' records of reasons are kept, never the email.
 */
@Command({ name: 'privacy:erase', description: "erase a person's data everywhere (crypto-shredding); the log and its hashes stay intact" })
export class EraseSubjectCommand extends CommandRunner {
  constructor(
    private readonly erasure: SubjectErasure,
    private readonly identity: IdentityStore,
  ) {
    super();
  }

  async run(_: string[], options: { email: string; by: string }): Promise<void> {
    const staff = await this.identity.findByEmail(options.by);
    if (!staff || staff.role !== 'staff' || staff.disabledAt)
      throw new Error(`--by: ${options.by} is not an active staff account; only staff may erase`);
    const report = await this.erasure.erase(options.email, { id: staff.id, role: 'staff' });
    console.log(
      `subject ${report.subjectId} erased: ${report.keysDestroyed} key(s) destroyed, account ${report.accountRemoved ? 'removed' : 'none'}, ${report.outboxMessagesDeleted} kept message(s) deleted, ${report.documentsDeleted} document file(s) deleted`,
    );
    console.log(
      report.position
        ? `recorded as SubjectErased at log position ${report.position}; read models rebuilt`
        : 'already erased: nothing new to record',
    );
    // docs/DOMAIN.md, Personal data and the record of reasons: what went now, and what is kept until when, and why.
    for (const line of report.erasedNow) console.log(`erased now: ${line}`);
    for (const r of report.retained) {
      const counts = `${r.counts.kept} reason(s) kept in the record, ${r.counts.erasedWithPerson} erased with the person (written before reasons were kept apart)`;
      console.log(`retained: ${r.reference} (${r.as}): ${r.until} ${counts}`);
    }
    if (report.retained.length > 0) console.log(`why: ${report.retained[0].why}`);
  }

  @Option({ flags: '--email <email>', description: 'the person to erase', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--by <email>', description: 'the staff account on whose authority the erasure is made', required: true })
  parseBy(value: string): string {
    return value;
  }
}
