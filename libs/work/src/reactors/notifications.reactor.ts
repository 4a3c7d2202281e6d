import { ApplicationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { JobSpec } from '@cert/jobs';
import { NotificationJob, Recipient, TemplateName } from '../notifications/notification-job';

/** docs/DOMAIN.md, Notifications: which event tells whom what. Pure; the processor resolves addresses and sends once. */
export const notificationJobs = (event: RecordedEvent<ApplicationEvent>): JobSpec[] => {
  const notify = (template: TemplateName, recipient: Recipient, params: Record<string, unknown> = {}): JobSpec => {
    const who = recipient.kind === 'user' ? recipient.userId : recipient.kind;
    const data: NotificationJob = { eventId: event.id, applicationId: event.data.applicationId, template, recipient, params };
    return { queue: 'notifications', name: 'Notify', jobId: `notify-${event.id}-${template}-${who}`, data, runAt: null };
  };
  const applicant: Recipient = { kind: 'applicant' };
  const staff: Recipient = { kind: 'staff' };
  const board: Recipient = { kind: 'board' };
  switch (event.type) {
    case 'SurveySubmitted': {
      const { asNominator, submittedBy, renewalOf } = event.data;
      // A renewal opens with the survey on file: the applicant hears of it by the assessment invitation, not as a nomination.
      if (renewalOf) return [];
      // docs/DOMAIN.md, Notifications: the leader who applied hears their application arrived; a nominated leader is
      // asked to claim it, and the nominator gets a receipt.
      return asNominator
        ? [notify('nomination-to-claim', applicant), notify('nomination-received', { kind: 'user', userId: submittedBy })]
        : [notify('application-received', applicant)];
    }
    case 'NominationClaimed':
      return [notify('application-received', applicant)];
    case 'NominationLinked':
      return [notify('nomination-received', { kind: 'user', userId: event.data.nominatorId })];
    case 'SurveyAccepted':
      return [notify('assessment-invitation', applicant, { dueAt: event.data.dueAt })];
    case 'SurveyRejected':
      // The reason is free text (personal data): the processor reads it from the event, so it is never
      // copied into the job queue, where an erasure would not reach it.
      return [notify('survey-not-accepted', applicant)];
    case 'AssessmentReminderIssued':
      return [notify('assessment-reminder', applicant, { dueAt: event.data.dueAt })];
    case 'AssessmentDeadlineExtended':
      return [notify('deadline-extended', applicant, { dueAt: event.data.dueAt, reopened: event.data.reopened })];
    case 'AssessmentSubmitted':
      return [notify('assessment-received', applicant)];
    case 'ApplicationLapsed':
      return [notify('application-lapsed', applicant, { dueAt: event.data.dueAt })];
    case 'ReviewerAssigned':
      return [
        notify(
          'reviewer-assigned',
          { kind: 'user', userId: event.data.reviewerId },
          { dueAt: event.data.dueAt, purpose: event.data.purpose },
        ),
      ];
    case 'ReviewerReleased':
      // Whatever the cause (a conflict, overdue scores, staff), the application may now be short of reviewers; the
      // reason is free text on the record of reasons, so the processor reads it from the event.
      return [notify('reviewer-released', staff, { reviewerId: event.data.reviewerId })];
    case 'AdjudicationRequired':
      return [notify('adjudication-waiting', board)];
    case 'RecommendationComputed':
      return [notify('decision-waiting', board, { recommendation: event.data.recommendation })];
    case 'AppealRouted':
      // docs/DOMAIN.md, Appeals: a fresh review starts with no reviewers at all; the board route waits for its decision.
      return event.data.route === 'fresh-review'
        ? [notify('reviewers-needed', staff, { cause: 'appeal' })]
        : [notify('decision-waiting', board, { appeal: true })];
    case 'ReviewerReminderIssued':
      return [notify('reviewer-reminder', { kind: 'user', userId: event.data.reviewerId }, { dueAt: event.data.dueAt })];
    case 'ReviewOverdueEscalated':
      return [
        notify(
          'review-escalated',
          { kind: 'staff' },
          { reviewerId: event.data.reviewerId, dueAt: event.data.dueAt, reason: event.data.reason },
        ),
      ];
    case 'DecisionRecorded': {
      const { outcome, appealUntil, progressDueAt, appealOf } = event.data;
      // docs/DOMAIN.md, Notifications: `appeal-outcome`. An appeal's decision is final at once, so it offers no appeal.
      if (appealOf)
        return [
          notify('appeal-outcome', applicant, {
            outcome,
            appealedOutcome: appealOf.outcome,
            appealedDecidedAt: appealOf.decidedAt,
            progressDueAt,
          }),
        ];
      return [notify('decision', applicant, { outcome, appealUntil, progressDueAt })];
    }
    case 'AppealFiled':
      // The statement is personal data: it stays in the event, never in the job queue.
      return [
        notify('appeal-received', applicant, { appealedOutcome: event.data.appealOf.outcome }),
        notify('appeal-filed', { kind: 'staff' }, { appealedOutcome: event.data.appealOf.outcome }),
      ];
    case 'ProgressReminderIssued':
      return [notify('progress-update-due', applicant, { progressDueAt: event.data.progressDueAt })];
    // Term, renewal and progress confirmation.
    case 'RenewalReminderIssued':
      return [notify('renewal-due', applicant, { termEndsAt: event.data.termEndsAt })];
    case 'DesignationExpired':
      return [notify('designation-expired', applicant, { termEndsAt: event.data.termEndsAt })];
    case 'ProgressConfirmationRequested':
      return [notify('progress-confirmation-requested', { kind: 'user', userId: event.data.reviewerId })];
    case 'DesignationSuspended':
      return [notify('designation-suspended', applicant, { progressDueAt: event.data.progressDueAt })];
    default:
      return [];
  }
};
