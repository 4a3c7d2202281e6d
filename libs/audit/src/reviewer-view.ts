import { NotFound, OpenApplication, applicationDecider } from '@cert/domain';
import type { AuditReviewerView } from '@cert/contracts';
import { ApplicationHistory } from './history';

/** What a reviewer could see when they scored: their assignment and the application as it stood then. */
export function reviewerView(applicationId: string, reviewerId: string, events: ApplicationHistory): AuditReviewerView {
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
      assignedBy: { actorId: a.metadata.actorId, actorRole: a.metadata.actorRole },
      purpose: a.data.purpose,
      method: a.data.method,
      dueAt: a.data.dueAt,
      released: release?.type === 'ReviewerReleased' ? { at: release.metadata.occurredAt, reason: release.data.reason } : null,
    };
  });
  const drafts = before.flatMap((e) =>
    e.type === 'ScoresDraftSaved' && e.data.reviewerId === reviewerId
      ? [{ version: e.version, savedAt: e.metadata.occurredAt, indicators: e.data.scores.map((s) => s.indicator) }]
      : [],
  );
  const others = Object.values(state.reviewers ?? {}).filter((r) => r.reviewerId !== reviewerId && r.status === 'finished');
  return {
    applicationId,
    reviewerId,
    assignments,
    moment: { scored: submittedEvent !== undefined, version: moment.version, occurredAt: moment.metadata.occurredAt },
    application: {
      id: state.id,
      reference: state.reference,
      status: state.status,
      rubricVersion: state.rubricVersion,
      policyVersion: state.policyVersion,
      survey: state.survey,
      assessment: state.assessment,
    },
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
