import { AccountEvent } from '../account/account';
import { ACCOUNT_EVENTS } from '../account/account.registry';
import { ApplicationEvent, DecisionRecorded } from '../application/application.events';
import { APPLICATION_EVENTS } from '../application/application.registry';
import { AwardCycleEvent } from '../award/award-cycle.events';
import { AWARD_CYCLE_EVENTS } from '../award/award-cycle.registry';
import { CheckpointEvent } from '../checkpoint/checkpoint';
import { CredentialEvent } from '../credential/credential';
import { CREDENTIAL_EVENTS } from '../credential/credential.registry';
import { CHECKPOINT_EVENTS } from '../checkpoint/checkpoint.registry';
import { DirectoryListingEvent } from '../directory/directory-listing.decider';
import { DIRECTORY_LISTING_EVENTS } from '../directory/directory-listing.registry';
import { NotificationEvent } from '../notification/notification';
import { NOTIFICATION_EVENTS } from '../notification/notification.registry';
import { PersonalField } from '../privacy/personal-data';
import { SubjectEvent } from '../privacy/subject';
import { SUBJECT_EVENTS } from '../privacy/subject.registry';
import { ReviewCycleEvent } from '../review/review-cycle.decider';
import { REVIEW_CYCLE_EVENTS } from '../review/review-cycle.registry';
import { ReviewerEvent } from '../review/reviewer.decider';
import { REVIEWER_EVENTS } from '../review/reviewer.registry';
import { EventShape, EventSpec, EventTable, Names, SentenceContext, Upcaster } from './event-spec';
import { ROLE_NAMES, engineName } from './words';
import { Role } from '../decider';

/** Every event the log can hold, of every stream category. */
export type LoggedEvent =
  | ApplicationEvent
  | AwardCycleEvent
  | ReviewerEvent
  | ReviewCycleEvent
  | DirectoryListingEvent
  | NotificationEvent
  | SubjectEvent
  | CheckpointEvent
  | AccountEvent
  | CredentialEvent;
export type LoggedEventType = LoggedEvent['type'];

/** The families' tables as one: what the engine knows about every event type. */
export const EVENT_REGISTRY: EventTable<LoggedEvent> = {
  ...APPLICATION_EVENTS,
  ...AWARD_CYCLE_EVENTS,
  ...REVIEWER_EVENTS,
  ...REVIEW_CYCLE_EVENTS,
  ...DIRECTORY_LISTING_EVENTS,
  ...NOTIFICATION_EVENTS,
  ...SUBJECT_EVENTS,
  ...CHECKPOINT_EVENTS,
  ...ACCOUNT_EVENTS,
  ...CREDENTIAL_EVENTS,
};

const specs = Object.entries(EVENT_REGISTRY) as [LoggedEventType, EventSpec<EventShape>][];
const specOf = (type: string): EventSpec<EventShape> | undefined => (EVENT_REGISTRY as Record<string, EventSpec<EventShape>>)[type];

/**
 * The version each event type is written at now. An event keeps the version it was written with and the log is
 * never rewritten (its hashes cover the stored shape): UPCASTERS bring an older stored shape to this one on read.
 */
export const SCHEMA_VERSIONS = Object.fromEntries(specs.map(([type, spec]) => [type, spec.schemaVersion])) as Readonly<
  Record<LoggedEventType, number>
>;

/** UPCASTERS[type][n] turns version n of `type` into version n + 1; only types that ever changed are here. */
export const UPCASTERS: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = Object.fromEntries(
  specs.flatMap(([type, spec]) => (spec.upcasters ? [[type, spec.upcasters]] : [])),
);

/**
 * Personal fields by event type, for the current schema version of each (the only one ever written from now on); only
 * types that have any are here. The store seals each under its owners' keys
 * (docs/DOMAIN.md, Personal data and the record of reasons).
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly PersonalField[]>> = Object.fromEntries(
  specs.flatMap(([type, spec]) => (spec.personal?.length ? [[type, spec.personal]] : [])),
);

/**
 * The reasons of an application's record by event type: the personal fields sealed under its record key, with the
 * words people read for them (docs/DOMAIN.md, Personal data and the record of reasons).
 */
