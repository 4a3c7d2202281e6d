import { ApplicationStatus } from './application.state';

/**
 * Every status an application can be in (docs/DOMAIN.md, The lifecycle (one application = one event stream)), in the
 * order staff work through them: `stage` names the lifecycle step, `label` says where the application stands (badges,
 * filters). `closed`: the cycle is over, so a later survey of the same leader and institution opens a new application
 * instead of being linked to this one (a lapsed application can still be reopened by staff, so it is not closed).
 */
export const APPLICATION_STATUS: Readonly<Record<ApplicationStatus, { stage: string; label: string; closed: boolean }>> = {
  Screening: { stage: 'Intake screening', label: 'Waiting for screening', closed: false },
  AwaitingAssessment: { stage: 'Self-assessment', label: 'Self-assessment open', closed: false },
  UnderReview: { stage: 'Review', label: 'Under review', closed: false },
  NeedsAdjudication: { stage: 'Adjudication', label: 'Needs adjudication', closed: false },
  AwaitingDecision: { stage: 'Board decision', label: 'Waiting for the board', closed: false },
  Appealed: { stage: 'Appeal', label: 'Appeal filed', closed: false },
  Decided: { stage: 'Decided', label: 'Decided', closed: true },
  Rejected: { stage: 'Not accepted', label: 'Not accepted', closed: true },
  Lapsed: { stage: 'Lapsed', label: 'Lapsed', closed: false },
};

export const APPLICATION_STATUSES = Object.keys(APPLICATION_STATUS) as readonly ApplicationStatus[];

export const CLOSED_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((s) => APPLICATION_STATUS[s].closed);
