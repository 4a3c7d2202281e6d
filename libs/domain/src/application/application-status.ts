import { ApplicationStatus } from './application.state';

/**
 * Every status an application can be in (docs/DOMAIN.md, The lifecycle (one application = one event stream)), in the
 * order staff work through them: `stage` names the lifecycle step, `label` says where the application stands (badges,
 * filters).
 */
export const APPLICATION_STATUS: Readonly<Record<ApplicationStatus, { stage: string; label: string }>> = {
  Screening: { stage: 'Intake screening', label: 'Waiting for screening' },
  AwaitingAssessment: { stage: 'Self-assessment', label: 'Self-assessment open' },
  UnderReview: { stage: 'Review', label: 'Under review' },
  NeedsAdjudication: { stage: 'Adjudication', label: 'Needs adjudication' },
  AwaitingDecision: { stage: 'Board decision', label: 'Waiting for the board' },
  Appealed: { stage: 'Appeal', label: 'Appeal filed' },
  Decided: { stage: 'Decided', label: 'Decided' },
  Rejected: { stage: 'Not accepted', label: 'Not accepted' },
  Lapsed: { stage: 'Lapsed', label: 'Lapsed' },
};

export const APPLICATION_STATUSES = Object.keys(APPLICATION_STATUS) as readonly ApplicationStatus[];
