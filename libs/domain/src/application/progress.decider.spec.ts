import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden, InvalidState, NotFound, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { ApplicationCommand } from './application.commands';
import { ApplicationEvent, ProgressVerdict } from './application.events';
import {
  CODES,
  applicant,
  candidate,
  cmd,
  historyOfAfter,
  ratingsAt,
  reviewer,
  scoresAt,
  staff,
  timer,
  underReview,
} from './application.fixtures';
import { ReviewerCandidate } from './application.types';

const given = deciderSpec(applicationDecider);
const types = (events: ApplicationEvent[]) => events.map((e) => e.type);

const DECIDED_AT = '2026-01-10T09:00:00.000Z';
const UPDATED_AT = '2026-12-20T09:00:00.000Z';
const designated = () =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(3)),
    cmd.submitScores('rev-b', scoresAt(3)),
    cmd.decide('CharterMembership', null, DECIDED_AT),
  );
const update = (now = UPDATED_AT): ApplicationCommand => ({
  type: 'SubmitProgressUpdate',
  data: { ratings: ratingsAt(4) },
  metadata: { actor: applicant, now },
});
const updated = () => historyOfAfter(designated(), update());

const ask = (who: ReviewerCandidate, now = '2027-01-05T09:00:00.000Z', actor = staff): ApplicationCommand => ({
  type: 'RequestProgressConfirmation',
  data: { reviewer: who },
  metadata: { actor, now },
});
const verdicts = (disputed: Record<string, string> = {}): ProgressVerdict[] =>
  CODES.map((indicator) => ({ indicator, verdict: indicator in disputed ? 'disputed' : 'confirmed', comment: disputed[indicator] ?? '' }));
const confirm = (who: ReviewerCandidate, v = verdicts(), now = '2027-01-08T09:00:00.000Z'): ApplicationCommand => ({
  type: 'RecordProgressConfirmation',
  data: { reviewer: who, verdicts: v },
  metadata: { actor: reviewer(who.reviewerId), now },
});

describe('application › yearly progress update with evidence', () => {
  it('requires evidence on every indicator, as the assessment does', () => {
    const noEvidence: ApplicationCommand = {
      type: 'SubmitProgressUpdate',
      data: { ratings: ratingsAt(4, '  ') },
      metadata: { actor: applicant, now: UPDATED_AT },
    };
    given(designated()).when(noEvidence).thenThrows(RuleViolation, 'progress.incomplete');
  });

  it('re-rates the rubric version pinned at designation, and names the due date it answers', () => {
    const [event] = given(designated()).when(update()).thenEvents();
    expect(event.data).toEqual(
      expect.objectContaining({ rubricVersion: 'ic-map.v1', progressDueAt: '2027-01-10T09:00:00.000Z', submittedAt: UPDATED_AT }),
    );
  });
});

