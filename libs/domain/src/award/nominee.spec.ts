import { applicationDecider } from '../application/application.decider';
import { ApplicationEvent } from '../application/application.events';
import { cmd, historyOfAfter, scoresAt, underReview } from '../application/application.fixtures';
import { deciderSpec } from '../../../testing/src/decider-spec';
import { AwardConflict } from './award.errors';
import { award, cycleHistory } from './award.fixtures';
import { awardCycleDecider } from './award-cycle.decider';
import { nomineeOf } from './nominee';

const DECIDED_AT = '2026-01-10T09:00:00.000Z';
const TERM_ENDS = '2031-01-10T09:00:00.000Z'; // policy v1: five years
const fold = (events: ApplicationEvent[]) => events.reduce((s, e) => applicationDecider.evolve(s, e), applicationDecider.initialState());
const designated = () =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(3)),
    cmd.submitScores('rev-b', scoresAt(3)),
    cmd.decide('CharterMembership', null, DECIDED_AT),
  );

describe('nomineeOf: what the nominate and select handlers hand the award decider', () => {
  it("carries the designation's term end, so the decider can refuse a term over before the expiry timer fires", () => {
    const nominee = nomineeOf(fold(designated()), 'app-a');
    expect(nominee).toEqual(
      expect.objectContaining({
        applicationId: 'app-a',
        designation: 'CharterMembership',
        notDesignatedBecause: null,
        termEndsAt: TERM_ENDS,
      }),
    );
  });

  it('a nominee folded from a designation whose term ended (expiry timer late) is refused by the award decider', () => {
    const nominee = nomineeOf(fold(designated()), 'app-a')!;
    // The cycle of a year after the term ended: the status still reads active, the term end says otherwise.
    const late = { ...nominee, termEndsAt: '2027-01-19T09:00:00.000Z' };
    deciderSpec(awardCycleDecider)(cycleHistory(award.open()))
      .when(award.nominate('a', { nominee: { ...late, applicantEmail: 'leader-a@school-a.edu' } }))
      .thenThrows(AwardConflict, 'award.term_ended');
  });
});
