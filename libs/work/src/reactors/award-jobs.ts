import { Actor } from '@cert/domain';
import { DecideApplicationCommand, DecideAwardCycleCommand } from '@cert/commands';
import { JobContext } from '@cert/jobs';

/**
 * Payloads of the award cycle's jobs on the deadlines queue: recording an award on the recipient's
 * application, and the summit RSVP reminder and closing. Each becomes one command through the same write path.
 */
export type AwardJob =
  | { name: 'RecordAward'; data: { applicationId: string; awardCycleId: string; year: number; award: string } }
  | { name: 'SummitRsvpReminder'; data: { year: number; nominationId: string; rsvpBy: string; daysBefore: number } }
  | { name: 'SummitRsvpCloses'; data: { year: number; nominationId: string; rsvpBy: string } };

export const AWARD_JOB_NAMES: readonly AwardJob['name'][] = ['RecordAward', 'SummitRsvpReminder', 'SummitRsvpCloses'];

export const isAwardJob = (job: JobContext): boolean => AWARD_JOB_NAMES.includes(job.name as AwardJob['name']);

/** The command a due award job runs; whether it still means anything is the decider's call. */
export const awardCommandFor = (job: JobContext, actor: Actor): DecideApplicationCommand | DecideAwardCycleCommand => {
  const { name, data } = { name: job.name, data: job.data } as AwardJob;
  switch (name) {
    case 'RecordAward':
      return new DecideApplicationCommand(
        data.applicationId,
        { type: 'RecordAward', data: { awardCycleId: data.awardCycleId, year: data.year, award: data.award } },
        actor,
      );
    case 'SummitRsvpReminder':
      return new DecideAwardCycleCommand(
        data.year,
        { type: 'RemindSummitRsvp', data: { nominationId: data.nominationId, rsvpBy: data.rsvpBy, daysBefore: data.daysBefore } },
        actor,
      );
    case 'SummitRsvpCloses':
      return new DecideAwardCycleCommand(
        data.year,
        { type: 'CloseSummitRsvp', data: { nominationId: data.nominationId, rsvpBy: data.rsvpBy } },
        actor,
      );
  }
};
