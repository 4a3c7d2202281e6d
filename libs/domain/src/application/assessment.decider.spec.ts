import { deciderSpec } from '../../../testing/src/decider-spec';
import { DeadlinePassed, Forbidden, InvalidState, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { CODES, DUE, accepted, cmd, historyOf, historyOfAfter, nominator, ratingsAt, submitted } from './application.fixtures';

const given = deciderSpec(applicationDecider);
const BEFORE_DUE = '2026-02-08T12:00:00.000Z';
const AFTER_DUE = '2026-02-10T00:00:00.000Z';
const LATER_DUE = '2026-02-23T09:00:00.000Z';

describe('application › self-assessment draft', () => {
  it('saves a partial draft that can be revised', () => {
    const first = [{ indicator: CODES[0], level: 2 as const, evidence: '' }];
    const events = given(accepted()).when(cmd.saveDraft(first)).thenEvents();
    expect(events).toEqual([expect.objectContaining({ type: 'AssessmentDraftSaved', data: expect.objectContaining({ ratings: first }) })]);
  });

  it('refuses an indicator that is not in the pinned rubric', () =>
    given(accepted())
      .when(cmd.saveDraft([{ indicator: 'EC9.Aliens1', level: 3, evidence: 'x' }]))
      .thenThrows(RuleViolation, 'assessment.unknown_indicator'));

  it('refuses a level outside 1-5', () =>
    given(accepted())
      .when(cmd.saveDraft([{ indicator: CODES[0], level: 6 as never, evidence: 'x' }]))
      .thenThrows(RuleViolation, 'assessment.invalid_level'));

  it('refuses the same indicator twice in one save', () =>
    given(accepted())
      .when(
        cmd.saveDraft([
          { indicator: CODES[0], level: 2, evidence: '' },
          { indicator: CODES[0], level: 3, evidence: '' },
        ]),
      )
      .thenThrows(RuleViolation, 'assessment.repeated_indicator'));

  it('refuses anyone but the applicant named on the survey', () =>
    given(accepted())
      .when(cmd.saveDraft(ratingsAt(3), undefined, nominator))
      .thenThrows(Forbidden, 'application.not_applicant'));

  it('refuses a draft before the survey is accepted', () =>
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.saveDraft(ratingsAt(3)))
      .thenThrows(InvalidState, 'assessment.not_open'));
});

describe('application › submitting the assessment', () => {
  it('submits every indicator, merging the draft with the final ratings', () => {
    const draft = historyOfAfter(accepted(), cmd.saveDraft(ratingsAt(2).slice(0, 10)));
    const events = given(draft)
      .when(cmd.submitAssessment(ratingsAt(4).slice(10), BEFORE_DUE))
      .thenEvents();
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('AssessmentSubmitted');
    const ratings = (events[0].data as { ratings: { level: number }[] }).ratings;
    expect(ratings.map((r) => r.level)).toEqual([...Array(10).fill(2), ...Array(6).fill(4)]);
  });

  it('refuses an incomplete assessment and names what is missing', () => {
    let error: RuleViolation | undefined;
    try {
      applicationDecider.decide(
        cmd.submitAssessment(ratingsAt(3).slice(1)),
        accepted().reduce(applicationDecider.evolve, applicationDecider.initialState()),
      );
    } catch (e) {
      error = e as RuleViolation;
    }
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error?.details).toEqual({ missing: [CODES[0]], withoutEvidence: [] });
  });

  it('refuses ratings without evidence', () =>
    given(accepted())
      .when(cmd.submitAssessment(ratingsAt(3, '  ')))
      .thenThrows(RuleViolation, 'assessment.incomplete'));

  it('refuses after the deadline even if no timer has fired', () =>
    given(accepted())
      .when(cmd.submitAssessment(ratingsAt(3), AFTER_DUE))
      .thenThrows(DeadlinePassed, 'assessment.deadline_passed'));

  it('refuses a second submission', () =>
    given(submitted())
      .when(cmd.submitAssessment(ratingsAt(3)))
      .thenThrows(InvalidState, 'assessment.not_open'));
});

describe('application › assessment deadline', () => {
  it('lapses the application when its due date passes', () => {
    const events = given(accepted()).when(cmd.expire(DUE, DUE)).thenEvents();
    expect(events).toEqual([
      expect.objectContaining({ type: 'ApplicationLapsed', data: expect.objectContaining({ dueAt: DUE, lapsedAt: DUE }) }),
    ]);
  });

  it('ignores a timer that fires early', () => given(accepted()).when(cmd.expire(DUE, BEFORE_DUE)).then([]));

  it('ignores a timer made stale by an extension', () =>
    given(historyOfAfter(accepted(), cmd.extend(LATER_DUE)))
      .when(cmd.expire(DUE, AFTER_DUE))
      .then([]));

  it('ignores a timer once the assessment is submitted', () => given(submitted()).when(cmd.expire(DUE, AFTER_DUE)).then([]));

  it('ignores a duplicate timer after lapsing', () =>
    given(historyOfAfter(accepted(), cmd.expire(DUE, AFTER_DUE)))
      .when(cmd.expire(DUE, AFTER_DUE))
      .then([]));

  it('extends the deadline and lets a submission through before the new date', () => {
    const extended = historyOfAfter(accepted(), cmd.extend(LATER_DUE, BEFORE_DUE));
    expect(extended.at(-1)).toEqual(
      expect.objectContaining({
        type: 'AssessmentDeadlineExtended',
        data: expect.objectContaining({ previousDueAt: DUE, dueAt: LATER_DUE, reopened: false }),
      }),
    );
    expect(
      given(extended)
        .when(cmd.submitAssessment(ratingsAt(3), AFTER_DUE))
        .thenEvents()[0].type,
    ).toBe('AssessmentSubmitted');
  });

  it('reopens a lapsed application when staff extend it', () => {
    const lapsed = historyOfAfter(accepted(), cmd.expire(DUE, AFTER_DUE));
    const events = given(lapsed).when(cmd.extend(LATER_DUE, AFTER_DUE)).thenEvents();
    expect(events[0].data).toEqual(expect.objectContaining({ reopened: true, dueAt: LATER_DUE }));
  });

  it('refuses an extension that is not later than the current due date', () =>
    given(accepted()).when(cmd.extend(DUE, BEFORE_DUE)).thenThrows(RuleViolation, 'assessment.extension_not_later'));

  it('refuses to extend once the assessment is submitted', () =>
    given(submitted()).when(cmd.extend(LATER_DUE)).thenThrows(InvalidState, 'assessment.not_extendable'));
});
