import { DeadlinePassed, RuleViolation } from '../../errors';
import { isAfter, isPast } from '../../time';
import { rubricByVersion } from '../../rubric/rubric-catalog';
import { ExpireAssessment, ExtendAssessmentDeadline, SaveAssessmentDraft, SubmitAssessment } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication } from '../application.state';
import { submittedEvidence } from './submitted-evidence';
import { pins, requireApplicant, requireCompleteRatings, requireKnownIndicators, requireOpen, requireStatus } from './guards';

// docs/DOMAIN.md, Deadlines: enforced at command time from the recorded due date, whatever the timers do.
export const requireBeforeDeadline = (app: OpenApplication, now: string) => {
  if (app.dueAt && isPast(app.dueAt, now)) throw new DeadlinePassed('assessment', app.dueAt);
};

export const saveAssessmentDraft = ({ data, metadata }: SaveAssessmentDraft, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  requireStatus(app, ['AwaitingAssessment'], 'assessment.not_open');
  requireBeforeDeadline(app, metadata.now);
  requireKnownIndicators(rubricByVersion(app.rubricVersion), data.ratings, 'assessment');
  return [{ type: 'AssessmentDraftSaved', data: { ...pins(app), ratings: data.ratings, savedAt: metadata.now } }];
};

export const submitAssessment = ({ data, metadata }: SubmitAssessment, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  requireStatus(app, ['AwaitingAssessment'], 'assessment.not_open');
  requireBeforeDeadline(app, metadata.now);
  const ratings = requireCompleteRatings(rubricByVersion(app.rubricVersion), app.draft, data.ratings, 'assessment');
  return [
    { type: 'AssessmentSubmitted', data: { ...pins(app), ratings, submittedAt: metadata.now, ...submittedEvidence(app, 'assessment') } },
  ];
};

// docs/DOMAIN.md, Deadlines: staff may extend to a later date; extending a lapsed application reopens it.
export const extendAssessmentDeadline = ({ data, metadata }: ExtendAssessmentDeadline, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['AwaitingAssessment', 'Lapsed'], 'assessment.not_extendable');
  const previousDueAt = app.dueAt ?? metadata.now;
  if (!isAfter(data.dueAt, metadata.now) || !isAfter(data.dueAt, previousDueAt)) {
    throw new RuleViolation('assessment.extension_not_later', 'the new due date must be later than now and than the current one', {
      previousDueAt,
    });
  }
  const reopened = app.status === 'Lapsed';
  return [
    {
      type: 'AssessmentDeadlineExtended',
      data: { ...pins(app), previousDueAt, dueAt: data.dueAt, reason: data.reason, reopened, extendedAt: metadata.now },
    },
  ];
};

// A timer for a superseded or not-yet-reached due date, or for a submitted application, decides nothing.
export const expireAssessment = ({ data, metadata }: ExpireAssessment, state: Application): ApplicationEvent[] => {
  if (state.status !== 'AwaitingAssessment' || state.dueAt !== data.dueAt || !isPast(state.dueAt, metadata.now)) return [];
  return [{ type: 'ApplicationLapsed', data: { ...pins(state), dueAt: state.dueAt, lapsedAt: metadata.now } }];
};
