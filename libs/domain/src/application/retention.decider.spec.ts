import { deciderSpec } from '../../../testing/src/decider-spec';
import { applicationDecider } from './application.decider';
import { ApplicationCommand } from './application.commands';
import { ApplicationEvent } from './application.events';
import { OpenApplication } from './application.state';
import { ReasonCount } from './application.types';
import { APP_ID, T0, accepted, cmd, historyOf, historyOfAfter, scoresAt, timer, underReview } from './application.fixtures';
import { retentionStartedBy } from './decide/retention';

const given = deciderSpec(applicationDecider);
const stateOf = (events: ApplicationEvent[]) =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState()) as OpenApplication;
const at = (type: string, data: object, now: string) => ({ type, data, metadata: { actor: timer, now } }) as ApplicationCommand;

// What the handler found in the stored events; the decider records it as given.
const HELD: ReasonCount[] = [
  { type: 'ScoresSubmitted', field: 'scores[].comment', count: 32 },
  { type: 'DecisionRecorded', field: 'justification', count: 1 },
];
const NOT_REACHED: ReasonCount[] = [{ type: 'ScoresDraftSaved', field: 'scores[].comment', count: 16 }];
const shred = (retainedUntil: string, now: string, held = HELD, notReached = NOT_REACHED) =>
  at('ShredRecordOfReasons', { retainedUntil, held, notReached }, now);

const DECIDED_AT = T0; // 2026-01-10
const APPEAL_UNTIL = '2026-02-09T09:00:00.000Z'; // decided + 30 days (policy v1)
const FINAL_UNTIL = '2033-02-09T09:00:00.000Z'; // final + 7 years (policy v1)
const TERM_ENDS = '2031-01-10T09:00:00.000Z'; // decided + 5 years (policy v1)
const AFTER_TERM_UNTIL = '2038-01-10T09:00:00.000Z'; // designation's end + 7 years
const REJECTED_UNTIL = '2029-01-10T09:00:00.000Z'; // rejection + 3 years (policy v1)

const decidedAs = (outcome: 'CharterMembership' | 'NotYetReady') =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(outcome === 'NotYetReady' ? 1 : 3), outcome),
    cmd.submitScores('rev-b', scoresAt(outcome === 'NotYetReady' ? 1 : 3), outcome),
    cmd.decide(outcome, null, DECIDED_AT),
  );
const closeWindow = (now = APPEAL_UNTIL) => at('CloseAppealWindow', { appealUntil: APPEAL_UNTIL }, now);
const finalNotYetReady = () => historyOfAfter(decidedAs('NotYetReady'), closeWindow());
const finalDesignated = () => historyOfAfter(decidedAs('CharterMembership'), closeWindow());
const expired = () => historyOfAfter(finalDesignated(), at('ExpireDesignation', { termEndsAt: TERM_ENDS }, TERM_ENDS));
const rejected = () => historyOf(cmd.submitSurvey(), cmd.reject('Not a STEM program: a reading club.', DECIDED_AT));

const shredded = (over: object) => ({
  type: 'RecordOfReasonsShredded',
  data: {
    applicationId: APP_ID,
    rubricVersion: 'ic-map.v1',
    policyVersion: 'decision-policy.v1',
    held: HELD,
    notReached: NOT_REACHED,
    ...over,
  },
});

describe('application › record of reasons: when its retention starts', () => {
  it('starts at the final decision: 7 years (policy v1)', () => {
    expect(stateOf(finalNotYetReady()).recordOfReasons).toEqual({
      rule: 'after-final-decision',
      years: 7,
      closedAt: APPEAL_UNTIL,
      retainedUntil: FINAL_UNTIL,
      shreddedAt: null,
    });
  });

  it('does not start while the decision can still be appealed, nor while the application is open', () => {
    expect(stateOf(decidedAs('NotYetReady')).recordOfReasons).toBeUndefined();
    expect(stateOf(underReview()).recordOfReasons).toBeUndefined();
  });

  it('keeps the record of a designation while it runs, then 7 years after it ends', () => {
    expect(stateOf(finalDesignated()).recordOfReasons).toEqual({
      rule: 'after-designation-end',
      years: 7,
      closedAt: null,
      retainedUntil: null,
      shreddedAt: null,
    });
    expect(stateOf(expired()).recordOfReasons).toEqual(
      expect.objectContaining({ rule: 'after-designation-end', closedAt: TERM_ENDS, retainedUntil: AFTER_TERM_UNTIL }),
    );
  });

  it('starts at a rejection: 3 years (policy v1); a lapse starts nothing (nothing of it is in the record)', () => {
    expect(stateOf(rejected()).recordOfReasons).toEqual(
      expect.objectContaining({ rule: 'after-rejection', years: 3, closedAt: DECIDED_AT, retainedUntil: REJECTED_UNTIL }),
    );
    const lapsed = historyOfAfter(accepted(), cmd.expire('2026-02-09T09:00:00.000Z', '2026-02-09T10:00:00.000Z'));
    expect(stateOf(lapsed).status).toBe('Lapsed');
    expect(stateOf(lapsed).recordOfReasons).toBeUndefined();
  });

  it('names, for the reactor, the date each closing event sets the timer for', () => {
    const finalized = finalNotYetReady().find((e) => e.type === 'DecisionFinalized')!;
    expect(retentionStartedBy(finalized)).toEqual(expect.objectContaining({ retainedUntil: FINAL_UNTIL }));
    expect(retentionStartedBy(rejected().at(-1)!)).toEqual(expect.objectContaining({ retainedUntil: REJECTED_UNTIL }));
    expect(retentionStartedBy(decidedAs('NotYetReady').at(-1)!)).toBeNull();
  });
});

