import { assertNever } from '../decider';
import { ApplicationEvent } from './application.events';
import { Application, EvidenceItem, OpenApplication, normalizeEmail, reminderKey } from './application.state';
import { evolveDesignation } from './designation.evolve';
import { evolveAppeal } from './decide/appeal';
import { evolveRetention } from './decide/retention';

export const initialState = (): Application => ({ status: 'None' });

export const evolve = (state: Application, event: ApplicationEvent): Application => {
  if (event.type === 'SurveySubmitted') {
    const d = event.data;
    return {
      status: 'Screening',
      id: d.applicationId,
      reference: d.reference,
      survey: d.survey,
      applicantEmail: normalizeEmail(d.survey.contactEmail),
      submittedBy: d.submittedBy,
      nominators: d.asNominator ? [d.submittedBy] : [],
      nomination: d.asNominator ? { status: 'pending', nominatedAt: d.submittedAt, claimedAt: null } : null,
      screenedAt: null,
      rubricVersion: d.rubricVersion,
      policyVersion: d.policyVersion,
      dueAt: null,
      draft: {},
      assessment: null,
      reviewers: {},
      disputed: [],
      rulings: {},
      recommendation: null,
      decision: null,
      designation: null,
      reminders: [],
      appeal: null,
      earlierReviewers: [],
    };
  }
  if (state.status === 'None') return state;
  return evolveRetention(evolveOpen(state, event), event);
};