export const REASON_FIELDS: Readonly<Record<string, readonly { path: string; label: string }[]>> = Object.fromEntries(
  specs.flatMap(([type, spec]) => {
    const reasons = (spec.personal ?? [])
      .filter((f) => f.owners.includes('record'))
      .map((f) => ({ path: f.path, label: f.label ?? f.path }));
    return reasons.length ? [[type, reasons]] : [];
  }),
);

/** Event types whose data names the applicant directly (their contact email): their subject comes from the event itself. */
export const SURVEY_EVENT_TYPES: readonly string[] = specs
  .filter(([, spec]) => spec.personal?.some((f) => f.path === 'survey.contactEmail'))
  .map(([type]) => type);

/** The short label of an event type; a type this code does not know reads as its words ("SomethingNew" → "Something New"). */
export const eventLabel = (type: string): string => specOf(type)?.label ?? type.replace(/([a-z])([A-Z])/g, '$1 $2');

/** Steps the engine worked out (a rule, a timer): credited to the engine, whoever's command set them off. */
export const isEngineStep = (type: string): boolean => specOf(type)?.byEngine === true;

/**
 * The one sentence people read for an event, everywhere: the api's timelines, the auditor's history, the decision
 * report, exports and the web. People are named through `names` where the caller knows them, and by id otherwise;
 * applications by their reference through `references`.
 */
export function describeEvent(event: { type: string; data: unknown }, context: SentenceContext = {}): string {
  const spec = specOf(event.type);
  if (!spec) return eventLabel(event.type);
  const { names, references, appealDecided = false } = context;
  try {
    return spec.describe(event as EventShape, {
      person: (id) => names?.(id) ?? id,
      application: (id) => references?.(id) ?? id,
      appealDecided,
    });
  } catch {
    // A shape this code cannot word (written by a newer release) still shows, by its label: the record is the data.
    return spec.label;
  }
}

/**
 * The sentences of events read in log order, one or many streams: a DecisionFinalized that follows its stream's
 * decision on appeal says the appeal's decision is final (it closed no window).
 */
export function describeEvents(
  events: readonly { streamId: string; type: string; data: unknown }[],
  context: Omit<SentenceContext, 'appealDecided'> = {},
): string[] {
  const appealDecided = new Set<string>();
  return events.map((e) => {
    const sentence = describeEvent(e, { ...context, appealDecided: appealDecided.has(e.streamId) });
    if (e.type === 'DecisionRecorded' && (e.data as DecisionRecorded['data']).appealOf) appealDecided.add(e.streamId);
    return sentence;
  });
}

/** The decision policy an event pins, if it pins one (application events do; a cycle's or a reviewer's do not). */
const pinnedPolicy = (data: unknown): string | null => {
  const value = (data as { policyVersion?: unknown } | null)?.policyVersion;
  return typeof value === 'string' ? value : null;
};

/**
 * Who took a step, as people read it (docs/DOMAIN.md, Names): the engine for a step it worked out or a timer it ran,
 * under the policy the event pins, whoever's command set it off; otherwise the person, named through `names`. Where
 * `names` does not name them (a person the reader is not to know), their role in words.
 */
export function actorName(event: { type: string; data: unknown; metadata: { actorId: string; actorRole: string } }, names?: Names): string {
  const { actorId, actorRole } = event.metadata;
  if (actorRole === 'system' || isEngineStep(event.type)) return engineName(pinnedPolicy(event.data));
  return names?.(actorId) ?? ROLE_NAMES[actorRole as Role] ?? actorRole;
}

/** Keys whose values are people's ids (accounts), wherever they sit in an event's data. */
const PERSON_KEYS = new Set([
  'reviewerId',
  'nominatorId',
  'submittedBy',
  'decidedBy',
  'filedBy',
  'routedBy',
  'excludedReviewers',
  'nominatedBy',
  'boardMemberId',
  'selectedBy',
  'respondedBy',
  'recipientUserId',
  'accountId',
  'invitedBy',
  'resentBy',
  'changedBy',
  'deactivatedBy',
  'claimedBy',
  'amendedBy',
  'dismissedBy',
]);

/** Every person an event's data names by id, once each, in the order they appear: for a name column beside each id. */
export function personIdsIn(data: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string | null) => {
    if (typeof value === 'string') {
      if (key !== null && PERSON_KEYS.has(key)) found.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((v) => walk(v, key));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(data, null);
  return [...found];
}
