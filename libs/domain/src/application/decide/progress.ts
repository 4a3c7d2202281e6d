import { Forbidden, InvalidState, NotFound, RuleViolation } from '../../errors';
import { addDays, isPast } from '../../time';
import { policyByVersion } from '../../decision/policy-catalog';
import { conflictOf, conflictWords } from '../../review/assign-reviewers';
import { indicatorCodes, rubricByVersion } from '../../rubric/rubric-catalog';
import { RecordProgressConfirmation, RequestProgressConfirmation, SubmitProgressUpdate } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication } from '../application.state';
import { ReviewerCandidate } from '../application.types';
import { pins, requireApplicant, requireCompleteRatings, requireOpen } from './guards';
import { submittedEvidence } from './submitted-evidence';

/** Only a running designation owes (and may file) a yearly update; an expired or renewed one is closed. */
const requireRunningDesignation = (app: OpenApplication) => {
  if (!app.designation) throw new InvalidState('progress.no_designation', app.status);
  if (app.designation.status === 'expired' || app.designation.status === 'renewed')
    throw new InvalidState('progress.designation_ended', app.designation.status);
  return app.designation;
};

/** The yearly update (and the evidence prepared for it) is accepted from shortly before it is due. */
export const requireProgressWindow = (app: OpenApplication, now: string) => {
  const designation = requireRunningDesignation(app);
  const { progressDueAt } = designation;
  const policy = policyByVersion(app.policyVersion);
  // One update per year: the window opens shortly before the due date, so early updates cannot bank future years.
  const opensAt = addDays(progressDueAt, -policy.progressUpdateOpensDaysBefore);
  if (!isPast(opensAt, now)) {
    throw new InvalidState(
      'progress.window_not_open',
      app.status,
      { opensAt, progressDueAt },
      `the progress update window opens on ${opensAt.slice(0, 10)} (the update is due on ${progressDueAt.slice(0, 10)})`,
    );
  }
  return designation;
};

// docs/DOMAIN.md, Yearly progress: a yearly update per designation; a late update reinstates a suspended designation.
// The update re-rates the rubric version pinned at designation, with evidence for every indicator, under the same
// rules as the assessment (requireCompleteRatings). A newer IC Map version would need a recorded mapping first.
export const submitProgressUpdate = ({ data, metadata }: SubmitProgressUpdate, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  const { progressDueAt, status } = requireProgressWindow(app, metadata.now);
  const policy = policyByVersion(app.policyVersion);
  const ratings = requireCompleteRatings(rubricByVersion(app.rubricVersion), {}, data.ratings, 'progress');
  const interval = policy.progressIntervalDays;
  // On time keeps the yearly rhythm; a late update starts a new year from today.
  const nextDueAt = isPast(progressDueAt, metadata.now) ? addDays(metadata.now, interval) : addDays(progressDueAt, interval);
  const submitted: ApplicationEvent = {
    type: 'ProgressUpdateSubmitted',
    data: { ...pins(app), ratings, progressDueAt, nextDueAt, submittedAt: metadata.now, ...submittedEvidence(app, 'progress') },
  };
  return status === 'suspended'
    ? [submitted, { type: 'DesignationReinstated', data: { ...pins(app), reinstatedAt: metadata.now } }]
    : [submitted];
};

const requireNoConflict = (app: OpenApplication, reviewer: ReviewerCandidate) => {
  const facts = { id: app.id, institution: app.survey.institution.name, region: app.survey.institution.region };
  const reason = conflictOf(facts, reviewer, policyByVersion(app.policyVersion));
  if (reason)
    throw new Forbidden('review.conflict_of_interest', `this reviewer has a conflict of interest: ${conflictWords(reason)}`, {
      reviewerId: reviewer.reviewerId,
      reason,
    });
};

/** docs/DOMAIN.md, Yearly progress: staff may ask a reviewer to confirm the latest update; the same conflict rules as review assignment. */
export const requestProgressConfirmation = ({ data, metadata }: RequestProgressConfirmation, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  if (metadata.actor.role !== 'staff') throw new Forbidden('progress.confirmation_staff_only', 'only staff ask for a confirmation');
  const designation = requireRunningDesignation(app);
  if (!designation.lastUpdateAt) throw new InvalidState('progress.no_update', app.status);
  requireNoConflict(app, data.reviewer);
  const { reviewerId } = data.reviewer;
  if (designation.confirmations?.[reviewerId]) return [];
  return [
    {
      type: 'ProgressConfirmationRequested',
      data: { ...pins(app), reviewerId, updateSubmittedAt: designation.lastUpdateAt, requestedAt: metadata.now },
    },
  ];
};

/** The reviewer asked confirms or disputes every indicator of the latest update; a dispute says why. */
export const recordProgressConfirmation = ({ data, metadata }: RecordProgressConfirmation, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const { reviewer, verdicts } = data;
  const designation = app.designation;
  const asked = designation?.lastUpdateAt ? designation.confirmations?.[reviewer.reviewerId] : undefined;
  if (metadata.actor.id !== reviewer.reviewerId || !designation || !asked) throw new NotFound('progress_confirmation', app.id);
  if (asked === 'recorded') throw new InvalidState('progress.confirmation_recorded', app.status);
  requireNoConflict(app, reviewer);
  const codes = indicatorCodes(rubricByVersion(app.rubricVersion));
  const given = verdicts.map((v) => v.indicator);
  const missing = codes.filter((c) => !given.includes(c));
  const unknown = verdicts
    .filter((v, i) => !codes.includes(v.indicator) || given.indexOf(v.indicator) !== i || !['confirmed', 'disputed'].includes(v.verdict))
    .map((v) => v.indicator);
  if (missing.length > 0 || unknown.length > 0)
    throw new RuleViolation('progress.verdicts_mismatch', 'one verdict for each indicator of the rubric', { missing, unknown });
  const uncommented = verdicts.filter((v) => v.verdict === 'disputed' && !v.comment.trim()).map((v) => v.indicator);
  if (uncommented.length > 0)
    throw new RuleViolation('progress.dispute_comment_required', 'a disputed indicator needs a comment', { indicators: uncommented });
  const inOrder = codes
    .map((c) => verdicts.find((v) => v.indicator === c)!)
    .map((v) => ({ indicator: v.indicator, verdict: v.verdict, comment: v.comment.trim() }));
  return [
    {
      type: 'ProgressConfirmationRecorded',
      data: {
        ...pins(app),
        reviewerId: reviewer.reviewerId,
        updateSubmittedAt: designation.lastUpdateAt!,
        verdicts: inOrder,
        recordedAt: metadata.now,
      },
    },
  ];
};
