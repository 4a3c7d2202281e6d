import { DecisionRecorded, ReviewerAssigned, SurveyRejected } from '../application/application.events';
import { APPLICATION_EVENTS, APPLICATION_EVENT_TYPES } from '../application/application.registry';
import { AWARD_CYCLE_EVENTS, AWARD_CYCLE_EVENT_TYPES } from '../award/award-cycle.registry';
import { DIRECTORY_LISTING_EVENTS } from '../directory/directory-listing.registry';
import { NOTIFICATION_EVENTS } from '../notification/notification.registry';
import { SUBJECT_EVENTS } from '../privacy/subject.registry';
import { CHECKPOINT_EVENTS } from '../checkpoint/checkpoint.registry';
import { ACCOUNT_EVENTS } from '../account/account.registry';
import { CREDENTIAL_EVENTS } from '../credential/credential.registry';
import { ReviewerEvent } from '../review/reviewer.decider';
import { REVIEW_CYCLE_EVENTS } from '../review/review-cycle.registry';
import { REVIEWER_EVENTS } from '../review/reviewer.registry';
import { EventSpec, EventTable, applicant } from './event-spec';
import {
  EVENT_REGISTRY,
  PERSONAL_FIELDS,
  REASON_FIELDS,
  SCHEMA_VERSIONS,
  SURVEY_EVENT_TYPES,
  UPCASTERS,
  actorName,
  describeEvent,
  describeEvents,
  eventLabel,
  isEngineStep,
  personIdsIn,
} from './event-registry';
import { identityRedactor } from '../review/blind-review';

const FAMILIES = [
  APPLICATION_EVENTS,
  AWARD_CYCLE_EVENTS,
  REVIEWER_EVENTS,
  REVIEW_CYCLE_EVENTS,
  DIRECTORY_LISTING_EVENTS,
  NOTIFICATION_EVENTS,
  SUBJECT_EVENTS,
  CHECKPOINT_EVENTS,
  ACCOUNT_EVENTS,
  CREDENTIAL_EVENTS,
];
const TYPES = Object.keys(EVENT_REGISTRY);
const pins = { applicationId: 'a-1', rubricVersion: 'ic-map.v1', policyVersion: 'decision-policy.v1' };

const assigned = (reviewerId: string): ReviewerAssigned => ({
  type: 'ReviewerAssigned',
  data: { ...pins, reviewerId, dueAt: '2026-01-26T09:00:00.000Z', method: 'auto', purpose: 'review', assignedAt: '2026-01-12T09:00:00Z' },
});