describe('application › the yearly update window (policy v1: opens 90 days before due)', () => {
  const OPENS_AT = '2026-10-12T09:00:00.000Z'; // 90 days before the first update is due (2027-01-10)
  const refusalOf = (history: ApplicationEvent[], command: ApplicationCommand) => {
    try {
      applicationDecider.decide(command, history.reduce(applicationDecider.evolve, applicationDecider.initialState()));
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it('refuses an update before the window opens, saying when it opens', () => {
    given(designated()).when(update('2026-01-11T09:00:00.000Z')).thenThrows(InvalidState, 'progress.window_not_open');
    given(designated()).when(update('2026-10-12T08:59:59.999Z')).thenThrows(InvalidState, 'progress.window_not_open');
    const refusal = refusalOf(designated(), update('2026-01-11T09:00:00.000Z'));
    expect(refusal).toHaveProperty('message', expect.stringContaining('opens on 2026-10-12'));
    expect(refusal).toHaveProperty('details', expect.objectContaining({ opensAt: OPENS_AT, progressDueAt: '2027-01-10T09:00:00.000Z' }));
  });

  it('accepts an update at the opening of the window, and the next one falls due a year after this one was due', () => {
    const [event] = given(designated()).when(update(OPENS_AT)).thenEvents();
    expect(event).toEqual(
      expect.objectContaining({
        type: 'ProgressUpdateSubmitted',
        data: expect.objectContaining({ progressDueAt: '2027-01-10T09:00:00.000Z', nextDueAt: '2028-01-10T09:00:00.000Z' }),
      }),
    );
  });

  it("refuses a second update in the same window, since the next year's window is not open yet", () => {
    const once = historyOfAfter(designated(), update(OPENS_AT));
    given(once).when(update('2026-10-12T15:00:00.000Z')).thenThrows(InvalidState, 'progress.window_not_open');
    expect(refusalOf(once, update('2026-12-20T09:00:00.000Z'))).toHaveProperty('message', expect.stringContaining('opens on 2027-10-12'));
  });

  it('still accepts a late update, which starts a new year from the day it arrives and reinstates a suspended designation', () => {
    const suspended = historyOfAfter(designated(), {
      type: 'SuspendDesignation',
      data: { progressDueAt: '2027-01-10T09:00:00.000Z' },
      metadata: { actor: timer, now: '2027-03-12T00:00:00.000Z' },
    });
    const events = given(suspended).when(update('2027-04-01T09:00:00.000Z')).thenEvents();
    expect(types(events)).toEqual(['ProgressUpdateSubmitted', 'DesignationReinstated']);
    expect(events[0].data).toEqual(expect.objectContaining({ nextDueAt: '2028-03-31T09:00:00.000Z' }));
  });
});

describe('application › reviewer confirmation of a progress update', () => {
  const north = candidate('rev-north');

  it('records the request for a reviewer without a conflict', () => {
    const events = given(updated()).when(ask(north)).thenEvents();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ProgressConfirmationRequested',
        data: expect.objectContaining({ reviewerId: 'rev-north', updateSubmittedAt: UPDATED_AT }),
      }),
    ]);
  });

  it('refuses a reviewer from the same institution or with a declared conflict', () => {
    given(updated())
      .when(ask(candidate('rev-x', { institution: 'Riverside STEM Academy' })))
      .thenThrows(Forbidden, 'review.conflict_of_interest');
    given(updated())
      .when(ask(candidate('rev-y', { declaredConflicts: ['Riverside STEM Academy'] })))
      .thenThrows(Forbidden, 'review.conflict_of_interest');
  });

  it('needs an update to confirm, and staff to ask', () => {
    given(designated()).when(ask(north)).thenThrows(InvalidState, 'progress.no_update');
    given(updated())
      .when(ask(north, undefined, applicant))
      .thenThrows(Forbidden, 'progress.confirmation_staff_only');
  });

  it('asks the same reviewer once per update', () =>
    given(historyOfAfter(updated(), ask(north)))
      .when(ask(north))
      .then([]));

  it('lets the reviewer asked confirm or dispute each indicator, a dispute with its reason', () => {
    const events = given(historyOfAfter(updated(), ask(north)))
      .when(confirm(north, verdicts({ [CODES[0]]: 'Minutes do not show an SLT meeting this year.' })))
      .thenEvents();
    expect(types(events)).toEqual(['ProgressConfirmationRecorded']);
    expect(events[0].data).toEqual(
      expect.objectContaining({
        reviewerId: 'rev-north',
        updateSubmittedAt: UPDATED_AT,
        verdicts: expect.arrayContaining([
          { indicator: CODES[0], verdict: 'disputed', comment: 'Minutes do not show an SLT meeting this year.' },
          { indicator: CODES[1], verdict: 'confirmed', comment: '' },
        ]),
      }),
    );
  });

  it('refuses a dispute without a comment, or verdicts that miss an indicator', () => {
    const asked = historyOfAfter(updated(), ask(north));
    given(asked)
      .when(confirm(north, verdicts({ [CODES[0]]: ' ' })))
      .thenThrows(RuleViolation, 'progress.dispute_comment_required');
    given(asked)
      .when(confirm(north, verdicts().slice(1)))
      .thenThrows(RuleViolation, 'progress.verdicts_mismatch');
  });

  it('answers a reviewer who was not asked as if there were nothing to confirm, and refuses a second answer', () => {
    given(historyOfAfter(updated(), ask(north)))
      .when(confirm(candidate('rev-east')))
      .thenThrows(NotFound, 'progress_confirmation.not_found');
    given(historyOfAfter(updated(), ask(north), confirm(north)))
      .when(confirm(north))
      .thenThrows(InvalidState, 'progress.confirmation_recorded');
  });

  it('rechecks conflicts when the reviewer answers (one declared after the request)', () =>
    given(historyOfAfter(updated(), ask(north)))
      .when(confirm({ ...north, declaredConflicts: ['Riverside STEM Academy'] }))
      .thenThrows(Forbidden, 'review.conflict_of_interest'));

  it('starts a new round of confirmations with the next update', () => {
    const nextYear = historyOfAfter(updated(), ask(north), confirm(north), update('2027-12-20T09:00:00.000Z'));
    expect(types(given(nextYear).when(ask(north, '2028-01-02T09:00:00.000Z')).thenEvents())).toEqual(['ProgressConfirmationRequested']);
  });
});