const evolveOpen = (s: OpenApplication, event: ApplicationEvent): OpenApplication => {
  switch (event.type) {
    case 'SurveySubmitted':
      return s;
    case 'NominationLinked':
      return { ...s, nominators: [...s.nominators, event.data.nominatorId] };
    case 'NominationClaimed':
      return {
        ...s,
        survey: event.data.survey,
        nomination: { status: 'claimed', nominatedAt: s.nomination?.nominatedAt ?? event.data.claimedAt, claimedAt: event.data.claimedAt },
      };
    case 'SurveyAmended':
      return { ...s, survey: event.data.survey };
    case 'DuplicateDismissed':
      return { ...s, notDuplicates: [...(s.notDuplicates ?? []), event.data.otherApplicationId] };
    case 'SurveyAccepted':
      return { ...s, status: 'AwaitingAssessment', dueAt: event.data.dueAt, screenedAt: event.data.acceptedAt };
    case 'SurveyRejected':
      return { ...s, status: 'Rejected', screenedAt: event.data.rejectedAt };
    case 'AssessmentDraftSaved':
      return { ...s, draft: { ...s.draft, ...Object.fromEntries(event.data.ratings.map((r) => [r.indicator, r])) } };
    case 'AssessmentSubmitted':
      return { ...s, status: 'UnderReview', assessment: event.data.ratings, ...submitEvidence(s, 'assessment') };
    case 'AssessmentDeadlineExtended':
      return { ...s, status: 'AwaitingAssessment', dueAt: event.data.dueAt };
    case 'ApplicationLapsed':
      return { ...s, status: 'Lapsed' };
    case 'ReviewerAssigned': {
      const { reviewerId, purpose, dueAt } = event.data;
      const slot = {
        reviewerId,
        purpose,
        dueAt,
        status: 'assigned' as const,
        draft: {},
        scores: null,
        recommendation: null,
        escalated: false,
      };
      return { ...s, reviewers: { ...s.reviewers, [reviewerId]: slot } };
    }
    case 'ReviewerReleased':
      return updateSlot(s, event.data.reviewerId, { status: 'released' });
    case 'ScoresDraftSaved': {
      const slot = s.reviewers[event.data.reviewerId];
      const draft = { ...slot?.draft, ...Object.fromEntries(event.data.scores.map((x) => [x.indicator, x])) };
      return updateSlot(s, event.data.reviewerId, { draft });
    }
    case 'ScoresSubmitted': {
      const { reviewerId, scores, recommendation } = event.data;
      return updateSlot(s, reviewerId, { status: 'finished', scores, recommendation });
    }
    case 'AdjudicationRequired':
      return { ...s, status: 'NeedsAdjudication', disputed: event.data.disputed.map((d) => d.indicator) };
    case 'AdjudicationResolved':
      return { ...s, rulings: { ...s.rulings, ...Object.fromEntries(event.data.rulings.map((r) => [r.indicator, r.level])) } };
    case 'RecommendationComputed': {
      const { recommendation, rule, inputs } = event.data;
      return { ...s, status: 'AwaitingDecision', recommendation: { outcome: recommendation, rule, inputs } };
    }
    case 'DecisionRecorded': {
      const { outcome, overruled, appealUntil, progressDueAt, decidedAt } = event.data;
      const designation = progressDueAt ? { status: 'active' as const, progressDueAt, termEndsAt: event.data.termEndsAt ?? null } : null;
      const appeal = event.data.appealOf && s.appeal ? { ...s.appeal, status: 'decided' as const, decidedAt } : s.appeal;
      return { ...s, status: 'Decided', decision: { outcome, overruled, appealUntil, final: false, decidedAt }, designation, appeal };
    }
    case 'GrowthReportIssued':
      return s;
    case 'AssessmentReminderIssued':
      return remembered(s, reminderKey('assessment', event.data.dueAt, event.data.daysBefore));
    case 'ReviewerReminderIssued':
      return remembered(s, reminderKey('review', event.data.dueAt, event.data.daysBefore, event.data.reviewerId));
    case 'ProgressReminderIssued':
      return remembered(s, reminderKey('progress', event.data.progressDueAt, event.data.daysBefore));
    case 'ReviewOverdueEscalated':
      return updateSlot(s, event.data.reviewerId, { escalated: true });
    case 'DecisionFinalized':
      return s.decision ? { ...s, decision: { ...s.decision, final: true } } : s;
    case 'DesignationSuspended':
      return s.designation ? { ...s, designation: { ...s.designation, status: 'suspended' } } : s;
    case 'ProgressUpdateSubmitted': {
      // A new update starts its own round of confirmations.
      const kept = s.designation ?? { status: 'active' as const };
      return {
        ...s,
        designation: { ...kept, progressDueAt: event.data.nextDueAt, lastUpdateAt: event.data.submittedAt, confirmations: {} },
        ...submitEvidence(s, 'progress'),
      };
    }
    case 'ProgressConfirmationRequested':
    case 'ProgressConfirmationRecorded':
    case 'RenewalReminderIssued':
    case 'DesignationExpired':
    case 'RenewalStarted':
    case 'RenewalOpened':
    case 'DesignationRenewed':
      return evolveDesignation(s, event);
    case 'DesignationReinstated':
      return s.designation ? { ...s, designation: { ...s.designation, status: 'active' } } : s;
    case 'AwardRecorded': {
      const { awardCycleId, year, award, recordedAt } = event.data;
      return { ...s, awards: [...(s.awards ?? []), { awardCycleId, year, award, recordedAt }] };
    }
    case 'AppealFiled':
    case 'AppealRouted':
      return evolveAppeal(s, event);
    case 'EvidenceDocumentAttached': {
      const { purpose, indicator, document, replaces } = event.data;
      const kept = (s.evidence ?? []).filter((i) => i.id !== replaces);
      const item = { id: document.documentId, kind: 'document' as const, purpose, indicator, size: document.size, sha256: document.sha256 };
      return { ...s, evidence: [...kept, { ...item, submitted: false }] };
    }
    case 'EvidenceLinkAdded': {
      const { purpose, indicator, link } = event.data;
      const item = { id: link.linkId, kind: 'link' as const, purpose, indicator, size: 0, sha256: null, submitted: false };
      return { ...s, evidence: [...(s.evidence ?? []), item] };
    }
    case 'EvidenceRemoved':
      return { ...s, evidence: (s.evidence ?? []).filter((i) => i.id !== event.data.evidenceId) };
    case 'RecordOfReasonsShredded':
      // Folded by evolveRetention, with every event that starts a retention.
      return s;
    default:
      return assertNever(event);
  }
};

const remembered = (s: OpenApplication, key: string): OpenApplication => ({ ...s, reminders: [...s.reminders, key] });

const updateSlot = (s: OpenApplication, reviewerId: string, patch: Partial<OpenApplication['reviewers'][string]>) => {
  const slot = s.reviewers[reviewerId];
  return slot ? { ...s, reviewers: { ...s.reviewers, [reviewerId]: { ...slot, ...patch } } } : s;
};

/** The evidence being prepared for a submission becomes part of the record when it is submitted. */
export const submitEvidence = (s: OpenApplication, purpose: EvidenceItem['purpose']): Pick<OpenApplication, 'evidence'> =>
  s.evidence ? { evidence: s.evidence.map((i) => (i.purpose === purpose && !i.submitted ? { ...i, submitted: true } : i)) } : {};
