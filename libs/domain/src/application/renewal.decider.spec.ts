import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden, InvalidState } from '../errors';
import { applicationDecider } from './application.decider';
import { ApplicationCommand } from './application.commands';
import { ApplicationEvent } from './application.events';
import {
  applicant,
  cmd,
  historyOf,
  historyOfAfter,
  nominator,
  ratingsAt,
  scoresAt,
  staff,
  survey,
  timer,
  underReview,
} from './application.fixtures';
import { termEndsAt } from './decide/renewal';
import { decisionPolicyV1 } from '../decision/decision-policy.v1';

const given = deciderSpec(applicationDecider);
const types = (events: ApplicationEvent[]) => events.map((e) => e.type);
const at = (type: string, data: object, now: string, actor = timer) => ({ type, data, metadata: { actor, now } }) as ApplicationCommand;

const DECIDED_AT = '2026-01-10T09:00:00.000Z';
const TERM_ENDS = '2031-01-10T09:00:00.000Z';
const RENEWAL_ID = '7a1c2a9e-0000-4000-8000-000000000002';
const decidedAs = (outcome: 'CharterMembership' | 'NotYetReady') =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(outcome === 'NotYetReady' ? 1 : 3)),
    cmd.submitScores('rev-b', scoresAt(outcome === 'NotYetReady' ? 1 : 3)),
    cmd.decide(outcome, null, DECIDED_AT),
  );
const designated = () => decidedAs('CharterMembership');
const start = (now = '2030-08-01T09:00:00.000Z', actor = applicant) => at('StartRenewal', { renewalId: RENEWAL_ID }, now, actor);
const expire = (now: string, termEnds = TERM_ENDS) => at('ExpireDesignation', { termEndsAt: termEnds }, now);
const remind = (daysBefore: number, now: string) => at('RemindRenewal', { termEndsAt: TERM_ENDS, daysBefore }, now);
const conclude = (outcome: string, now = '2030-11-01T09:00:00.000Z') => at('ConcludeRenewal', { renewalId: RENEWAL_ID, outcome }, now);

describe('application › designation term', () => {
  it('records the term end (policy v1: 5 years) on a designating decision, and none otherwise', () => {
    expect(designated().find((e) => e.type === 'DecisionRecorded')?.data).toEqual(
      expect.objectContaining({ termEndsAt: TERM_ENDS, renewalOf: null }),
    );
    expect(decidedAs('NotYetReady').find((e) => e.type === 'DecisionRecorded')?.data).toEqual(
      expect.objectContaining({ termEndsAt: null }),
    );
  });

  it('counts years on the calendar', () => {
    expect(termEndsAt('2028-02-29T12:00:00.000Z', decisionPolicyV1)).toBe('2033-03-01T12:00:00.000Z');
    expect(decisionPolicyV1.designationTermYears).toBe(5);
  });

  it('reminds 180 and 30 days before the term ends, once each, and not after', () => {
    expect(types(given(designated()).when(remind(180, '2030-07-14T09:00:00.000Z')).thenEvents())).toEqual(['RenewalReminderIssued']);
    given(designated()).when(remind(180, '2030-07-13T09:00:00.000Z')).then([]);
    given(historyOfAfter(designated(), remind(30, '2030-12-11T09:00:00.000Z')))
      .when(remind(30, '2030-12-12T09:00:00.000Z'))
      .then([]);
    given(designated()).when(remind(30, '2031-01-10T09:00:00.000Z')).then([]);
  });

  it('does not remind a program whose renewal has started', () =>
    given(historyOfAfter(designated(), start())).when(remind(30, '2030-12-11T09:00:00.000Z')).then([]));

  it('expires an unrenewed designation at the end of its term, once', () => {
    given(designated()).when(expire('2031-01-10T08:59:59.000Z')).then([]);
    expect(types(given(designated()).when(expire(TERM_ENDS)).thenEvents())).toEqual(['DesignationExpired']);
    given(historyOfAfter(designated(), expire(TERM_ENDS)))
      .when(expire('2031-01-11T00:00:00.000Z'))
      .then([]);
  });

  it('ignores an expiry timer for another term', () =>
    given(designated()).when(expire('2032-01-11T00:00:00.000Z', '2032-01-10T09:00:00.000Z')).then([]));

  it('closes an expired designation to progress updates and their reminders', () => {
    const expired = historyOfAfter(designated(), expire(TERM_ENDS));
    const update: ApplicationCommand = {
      type: 'SubmitProgressUpdate',
      data: { ratings: ratingsAt(4) },
      metadata: { actor: applicant, now: '2031-02-01T09:00:00.000Z' },
    };
    given(expired).when(update).thenThrows(InvalidState, 'progress.designation_ended');
  });
});