describe('the event registry: one table per event family', () => {
  it('holds every family once, and no event type in two families', () => {
    expect(TYPES).toHaveLength(FAMILIES.reduce((n, family) => n + Object.keys(family).length, 0));
    expect(APPLICATION_EVENT_TYPES).toEqual(Object.keys(APPLICATION_EVENTS));
    expect(AWARD_CYCLE_EVENT_TYPES).toEqual(Object.keys(AWARD_CYCLE_EVENTS));
  });

  it('derives the schema versions, the upcasters and the personal fields from the tables', () => {
    expect(Object.keys(SCHEMA_VERSIONS)).toEqual(TYPES);
    expect(SCHEMA_VERSIONS.DecisionRecorded).toBe(2);
    expect(Object.keys(UPCASTERS)).toEqual(['DecisionRecorded']);
    expect(PERSONAL_FIELDS.AssessmentDeadlineExtended).toEqual([{ path: 'reason', owners: ['applicant'] }]);
    // docs/DOMAIN.md, Personal data and the record of reasons: reasons for decisions are the record's, not a person's.
    expect(PERSONAL_FIELDS.ScoresSubmitted).toEqual([{ path: 'scores[].comment', owners: ['record'], label: "Reviewer's comments" }]);
    expect(REASON_FIELDS).toEqual({
      SurveyRejected: [{ path: 'reason', label: 'Reason the survey was not accepted' }],
      ReviewerReleased: [{ path: 'reason', label: 'Reason a reviewer was released' }],
      ScoresDraftSaved: [{ path: 'scores[].comment', label: "Reviewer's draft comments" }],
      ScoresSubmitted: [{ path: 'scores[].comment', label: "Reviewer's comments" }],
      AdjudicationResolved: [{ path: 'justification', label: "Adjudication's justification" }],
      DecisionRecorded: [{ path: 'justification', label: "Board's justification" }],
      ProgressConfirmationRecorded: [{ path: 'verdicts[].comment', label: "Reviewer's comments on a progress update" }],
    });
    // Only types with personal data are listed, as the store expects.
    expect(PERSONAL_FIELDS).not.toHaveProperty('SurveyAccepted');
    expect(Object.values(PERSONAL_FIELDS).every((fields) => fields.length > 0)).toBe(true);
    expect(SURVEY_EVENT_TYPES).toEqual(['SurveySubmitted', 'NominationLinked', 'NominationClaimed', 'SurveyAmended']);
  });

  it('gives every event type a label of its own', () => {
    const labels = TYPES.map(eventLabel);
    expect(labels.every((label) => label.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(eventLabel('ReviewerAssigned')).toBe('Reviewer assigned');
    expect(eventLabel('SomethingNew')).toBe('Something New');
  });
});

describe('describeEvent: the one sentence per event', () => {
  it('names people through the resolver, and shows the id where the resolver does not know them', () => {
    const names = (id: string) => (id === 'r-1' ? 'Rita North' : undefined);
    expect(describeEvent(assigned('r-1'), { names })).toBe('Reviewer Rita North assigned (auto), due 2026-01-26');
    expect(describeEvent(assigned('r-2'), { names })).toBe('Reviewer r-2 assigned (auto), due 2026-01-26');
    expect(describeEvent(assigned('r-1'))).toBe('Reviewer r-1 assigned (auto), due 2026-01-26');
  });

  it('credits the engine with the steps it worked out, whoever set them off', () => {
    expect(isEngineStep('RecommendationComputed')).toBe(true);
    expect(isEngineStep('DecisionFinalized')).toBe(true);
    expect(isEngineStep('ScoresSubmitted')).toBe(false);
    const inputs = { consensus: [], outcomeMeans: {}, overallMean: 3.125, minIndicatorLevel: 3 };
    const data = { ...pins, recommendation: 'CharterMembership', rule: 'r', inputs, computedAt: '2026-01-30T09:00:00.000Z' };
    const computed = { type: 'RecommendationComputed', data };
    expect(describeEvent(computed)).toBe('The engine recommends Charter membership (overall mean 3.13)');
  });

  it('names another application by its reference where the caller knows it', () => {
    const renewal = { type: 'RenewalStarted', data: { ...pins, renewalId: 'a-2', termEndsAt: '2031-01-01T00:00:00Z', startedAt: 'x' } };
    const references = (id: string) => (id === 'a-2' ? 'APP-2030-00A2' : undefined);
    expect(describeEvent(renewal, { references })).toBe('Renewal started as application APP-2030-00A2');
    expect(describeEvent(renewal)).toBe('Renewal started as application a-2');
  });

  it('reads an event type it does not know, or data it cannot word, as its label', () => {
    expect(describeEvent({ type: 'SomethingNew', data: {} })).toBe('Something New');
    expect(describeEvent({ type: 'SurveySubmitted', data: { applicationId: 'a-1' } })).toBe('Intake survey submitted');
  });

  it('says an appeal decision is final at once, per stream, when describing a history', () => {
    const decided = (appealOf?: DecisionRecorded['data']['appealOf']) => ({
      streamId: 'application-a',
      type: 'DecisionRecorded',
      data: {
        ...pins,
        outcome: 'CharterMembership',
        recommendation: 'CharterMembership',
        rule: 'r',
        overruled: false,
        justification: null,
        justificationLength: 0,
        decidedBy: 'b',
        decidedAt: '2026-02-01T09:00:00.000Z',
        appealUntil: '2026-03-03T09:00:00.000Z',
        progressDueAt: null,
        ...(appealOf && { appealOf }),
      },
    });
    const finalized = (streamId: string) => ({
      streamId,
      type: 'DecisionFinalized',
      data: { ...pins, appealUntil: '2026-03-03T09:00:00.000Z', finalizedAt: '2026-03-04T09:00:00Z' },
    });
    const sentences = describeEvents([
      decided(),
      finalized('application-a'),
      decided({ decidedAt: '2026-02-01T09:00:00.000Z', outcome: 'NotYetReady' }),
      finalized('application-b'),
      finalized('application-a'),
    ]);
    expect(sentences).toEqual([
      'Decision: Charter membership',
      'Appeal window closed 2026-03-03; the decision is final',
      'Decision on appeal of the decision of 2026-02-01 (Not yet ready): Charter membership',
      'Appeal window closed 2026-03-03; the decision is final',
      'Appeal decided 2026-03-04; the appeal decision is final',
    ]);
  });
});

describe('what does not compile', () => {
  it('is checked by the type checker (npm run typecheck): a misspelt personal field, a code, a missing event', () => {
    // @ts-expect-error no such field in SurveyRejected's data
    const misspelt: EventSpec<SurveyRejected>['personal'] = applicant('reasons');
    // @ts-expect-error a code (a string literal union) is not free text
    const code: EventSpec<ReviewerAssigned>['personal'] = applicant('method');
    // @ts-expect-error the table leaves out ConflictWithdrawn
    const missing: EventTable<ReviewerEvent> = { ConflictDeclared: REVIEWER_EVENTS.ConflictDeclared };
    // At run time they are the plain shapes the store reads: only the type checker can refuse them.
    expect([misspelt, code]).toEqual([[{ path: 'reasons', owners: ['applicant'] }], [{ path: 'method', owners: ['applicant'] }]]);
    expect(Object.keys(missing)).toEqual(['ConflictDeclared']);
  });
});

describe('who took a step, and who an event names', () => {
  const as = (actorId: string, actorRole: string) => ({ actorId, actorRole });
  const names = (id: string) => ({ 'u-rita': 'Rita North', 'u-chair': 'Board Chair' })[id];
  const computed = { type: 'RecommendationComputed', data: { ...pins } };

  it('credits the engine, under the policy the event pins, with what it worked out, whoever set it off', () => {
    expect(actorName({ ...computed, metadata: as('u-rita', 'reviewer') }, names)).toBe('The engine (policy decision-policy.v1)');
    expect(actorName({ type: 'ApplicationLapsed', data: pins, metadata: as('deadlines', 'system') })).toBe(
      'The engine (policy decision-policy.v1)',
    );
    // A timer on a stream that pins no policy (an award cycle) is the engine all the same.
    expect(actorName({ type: 'SummitRsvpReminderIssued', data: {}, metadata: as('deadlines', 'system') })).toBe('The engine');
  });

  it('names a person through the resolver, and says their role in words where nobody names them', () => {
    expect(actorName({ type: 'DecisionRecorded', data: pins, metadata: as('u-chair', 'board') }, names)).toBe('Board Chair');
    expect(actorName({ type: 'DecisionRecorded', data: pins, metadata: as('u-who', 'board') }, names)).toBe('Advisory board');
    expect(actorName({ type: 'SurveyAccepted', data: pins, metadata: as('u-1', 'staff') })).toBe('Certification staff');
  });

  it('finds every person id at any depth of the data, once each, and nothing else', () => {
    const disputed = [
      {
        indicator: 'EC1.L1',
        levels: [
          { reviewerId: 'r-1', level: 2 },
          { reviewerId: 'r-2', level: 4 },
        ],
        spread: 2,
      },
    ];
    expect(personIdsIn({ ...pins, disputed, threshold: 2 })).toEqual(['r-1', 'r-2']);
    expect(personIdsIn({ ...pins, decidedBy: 'b-1', excludedReviewers: ['r-1', 'r-3'], routedBy: 'b-1' })).toEqual(['b-1', 'r-1', 'r-3']);
    expect(personIdsIn({ ...pins, renewalId: 'a-2', conflictId: 'c-1' })).toEqual([]);
  });
});

describe('blind review in free text', () => {
  it("takes the applicant's identity out wherever it is written, in any case, and leaves an erased field alone", () => {
    const redact = identityRedactor(['Ada Lovelace', 'ada@school.org', 'Riverside STEM Academy', '[erased]', null]);
    expect(redact('Ada lovelace leads RIVERSIDE STEM ACADEMY; write to ada@school.org.')).toBe(
      '[withheld: blind review] leads [withheld: blind review]; write to [withheld: blind review].',
    );
    expect(redact('Nothing was [erased] here.')).toBe('Nothing was [erased] here.');
    expect(identityRedactor([])('Ada')).toBe('Ada');
  });
});
