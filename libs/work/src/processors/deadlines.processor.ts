import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, assertNever } from '@cert/domain';
import { DecideApplicationCommand, ReplaceOverdueReviewerCommand } from '@cert/commands';
import { JobContext, PermanentJobFailure } from '@cert/jobs';
import { ShredRecordOfReasonsCommand } from '@cert/privacy';
import { DEADLINE_JOB_NAMES, DeadlineJob } from '../reactors/deadline-jobs';
import { awardCommandFor, isAwardJob } from '../reactors/award-jobs';
import { CHECKPOINT_DUE } from '../reactors/checkpoints.reactor';
import { CheckpointMaker } from '@cert/audit';
import { isCredentialJob } from '../reactors/credential-jobs';
import { CredentialsProcessor } from './credentials.processor';

const TIMER: Actor = { id: 'deadlines', role: 'system' };

/**
 * One job, one command through the same write path as people use (docs/ARCHITECTURE.md, Worker rules). Whether a
 * timer still means anything is the decider's call: a stale or repeated one appends nothing and the job succeeds.
 */
@Injectable()
export class DeadlinesProcessor {
  constructor(
    private readonly commands: CommandBus,
    private readonly checkpoints: CheckpointMaker,
    private readonly credentials: CredentialsProcessor,
  ) {}

  async process(job: JobContext): Promise<void> {
    // The award cycle's jobs (award on the record, summit RSVP timers) share this queue.
    if (isAwardJob(job)) return void (await this.commands.execute(awardCommandFor(job, TIMER)));
    // The daily checkpoint (docs/DOMAIN.md, What auditors need): signed by the maker, not decided by a decider.
    if (job.name === CHECKPOINT_DUE) return void (await this.checkpoints.makeNow());
    // Issuing and moving credentials (docs/DOMAIN.md, Verifiable credentials): signed here, recorded by a decider.
    if (isCredentialJob(job)) return this.credentials.process(job);
    if (!DEADLINE_JOB_NAMES.includes(job.name as DeadlineJob['name']))
      throw new PermanentJobFailure(`no case for deadline job ${job.name}`);
    // Destructured from one const, so TypeScript narrows `data` by `name` in each case.
    const { name, data } = { name: job.name, data: job.data } as DeadlineJob;
    const decide = (body: ConstructorParameters<typeof DecideApplicationCommand>[1]) =>
      this.commands.execute(new DecideApplicationCommand(data.applicationId, body, TIMER));
    switch (name) {
      case 'AssessmentReminder':
        return void (await decide({ type: 'RemindAssessment', data: { dueAt: data.dueAt, daysBefore: data.daysBefore } }));
      case 'AssessmentDue':
        return void (await decide({ type: 'ExpireAssessment', data: { dueAt: data.dueAt } }));
      case 'ReviewerReminder':
        return void (await decide({
          type: 'RemindReviewer',
          data: { reviewerId: data.reviewerId, dueAt: data.dueAt, daysBefore: data.daysBefore },
        }));
      case 'ReviewOverdue':
        return void (await decide({ type: 'EscalateOverdueReview', data: { reviewerId: data.reviewerId, dueAt: data.dueAt } }));
      case 'ReviewerReplacement':
        return void (await this.commands.execute(
          new ReplaceOverdueReviewerCommand(data.applicationId, data.reviewerId, data.dueAt, TIMER),
        ));
      case 'AppealWindowCloses':
        return void (await decide({ type: 'CloseAppealWindow', data: { appealUntil: data.appealUntil } }));
      case 'ProgressReminder':
        return void (await decide({
          type: 'RemindProgressUpdate',
          data: { progressDueAt: data.progressDueAt, daysBefore: data.daysBefore },
        }));
      case 'ProgressOverdue':
        return void (await decide({ type: 'SuspendDesignation', data: { progressDueAt: data.progressDueAt } }));
      case 'RenewalReminder':
        return void (await decide({ type: 'RemindRenewal', data: { termEndsAt: data.termEndsAt, daysBefore: data.daysBefore } }));
      case 'DesignationExpiry':
        return void (await decide({ type: 'ExpireDesignation', data: { termEndsAt: data.termEndsAt } }));
      case 'RenewalDecided':
        return void (await decide({ type: 'ConcludeRenewal', data: { renewalId: data.renewalId, outcome: data.outcome } }));
      // Its handler destroys the record key before it records the shredding (libs/privacy, record-retention.ts).
      case 'RecordRetentionEnds':
        return void (await this.commands.execute(new ShredRecordOfReasonsCommand(data.applicationId, data.retainedUntil, TIMER)));
      default:
        return assertNever(name);
    }
  }
}
