import { Actor } from '../../decider';
import { Forbidden, InvalidState, RuleViolation } from '../../errors';
import { addDays } from '../../time';
import { policyByVersion } from '../../decision/policy-catalog';
import { disagreements } from '../../decision/recommend';
import { indicatorCodes, rubricByVersion } from '../../rubric/rubric-catalog';
import { conflictOf, conflictWords, pickReviewers } from '../../review/assign-reviewers';
import { AssignReviewers, ReleaseReviewer, SaveScoresDraft, SubmitScores } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { evolve } from '../application.evolve';
import { Application, OpenApplication, ReviewerSlot, activeReviewers } from '../application.state';
import { ReviewerCandidate } from '../application.types';
import { recommendationEvents, resolvedByExtraReviewer } from './recommendation';
import { pins, requireKnownIndicators, requireOpen, requireStatus } from './guards';
import { excludedFromReview } from './appeal';

const facts = (app: OpenApplication) => ({ id: app.id, institution: app.survey.institution.name, region: app.survey.institution.region });

export const assignReviewers = ({ data, metadata }: AssignReviewers, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['UnderReview', 'NeedsAdjudication'], 'review.not_open');
  const policy = policyByVersion(app.policyVersion);
  const active = activeReviewers(app).map((r) => r.reviewerId);
  let chosen: ReviewerCandidate[];
  if (data.mode === 'manual') {
    for (const candidate of data.reviewers) {
      // docs/DOMAIN.md, Appeals: an appeal's fresh review has new reviewers, none of the earlier rounds'.
      if (excludedFromReview(app).includes(candidate.reviewerId)) {
        throw new InvalidState(
          'review.reviewed_earlier_round',
          app.status,
          { reviewerId: candidate.reviewerId },
          'this reviewer reviewed an earlier round of this application; a fresh review after an appeal takes new reviewers',
        );
      }
      if (active.includes(candidate.reviewerId))
        throw new RuleViolation('review.already_assigned', 'reviewer already assigned', { reviewerId: candidate.reviewerId });
      const reason = conflictOf(facts(app), candidate, policy);
      if (reason)
        throw new Forbidden('review.conflict_of_interest', `this reviewer has a conflict of interest: ${conflictWords(reason)}`, {
          reviewerId: candidate.reviewerId,
          reason,
        });
    }
    chosen = data.reviewers;
  } else {
    // A released reviewer is not offered again by auto-assignment; staff can still pick them by hand.
    chosen = pickReviewers(facts(app), data.pool, data.count, {
      ...policy,
      exclude: [...Object.keys(app.reviewers), ...excludedFromReview(app)],
    });
    if (chosen.length < data.count)
      throw new RuleViolation('review.not_enough_reviewers', 'not enough eligible reviewers', {
        wanted: data.count,
        eligible: chosen.length,
      });
  }
  const purpose = app.status === 'NeedsAdjudication' ? 'adjudication' : 'review';
  const dueAt = addDays(metadata.now, policy.reviewWindowDays);
  return chosen.map((c) => ({
    type: 'ReviewerAssigned' as const,
    data: { ...pins(app), reviewerId: c.reviewerId, dueAt, method: data.mode, purpose, assignedAt: metadata.now },
  }));
};

export const releaseReviewer = ({ data, metadata }: ReleaseReviewer, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const slot = app.reviewers[data.reviewerId];
  if (!slot) throw new RuleViolation('review.not_assigned', 'this reviewer is not assigned', { reviewerId: data.reviewerId });
  if (slot.status === 'released') return [];
  if (slot.status === 'finished') throw new InvalidState('review.already_finished', app.status, { reviewerId: data.reviewerId });
  return [{ type: 'ReviewerReleased', data: { ...pins(app), reviewerId: data.reviewerId, reason: data.reason, releasedAt: metadata.now } }];
};

// Only an assigned reviewer scores, and finished scores are locked
// (docs/DOMAIN.md, The lifecycle (one application = one event stream), step 3).
const requireOwnOpenSlot = (actor: Actor, app: OpenApplication): ReviewerSlot => {
  const slot = app.reviewers[actor.id];
  if (actor.role !== 'reviewer' || !slot || slot.status === 'released') {
    throw new Forbidden('review.not_assigned', 'only a reviewer assigned to this application may score it');
  }
  if (slot.status === 'finished') throw new InvalidState('review.scores_locked', app.status);
  requireStatus(app, ['UnderReview', 'NeedsAdjudication'], 'review.not_open');
  return slot;
};

export const saveScoresDraft = ({ data, metadata }: SaveScoresDraft, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireOwnOpenSlot(metadata.actor, app);
  requireKnownIndicators(rubricByVersion(app.rubricVersion), data.scores, 'review');
  return [{ type: 'ScoresDraftSaved', data: { ...pins(app), reviewerId: metadata.actor.id, scores: data.scores, savedAt: metadata.now } }];
};

export const submitScores = ({ data, metadata }: SubmitScores, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const slot = requireOwnOpenSlot(metadata.actor, app);
  const rubric = rubricByVersion(app.rubricVersion);
  requireKnownIndicators(rubric, data.scores, 'review');
  const merged = { ...slot.draft, ...Object.fromEntries(data.scores.map((s) => [s.indicator, s])) };
  const codes = indicatorCodes(rubric);
  const missing = codes.filter((c) => !merged[c]);
  const withoutComment = codes.filter((c) => merged[c] && !merged[c].comment.trim());
  if (missing.length > 0 || withoutComment.length > 0) {
    throw new RuleViolation('review.incomplete', 'every indicator needs a level and a comment', { missing, withoutComment });
  }
  const submitted: ApplicationEvent = {
    type: 'ScoresSubmitted',
    data: {
      ...pins(app),
      reviewerId: slot.reviewerId,
      scores: codes.map((c) => merged[c]),
      recommendation: data.recommendation,
      submittedAt: metadata.now,
    },
  };
  return [submitted, ...afterScores(evolve(app, submitted) as OpenApplication, slot, metadata.now)];
};

/** Once every active reviewer has finished: adjudicate a strong disagreement, otherwise recommend. */
const afterScores = (app: OpenApplication, slot: ReviewerSlot, now: string): ApplicationEvent[] => {
  const policy = policyByVersion(app.policyVersion);
  if (slot.purpose === 'adjudication') return resolvedByExtraReviewer(app, now);
  const reviewers = activeReviewers(app, 'review');
  if (reviewers.length < policy.reviewersRequired || reviewers.some((r) => r.status !== 'finished')) return [];
  const disputed = disagreements(
    reviewers.map((r) => ({ reviewerId: r.reviewerId, scores: r.scores ?? [] })),
    policy.disagreementThreshold,
  );
  if (disputed.length > 0) {
    return [{ type: 'AdjudicationRequired', data: { ...pins(app), disputed, threshold: policy.disagreementThreshold, flaggedAt: now } }];
  }
  return recommendationEvents(app, now);
};