describe('application › renewal', () => {
  it('lets the applicant or staff start a renewal before the term ends, and a retry records nothing new', () => {
    expect(given(designated()).when(start()).thenEvents()).toEqual([
      expect.objectContaining({ type: 'RenewalStarted', data: expect.objectContaining({ renewalId: RENEWAL_ID, termEndsAt: TERM_ENDS }) }),
    ]);
    expect(types(given(designated()).when(start(undefined, staff)).thenEvents())).toEqual(['RenewalStarted']);
    given(historyOfAfter(designated(), start())).when(start()).then([]);
  });

  it('opens the renewal only in the last year of the term', () =>
    given(designated()).when(start('2030-01-09T09:00:00.000Z')).thenThrows(InvalidState, 'renewal.not_open_yet'));

  it('refuses a nominator, a program without a designation, and a term already over', () => {
    given(designated()).when(start(undefined, nominator)).thenThrows(Forbidden, 'renewal.not_allowed');
    given(decidedAs('NotYetReady')).when(start()).thenThrows(InvalidState, 'renewal.no_designation');
    given(historyOfAfter(designated(), expire(TERM_ENDS)))
      .when(start('2031-02-01T09:00:00.000Z'))
      .thenThrows(InvalidState, 'renewal.no_designation');
  });

  it('still expires at term end when the renewal has not been decided by then', () =>
    expect(types(given(historyOfAfter(designated(), start())).when(expire(TERM_ENDS)).thenEvents())).toEqual(['DesignationExpired']));

  it('marks the designation renewed when the renewal is decided with a designating outcome, once', () => {
    const started = historyOfAfter(designated(), start());
    expect(given(started).when(conclude('ProgramOfExcellence')).thenEvents()).toEqual([
      expect.objectContaining({
        type: 'DesignationRenewed',
        data: expect.objectContaining({ renewalId: RENEWAL_ID, outcome: 'ProgramOfExcellence' }),
      }),
    ]);
    given(historyOfAfter(started, conclude('CharterMembership')))
      .when(conclude('CharterMembership'))
      .then([]);
    given(historyOfAfter(started, conclude('CharterMembership')))
      .when(expire(TERM_ENDS))
      .then([]);
  });

  it('does not renew on a not-yet-ready renewal, for another renewal, or after expiry', () => {
    const started = historyOfAfter(designated(), start());
    given(started).when(conclude('NotYetReady')).then([]);
    given(started)
      .when(at('ConcludeRenewal', { renewalId: 'other', outcome: 'CharterMembership' }, '2030-11-01T09:00:00.000Z'))
      .then([]);
    given(historyOfAfter(started, expire(TERM_ENDS)))
      .when(conclude('CharterMembership', '2031-02-01T09:00:00.000Z'))
      .then([]);
  });
});

describe('application › the renewal application', () => {
  const previous = { reference: 'APP-2026-3F1C2A', outcome: 'CharterMembership' as const, decidedAt: DECIDED_AT, termEndsAt: TERM_ENDS };
  const open = (now = '2030-08-01T09:00:00.000Z'): ApplicationCommand =>
    at(
      'OpenRenewal',
      {
        applicationId: RENEWAL_ID,
        renewalOf: '3f1c2a9e-0000-4000-8000-000000000001',
        survey: survey(),
        previous,
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
      },
      now,
      applicant,
    );

  it('opens with the survey on file, the link to the designation it renews, and an assessment due in 30 days', () => {
    const events = given([]).when(open()).thenEvents();
    expect(types(events)).toEqual(['SurveySubmitted', 'RenewalOpened', 'SurveyAccepted']);
    expect(events[1].data).toEqual(expect.objectContaining({ renewalOf: '3f1c2a9e-0000-4000-8000-000000000001', previous }));
    expect(events[2].data).toEqual(expect.objectContaining({ dueAt: '2030-08-31T09:00:00.000Z' }));
    given(events).when(open()).then([]);
  });

  it('runs the ordinary path, and its designating decision continues from the old term end and names what it renews', () => {
    const renewal = historyOfAfter(
      historyOf(open()),
      { ...cmd.submitAssessment(ratingsAt(4), '2030-08-10T09:00:00.000Z') },
      {
        ...cmd.assignManual(
          [
            { reviewerId: 'rev-a', institution: 'Elsewhere University', region: 'Ontario', declaredConflicts: [], openAssignments: 0 },
            { reviewerId: 'rev-b', institution: 'Elsewhere University', region: 'Ontario', declaredConflicts: [], openAssignments: 0 },
          ],
          '2030-08-11T09:00:00.000Z',
        ),
      },
      cmd.submitScores('rev-a', scoresAt(4), 'ProgramOfExcellence', '2030-08-20T09:00:00.000Z'),
      cmd.submitScores('rev-b', scoresAt(4), 'ProgramOfExcellence', '2030-08-21T09:00:00.000Z'),
      cmd.decide('ProgramOfExcellence', null, '2030-10-01T09:00:00.000Z'),
    );
    expect(renewal.find((e) => e.type === 'DecisionRecorded')?.data).toEqual(
      expect.objectContaining({
        renewalOf: '3f1c2a9e-0000-4000-8000-000000000001',
        termEndsAt: '2036-01-10T09:00:00.000Z',
      }),
    );
  });
});
