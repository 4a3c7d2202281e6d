import { ApplicationEvent, DecisionRecorded, addDays, policyByVersion, retentionStartedBy } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { JobSpec } from '@cert/jobs';
import { DeadlineJob } from './deadline-jobs';

const ms = (iso: string) => Date.parse(iso);

// docs/ARCHITECTURE.md, Worker rules: no ':' in job ids, and the due time in the id, so an extension makes a new timer.
const job = (j: DeadlineJob, key: string, runAt: string): JobSpec => ({
  queue: 'deadlines',
  name: j.name,
  jobId: key,
  data: j.data,
  runAt,
});

/** docs/DOMAIN.md, Deadlines: the timers an event sets. Pure; the decider decides what a timer means when it fires. */
export const deadlineJobs = (event: RecordedEvent<ApplicationEvent>): JobSpec[] => {
  const { applicationId, policyVersion } = event.data;
  const policy = policyByVersion(policyVersion);
  switch (event.type) {
    case 'SurveyAccepted':
    case 'AssessmentDeadlineExtended': {
      const { dueAt } = event.data;
      return [
        ...policy.assessmentReminderDays.map((daysBefore) =>
          job(
            { name: 'AssessmentReminder', data: { applicationId, dueAt, daysBefore } },
            `assessment-reminder-${applicationId}-${ms(dueAt)}-${daysBefore}d`,
            addDays(dueAt, -daysBefore),
          ),
        ),
        job({ name: 'AssessmentDue', data: { applicationId, dueAt } }, `assessment-due-${applicationId}-${ms(dueAt)}`, dueAt),
      ];
    }
    case 'ReviewerAssigned': {
      const { reviewerId, dueAt } = event.data;
      const key = `${applicationId}-${reviewerId}-${ms(dueAt)}`;
      return [
        ...policy.reviewReminderDays.map((daysBefore) =>
          job(
            { name: 'ReviewerReminder', data: { applicationId, reviewerId, dueAt, daysBefore } },
            `reviewer-reminder-${key}-${daysBefore}d`,
            addDays(dueAt, -daysBefore),
          ),
        ),
        job({ name: 'ReviewOverdue', data: { applicationId, reviewerId, dueAt } }, `review-overdue-${key}`, dueAt),
        job(
          { name: 'ReviewerReplacement', data: { applicationId, reviewerId, dueAt } },
          `reviewer-replacement-${key}`,
          addDays(dueAt, policy.reviewReplacementGraceDays),
        ),
      ];
    }
    case 'DecisionRecorded': {
      const { appealUntil, progressDueAt } = event.data;
      const appeal = job(
        { name: 'AppealWindowCloses', data: { applicationId, appealUntil } },
        `appeal-window-${applicationId}-${ms(appealUntil)}`,
        appealUntil,
      );
      return [appeal, ...(progressDueAt ? progressJobs(applicationId, progressDueAt, policy) : []), ...termJobs(event)];
    }
    case 'ProgressUpdateSubmitted':
      return progressJobs(applicationId, event.data.nextDueAt, policy);
    default: {
      // docs/DOMAIN.md, Personal data and the record of reasons: an event that closes the application (the final
      // decision, a designation's end, a rejection) sets the end of its record's retention; a later one makes the
      // earlier timer stale.
      const closed = retentionStartedBy(event);
      if (!closed) return [];
      const { retainedUntil } = closed;
      return [
        job(
          { name: 'RecordRetentionEnds', data: { applicationId, retainedUntil } },
          `record-retention-${applicationId}-${ms(retainedUntil)}`,
          retainedUntil,
        ),
      ];
    }
  }
};

// Reminders before the term ends and the expiry at its end; a renewal's decision goes back to the designation it renews.
const termJobs = (event: RecordedEvent<DecisionRecorded>): JobSpec[] => {
  const { applicationId, termEndsAt, renewalOf, outcome } = event.data;
  const policy = policyByVersion(event.data.policyVersion);
  const concluded = renewalOf
    ? [
        job(
          { name: 'RenewalDecided', data: { applicationId: renewalOf, renewalId: applicationId, outcome } },
          `renewal-decided-${renewalOf}-${applicationId}-${event.id}`,
          event.data.decidedAt,
        ),
      ]
    : [];
  if (!termEndsAt) return concluded;
  return [
    ...concluded,
    ...policy.renewalReminderDays.map((daysBefore) =>
      job(
        { name: 'RenewalReminder', data: { applicationId, termEndsAt, daysBefore } },
        `renewal-reminder-${applicationId}-${ms(termEndsAt)}-${daysBefore}d`,
        addDays(termEndsAt, -daysBefore),
      ),
    ),
    job(
      { name: 'DesignationExpiry', data: { applicationId, termEndsAt } },
      `designation-expiry-${applicationId}-${ms(termEndsAt)}`,
      termEndsAt,
    ),
  ];
};

const progressJobs = (applicationId: string, progressDueAt: string, policy: ReturnType<typeof policyByVersion>): JobSpec[] => [
  ...policy.progressReminderDays.map((daysBefore) =>
    job(
      { name: 'ProgressReminder', data: { applicationId, progressDueAt, daysBefore } },
      `progress-reminder-${applicationId}-${ms(progressDueAt)}-${daysBefore}d`,
      addDays(progressDueAt, -daysBefore),
    ),
  ),
  job(
    { name: 'ProgressOverdue', data: { applicationId, progressDueAt } },
    `progress-overdue-${applicationId}-${ms(progressDueAt)}`,
    addDays(progressDueAt, policy.progressGraceDays),
  ),
];
