import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden, InvalidState, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { ApplicationEvent } from './application.events';
import { CODES, accepted, candidate, cmd, historyOfAfter, scoresAt, submitted, underReview } from './application.fixtures';

const given = deciderSpec(applicationDecider);
const types = (events: ApplicationEvent[]) => events.map((e) => e.type);

describe('application › assigning reviewers', () => {
  it('assigns the chosen reviewers with a 14-day due date', () => {
    const events = given(submitted())
      .when(cmd.assignManual([candidate('rev-a'), candidate('rev-b')]))
      .thenEvents();
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ reviewerId: 'rev-a', method: 'manual', purpose: 'review', dueAt: '2026-01-24T09:00:00.000Z' }),
      expect.objectContaining({ reviewerId: 'rev-b', method: 'manual', purpose: 'review' }),
    ]);
  });

  it('refuses a reviewer from the applicant institution', () =>
    given(submitted())
      .when(cmd.assignManual([candidate('rev-a', { institution: 'riverside stem academy ' })]))
      .thenThrows(Forbidden, 'review.conflict_of_interest'));

  it('refuses a reviewer who declared a conflict with this application', () =>
    given(submitted())
      .when(cmd.assignManual([candidate('rev-a', { declaredConflicts: ['3f1c2a9e-0000-4000-8000-000000000001'] })]))
      .thenThrows(Forbidden, 'review.conflict_of_interest'));

  it('refuses a reviewer already assigned', () =>
    given(underReview())
      .when(cmd.assignManual([candidate('rev-a')]))
      .thenThrows(RuleViolation, 'review.already_assigned'));

  it('auto-assigns the least-loaded reviewers without a conflict', () => {
    const pool = [
      candidate('rev-busy', { openAssignments: 5 }),
      candidate('rev-conflicted', { institution: 'Riverside STEM Academy' }),
      candidate('rev-b', { openAssignments: 1 }),
      candidate('rev-a', { openAssignments: 1 }),
    ];
    const events = given(submitted()).when(cmd.assignAuto(pool, 2)).thenEvents();
    expect(events.map((e) => (e.data as { reviewerId: string; method: string }).reviewerId)).toEqual(['rev-a', 'rev-b']);
    expect(events.every((e) => (e.data as { method: string }).method === 'auto')).toBe(true);
  });

  it('refuses auto-assignment when too few reviewers are eligible', () =>
    given(submitted())
      .when(cmd.assignAuto([candidate('rev-a')], 2))
      .thenThrows(RuleViolation, 'review.not_enough_reviewers'));

  it('refuses to assign before the assessment is submitted', () =>
    given(accepted())
      .when(cmd.assignManual([candidate('rev-a')]))
      .thenThrows(InvalidState, 'review.not_open'));

  it('releases a reviewer, and a repeated release changes nothing', () => {
    const released = historyOfAfter(underReview(), cmd.release('rev-a'));
    expect(types(released.slice(-1))).toEqual(['ReviewerReleased']);
    given(released).when(cmd.release('rev-a')).then([]);
  });

  it('does not offer a released reviewer again on auto-assignment', () => {
    const released = historyOfAfter(underReview(), cmd.release('rev-a'));
    const events = given(released)
      .when(cmd.assignAuto([candidate('rev-a'), candidate('rev-c', { openAssignments: 3 })], 1))
      .thenEvents();
    expect((events[0].data as { reviewerId: string }).reviewerId).toBe('rev-c');
  });
});

