import { DeadlinePassed, RuleViolation } from '../../errors';
import { isAfter, isPast } from '../../time';
import { indicatorCodes, rubricByVersion } from '../../rubric/rubric-catalog';
import { ExpireAssessment, ExtendAssessmentDeadline, SaveAssessmentDraft, SubmitAssessment } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication } from '../application.state';
import { pins, requireApplicant, requireKnownIndicators, requireOpen, requireStatus } from './guards';

// DOMAIN.md, Deadlines: enforced at command time from the recorded due date, whatever the timers do.
const requireBeforeDeadline = (app: OpenApplication, now: string) => {
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
  const rubric = rubricByVersion(app.rubricVersion);
  requireKnownIndicators(rubric, data.ratings, 'assessment');
  const merged = { ...app.draft, ...Object.fromEntries(data.ratings.map((r) => [r.indicator, r])) };
  const codes = indicatorCodes(rubric);
  const missing = codes.filter((c) => !merged[c]);
  const withoutEvidence = codes.filter((c) => merged[c] && !merged[c].evidence.trim());
  if (missing.length > 0 || withoutEvidence.length > 0) {
    throw new RuleViolation('assessment.incomplete', 'every indicator needs a level and evidence', { missing, withoutEvidence });
  }
  const ratings = codes.map((c) => merged[c]);
  return [{ type: 'AssessmentSubmitted', data: { ...pins(app), ratings, submittedAt: metadata.now } }];
};

// DOMAIN.md, Deadlines: "staff may extend or reopen"; extending a lapsed application reopens it.
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
  return [{
    type: 'AssessmentDeadlineExtended',
    data: { ...pins(app), previousDueAt, dueAt: data.dueAt, reason: data.reason, reopened, extendedAt: metadata.now },
  }];
};

// A timer for a superseded or not-yet-reached due date, or for a submitted application, decides nothing.
export const expireAssessment = ({ data, metadata }: ExpireAssessment, state: Application): ApplicationEvent[] => {
  if (state.status !== 'AwaitingAssessment' || state.dueAt !== data.dueAt || !isPast(state.dueAt, metadata.now)) return [];
  return [{ type: 'ApplicationLapsed', data: { ...pins(state), dueAt: state.dueAt, lapsedAt: metadata.now } }];
};
