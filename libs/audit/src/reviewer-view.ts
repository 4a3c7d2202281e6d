import { NotFound, OpenApplication, actorName, applicationDecider, identityRedactor } from '@cert/domain';
import type { AuditReviewerView, BlindableSurvey } from '@cert/contracts';
import { CycleHistory, blindSettingAt } from './blind-review';
import { ApplicationHistory } from './history';
import { Naming } from './people';

/** docs/DOMAIN.md, Blind review: what a blind cycle keeps from reviewers, in words. */
const WITHHELD_FIELDS = [
  "the leader's name",
  'the contact email',
  "the institution's name",
  "the leader's name, email and institution wherever the survey's texts and the evidence name them",
];

/**
 * docs/DOMAIN.md, Blind review: the survey and the evidence as a reviewer of a blind cycle reads them, by the same rule
 * the api applies when it shows them (identityRedactor): the identity fields withheld, and taken out of free text.
 */
function asShown(state: OpenApplication, blind: boolean): AuditReviewerView['application'] {
  const { id, reference, status, rubricVersion, policyVersion, survey, assessment } = state;
  const base = { id, reference, status, rubricVersion, policyVersion };
  if (!blind) return { ...base, survey, assessment };
  const redact = identityRedactor([survey.leaderName, survey.contactEmail, state.applicantEmail, survey.institution.name]);
  const shown: BlindableSurvey = {
    ...survey,
    leaderName: null,
    contactEmail: null,
    institution: { ...survey.institution, name: null },
    programDescription: redact(survey.programDescription),
    underrepresentedReach: redact(survey.underrepresentedReach),
    partners: survey.partners.map(redact),
    focusAreas: survey.focusAreas.map(redact),
  };
  return { ...base, survey: shown, assessment: assessment && assessment.map((r) => ({ ...r, evidence: redact(r.evidence) })) };
}

/**
 * What a reviewer could see when they scored (docs/DOMAIN.md, What auditors need): their assignment and the application
 * as it stood just before their scores, as they were shown it. Under blind review (the cycle's setting at that moment,
 * from the log) the applicant's identity reads as withheld, with the setting that withheld it; never the name, email
 * or institution the reviewer did not see.
 */
export function reviewerView(
  applicationId: string,
  reviewerId: string,
  events: ApplicationHistory,
  cycle: { cycle: string; events: CycleHistory } = { cycle: '', events: [] },
  naming: Naming = {},
): AuditReviewerView {
  const name = (id: string) => naming.names?.(id) ?? id;
  const assigned = events.flatMap((e) =>
    e.type === 'ReviewerAssigned' && e.data.reviewerId === reviewerId ? [{ ...e, data: e.data }] : [],
  );
  if (assigned.length === 0) throw new NotFound('assignment', `${reviewerId} on ${applicationId}`);
  const submittedEvent = events.find((e) => e.type === 'ScoresSubmitted' && e.data.reviewerId === reviewerId);
  const before = submittedEvent ? events.filter((e) => e.version < submittedEvent.version) : events;
  const state = before.reduce(applicationDecider.evolve, applicationDecider.initialState()) as OpenApplication;
  const moment = submittedEvent ?? events[events.length - 1];
  const assignments = assigned.map((a) => {
    const release = events.find((e) => e.version > a.version && e.type === 'ReviewerReleased' && e.data.reviewerId === reviewerId);
    return {
      version: a.version,
      assignedAt: a.metadata.occurredAt,
      assignedBy: { actorId: a.metadata.actorId, actorRole: a.metadata.actorRole, name: actorName(a, naming.names) },
      purpose: a.data.purpose,
      method: a.data.method,
      dueAt: a.data.dueAt,
      released:
        release?.type === 'ReviewerReleased'
          ? { at: release.metadata.occurredAt, reason: release.data.reason, by: actorName(release, naming.names) }
          : null,
    };
  });
  const drafts = before.flatMap((e) =>
    e.type === 'ScoresDraftSaved' && e.data.reviewerId === reviewerId
      ? [{ version: e.version, savedAt: e.metadata.occurredAt, indicators: e.data.scores.map((s) => s.indicator) }]
      : [],
  );
  const others = Object.values(state.reviewers ?? {}).filter((r) => r.reviewerId !== reviewerId && r.status === 'finished');
  // The setting in force when they scored; before they scored, the one in force now.
  const setting = blindSettingAt(cycle.cycle, cycle.events, submittedEvent ? submittedEvent.position : null, naming);
  const blind = setting?.blindReview ?? false;
  return {
    applicationId,
    reviewerId,
    reviewerName: name(reviewerId),
    assignments,
    moment: { scored: submittedEvent !== undefined, version: moment.version, occurredAt: moment.metadata.occurredAt },
    blindReview: { on: blind, cycle: cycle.cycle, setting, withheld: blind ? WITHHELD_FIELDS : [] },
    application: asShown(state, blind),
    drafts,
    submitted:
      submittedEvent?.type === 'ScoresSubmitted'
        ? {
            version: submittedEvent.version,
            submittedAt: submittedEvent.metadata.occurredAt,
            recommendation: submittedEvent.data.recommendation,
            scores: submittedEvent.data.scores,
          }
        : null,
    notShown: { otherFinishedReviews: others.length, recommendation: state.recommendation !== null },
  };
}
