import { deciderSpec } from '../../../testing/src/decider-spec';
import { Actor } from '../decider';
import { Forbidden, NotFound } from '../errors';
import { applicationDecider } from '../application/application.decider';
import { ApplicationCommand } from '../application/application.commands';
import { OpenApplication } from '../application/application.state';
import { APP_ID, applicant, cmd, historyOfAfter, scoresAt, underReview } from '../application/application.fixtures';

const given = deciderSpec(applicationDecider);
const system: Actor = { id: 'deadlines', role: 'system' };
const record = (actor: Actor = system, now = '2027-02-20T09:05:00.000Z'): ApplicationCommand => ({
  type: 'RecordAward',
  data: { awardCycleId: 'award-cycle-2027', year: 2027, award: 'IASL Leadership Award 2027' },
  metadata: { actor, now },
});
const designated = () =>
  historyOfAfter(
    underReview(),
    cmd.submitScores('rev-a', scoresAt(4)),
    cmd.submitScores('rev-b', scoresAt(4)),
    cmd.decide('ProgramOfExcellence'),
  );

describe("application › award on the leader's record", () => {
  it('records the award with the cycle, the year and the title, exactly as the directory reads it', () =>
    given(designated())
      .when(record())
      .then([
        {
          type: 'AwardRecorded',
          data: {
            applicationId: APP_ID,
            rubricVersion: 'ic-map.v1',
            policyVersion: 'decision-policy.v1',
            awardCycleId: 'award-cycle-2027',
            year: 2027,
            award: 'IASL Leadership Award 2027',
            recordedAt: '2027-02-20T09:05:00.000Z',
          },
        },
      ]));

  it('keeps the award on the state, and a repeated request records nothing', () => {
    const events = historyOfAfter(designated(), record());
    const state = events.reduce(applicationDecider.evolve, applicationDecider.initialState()) as OpenApplication;
    expect(state.awards).toEqual([
      { awardCycleId: 'award-cycle-2027', year: 2027, award: 'IASL Leadership Award 2027', recordedAt: '2027-02-20T09:05:00.000Z' },
    ]);
    given(events).when(record()).then([]);
  });

  it('is recorded by the award cycle, not by the applicant; an unknown application is not found', () => {
    given(designated()).when(record(applicant)).thenThrows(Forbidden, 'award.not_allowed');
    given([]).when(record()).thenThrows(NotFound, 'application.not_found');
  });
});