describe('application › scoring', () => {
  it('saves a draft of scores for an assigned reviewer', () =>
    expect(
      types(
        given(underReview())
          .when(cmd.saveScores('rev-a', scoresAt(3).slice(0, 4)))
          .thenEvents(),
      ),
    ).toEqual(['ScoresDraftSaved']));

  it('refuses scores from a reviewer who is not assigned', () =>
    given(underReview())
      .when(cmd.submitScores('rev-z', scoresAt(3)))
      .thenThrows(Forbidden, 'review.not_assigned'));

  it('refuses scores from a released reviewer', () =>
    given(historyOfAfter(underReview(), cmd.release('rev-a')))
      .when(cmd.submitScores('rev-a', scoresAt(3)))
      .thenThrows(Forbidden, 'review.not_assigned'));

  it('refuses incomplete scores or scores without a comment', () => {
    given(underReview())
      .when(cmd.submitScores('rev-a', scoresAt(3).slice(1)))
      .thenThrows(RuleViolation, 'review.incomplete');
    const noComment = scoresAt(3).map((s) => ({ ...s, comment: '' }));
    given(underReview()).when(cmd.submitScores('rev-a', noComment)).thenThrows(RuleViolation, 'review.incomplete');
  });

  it('locks scores once finished', () =>
    given(historyOfAfter(underReview(), cmd.submitScores('rev-a', scoresAt(3))))
      .when(cmd.saveScores('rev-a', scoresAt(4)))
      .thenThrows(InvalidState, 'review.scores_locked'));

  it('waits for every assigned reviewer before recommending', () =>
    expect(
      types(
        given(underReview())
          .when(cmd.submitScores('rev-a', scoresAt(3)))
          .thenEvents(),
      ),
    ).toEqual(['ScoresSubmitted']));

  it('recommends once the second reviewer agrees closely enough', () => {
    const events = given(historyOfAfter(underReview(), cmd.submitScores('rev-a', scoresAt(3))))
      .when(cmd.submitScores('rev-b', scoresAt(4)))
      .thenEvents();
    expect(types(events)).toEqual(['ScoresSubmitted', 'RecommendationComputed']);
    expect(events[1].data).toEqual(expect.objectContaining({ recommendation: 'CharterMembership' }));
  });

  it('flags adjudication when two reviewers are two levels apart on an indicator', () => {
    const events = given(historyOfAfter(underReview(), cmd.submitScores('rev-a', scoresAt(3))))
      .when(cmd.submitScores('rev-b', scoresAt(3, { [CODES[4]]: 5 })))
      .thenEvents();
    expect(types(events)).toEqual(['ScoresSubmitted', 'AdjudicationRequired']);
    expect(events[1].data).toEqual(
      expect.objectContaining({
        threshold: 2,
        disputed: [
          {
            indicator: CODES[4],
            spread: 2,
            levels: [
              { reviewerId: 'rev-a', level: 3 },
              { reviewerId: 'rev-b', level: 5 },
            ],
          },
        ],
      }),
    );
  });
});

describe('application › adjudication', () => {
  const disputed = () =>
    historyOfAfter(underReview(), cmd.submitScores('rev-a', scoresAt(3)), cmd.submitScores('rev-b', scoresAt(3, { [CODES[4]]: 5 })));

  it('resolves by a board ruling on exactly the disputed indicators, then recommends', () => {
    const events = given(disputed())
      .when(cmd.resolve([{ indicator: CODES[4], level: 4 }]))
      .thenEvents();
    expect(types(events)).toEqual(['AdjudicationResolved', 'RecommendationComputed']);
    const inputs = (events[1].data as { inputs: { consensus: { indicator: string; level: number }[] } }).inputs;
    expect(inputs.consensus.find((c) => c.indicator === CODES[4])?.level).toBe(4);
  });

  it('refuses a ruling that misses a disputed indicator', () =>
    given(disputed())
      .when(cmd.resolve([{ indicator: CODES[0], level: 4 }]))
      .thenThrows(RuleViolation, 'adjudication.rulings_mismatch'));

  it('refuses a ruling without a justification', () =>
    given(disputed())
      .when(cmd.resolve([{ indicator: CODES[4], level: 4 }], '  '))
      .thenThrows(RuleViolation, 'adjudication.justification_required'));

  it('refuses a ruling when nothing is disputed', () =>
    given(underReview())
      .when(cmd.resolve([{ indicator: CODES[4], level: 4 }]))
      .thenThrows(InvalidState, 'adjudication.not_needed'));

  it('resolves by an extra reviewer: the middle level of the three stands', () => {
    const withExtra = historyOfAfter(disputed(), cmd.assignManual([candidate('rev-c')]));
    expect(withExtra.at(-1)?.data).toEqual(expect.objectContaining({ reviewerId: 'rev-c', purpose: 'adjudication' }));
    const events = given(withExtra)
      .when(cmd.submitScores('rev-c', scoresAt(3, { [CODES[4]]: 4 })))
      .thenEvents();
    expect(types(events)).toEqual(['ScoresSubmitted', 'AdjudicationResolved', 'RecommendationComputed']);
    expect(events[1].data).toEqual(expect.objectContaining({ method: 'extra-reviewer', rulings: [{ indicator: CODES[4], level: 4 }] }));
  });
});
