import { ApplicationEvent, DecisionRecorded } from '../application/application.events';
import { NotificationEvent } from '../notification/notification';
import { ERASED } from '../privacy/personal-data';
import { SubjectEvent } from '../privacy/subject';
import { ReviewCycleEvent } from '../review/review-cycle.decider';
import { ReviewerEvent } from '../review/reviewer.decider';
import { AwardCycleEvent } from '../award/award-cycle.events';
import { DirectoryListingEvent } from '../directory/directory-listing.decider';

/**
 * Issue 5, event schema evolution: an event keeps the schema version it was written with, and the log is never
 * rewritten (its hashes cover the stored shape). Upcasters turn an older stored shape into the current one on read,
 * so deciders, projections and reports only ever see the current shape. They live in the domain because they are
 * about the domain's event shapes and must stay pure; the store applies them without knowing what they do.
 *
 * To change an event's shape: bump its version here, add the step from the previous version to UPCASTERS, and add
 * a fixture of the new version to test/fixtures/events (the old fixture stays: it is a shape that is in the log).
 */
export type LoggedEventType = (ApplicationEvent | NotificationEvent | SubjectEvent | ReviewerEvent | ReviewCycleEvent | DirectoryListingEvent | AwardCycleEvent)['type'];

/** The version each event type is written at now: every type the log can hold (the compiler asks for new ones). */
export const SCHEMA_VERSIONS = {
  SurveySubmitted: 1, NominationLinked: 1, SurveyAccepted: 1, SurveyRejected: 1, AssessmentDraftSaved: 1,
  AssessmentSubmitted: 1, AssessmentDeadlineExtended: 1, ApplicationLapsed: 1, ReviewerAssigned: 1, ReviewerReleased: 1,
  ScoresDraftSaved: 1, ScoresSubmitted: 1, AdjudicationRequired: 1, AdjudicationResolved: 1, RecommendationComputed: 1,
  DecisionRecorded: 2, GrowthReportIssued: 1, AssessmentReminderIssued: 1, ReviewerReminderIssued: 1, ReviewOverdueEscalated: 1,
  DecisionFinalized: 1, ProgressReminderIssued: 1, DesignationSuspended: 1, ProgressUpdateSubmitted: 1, DesignationReinstated: 1,
  AppealFiled: 1, AppealRouted: 1,
  ProgressConfirmationRequested: 1, ProgressConfirmationRecorded: 1, RenewalReminderIssued: 1, DesignationExpired: 1, RenewalStarted: 1,
  RenewalOpened: 1, DesignationRenewed: 1,
  NotificationSent: 1, NotificationRead: 1,
  SubjectErased: 1,
  DirectoryListingPublished: 1, DirectoryListingWithdrawn: 1,
  ConflictDeclared: 1, ConflictWithdrawn: 1,
  BlindReviewSet: 1,
  AwardCycleOpened: 1, AwardNominationSubmitted: 1, AwardNominationScored: 1, AwardScoringClosed: 1, AwardRecipientsSelected: 1,
  SummitInvitationSent: 1, SummitInvitationAccepted: 1, SummitInvitationDeclined: 1, SummitRsvpReminderIssued: 1, SummitInvitationUnanswered: 1,
  AwardRecorded: 1,
} as const satisfies Record<LoggedEventType, number>;

/** Unknown types (another category's, or a test's) are at version 1 and pass through unchanged. */
export const schemaVersionOf = (type: string): number => (SCHEMA_VERSIONS as Record<string, number>)[type] ?? 1;

type Step = (data: Record<string, unknown>) => Record<string, unknown>;

/** DecisionRecorded as written before schema v2: no `justificationLength`. */
export type DecisionRecordedV1 = Omit<DecisionRecorded['data'], 'justificationLength'>;

/** UPCASTERS[type][n] turns version n of `type` into version n + 1. Pure: no lookups, no clock. */
export const UPCASTERS: Readonly<Record<string, Readonly<Record<number, Step>>>> = {
  DecisionRecorded: {
    // v1 events were written before encryption, so their text is clear and can be measured; an erased one cannot.
    1: (data) => {
      const v1 = data as DecisionRecordedV1;
      const { justification } = v1;
      const justificationLength = justification === null ? 0 : justification === ERASED ? null : justification.length;
      return { ...v1, justificationLength } satisfies DecisionRecorded['data'];
    },
  },
};

export type StoredShape = { type: string; schemaVersion: number; data: unknown };

/**
 * The event in its type's current shape. A version newer than this code knows (written by a newer release while
 * this one still runs) is passed through unchanged: there is no way down, and failing would stop every reader.
 */
export function upcast<E extends StoredShape>(event: E): E {
  const target = schemaVersionOf(event.type);
  if (event.schemaVersion >= target) return event;
  let data = event.data as Record<string, unknown>;
  for (let version = event.schemaVersion; version < target; version++) {
    const step = UPCASTERS[event.type]?.[version];
    if (!step) throw new Error(`no upcaster for ${event.type} v${version} → v${version + 1}`);
    data = step(data);
  }
  return { ...event, schemaVersion: target, data };
}