describe('application › record of reasons: the retention timer', () => {
  it('shreds at the end of the retention, saying what the record key held and under which rule', () =>
    given(finalNotYetReady())
      .when(shred(FINAL_UNTIL, FINAL_UNTIL))
      .then([
        shredded({
          rule: 'after-final-decision',
          retentionYears: 7,
          closedAt: APPEAL_UNTIL,
          retainedUntil: FINAL_UNTIL,
          shreddedAt: FINAL_UNTIL,
        }),
      ] as ApplicationEvent[]));

  it('shreds a rejected application 3 years after the rejection', () =>
    given(rejected())
      .when(shred(REJECTED_UNTIL, '2029-01-11T00:00:00.000Z', [{ type: 'SurveyRejected', field: 'reason', count: 1 }], []))
      .then([
        shredded({
          rule: 'after-rejection',
          retentionYears: 3,
          closedAt: DECIDED_AT,
          retainedUntil: REJECTED_UNTIL,
          held: [{ type: 'SurveyRejected', field: 'reason', count: 1 }],
          notReached: [],
          shreddedAt: '2029-01-11T00:00:00.000Z',
        }),
      ] as ApplicationEvent[]));

  it('decides nothing early', () => given(finalNotYetReady()).when(shred(FINAL_UNTIL, '2033-02-09T08:59:59.999Z')).then([]));

  it('decides nothing when the timer fires again after the shredding', () => {
    const once = historyOfAfter(finalNotYetReady(), shred(FINAL_UNTIL, FINAL_UNTIL));
    expect(stateOf(once).recordOfReasons?.shreddedAt).toBe(FINAL_UNTIL);
    given(once).when(shred(FINAL_UNTIL, '2033-02-10T09:00:00.000Z')).then([]);
  });

  it('decides nothing for a date that is not the recorded one (a stale timer)', () =>
    given(finalNotYetReady()).when(shred('2033-02-08T09:00:00.000Z', FINAL_UNTIL)).then([]));

  it("decides nothing at the final decision's date while a designation runs; shreds 7 years after it ends", () => {
    given(finalDesignated()).when(shred(FINAL_UNTIL, FINAL_UNTIL)).then([]);
    // The final decision's own timer, firing after the designation ended, is stale too: the end set a later date.
    given(expired()).when(shred(FINAL_UNTIL, FINAL_UNTIL)).then([]);
    given(expired())
      .when(shred(AFTER_TERM_UNTIL, AFTER_TERM_UNTIL))
      .then([
        shredded({
          rule: 'after-designation-end',
          retentionYears: 7,
          closedAt: TERM_ENDS,
          retainedUntil: AFTER_TERM_UNTIL,
          shreddedAt: AFTER_TERM_UNTIL,
        }),
      ] as ApplicationEvent[]);
  });

  it('decides nothing on an application not yet closed, or one that does not exist', () => {
    given(decidedAs('NotYetReady')).when(shred(FINAL_UNTIL, FINAL_UNTIL)).then([]);
    given().when(shred(FINAL_UNTIL, FINAL_UNTIL)).then([]);
  });

  it('leaves the application as it was, but for the shredding', () => {
    const before = stateOf(finalNotYetReady());
    const after = stateOf(historyOfAfter(finalNotYetReady(), shred(FINAL_UNTIL, FINAL_UNTIL)));
    expect(after).toEqual({ ...before, recordOfReasons: { ...before.recordOfReasons, shreddedAt: FINAL_UNTIL } });
  });
});
