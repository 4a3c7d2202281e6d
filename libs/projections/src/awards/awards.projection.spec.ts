import { AwardCycleEvent, AwardRecorded } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { award, cycleHistory } from '../../../domain/src/award/award.fixtures';
import { applicationSummaryProjection } from '../application-summary/application-summary.projection';
import { readModel } from '../testing/given';
import { awardsProjection } from './awards.projection';
import { awardNominations, awardsOfApplication, getAwardCycle, listAwardCycles } from './awards.queries';

let position = 0;
const recorded = (event: AwardCycleEvent | AwardRecorded, actorId = 'user-staff'): RecordedEvent => {
  position++;
  return {
    ...event,
    id: `evt-${position}`,
    streamId: 'award-cycle-2027',
    version: position,
    position: String(position),
    schemaVersion: 1,
    metadata: { actorId, actorRole: 'staff', occurredAt: '2027-01-05T09:00:00.000Z', correlationId: 'c', causationId: null },
  };
};

describe('awards projection', () => {
  it('follows a cycle from opening to the summit answers, ranking and scores included', () => {
    // The applicant filter joins the application summary, so the spec's db has its tables too.
    const { db, apply } = readModel([applicationSummaryProjection, awardsProjection]);
    const events = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.nominate('b'),
      award.score('a', 3),
      award.score('b', 5),
      award.close(),
      award.select(['nom-b', 'nom-a']),
      award.remind('a'),
      award.respond('b', true),
      award.respond('a', false, { reason: 'Exams that week.' }),
    );
    apply(events.map((e) => recorded(e)));
    expect(listAwardCycles(db).map((c) => c.year)).toEqual([2027]);
    expect(getAwardCycle(db, 2027)).toEqual(
      expect.objectContaining({
        awardCycleId: 'award-cycle-2027',
        status: 'Selected',
        awardsAvailable: 2,
        overridesRanking: false,
        openedAt: '2027-01-05T09:00:00.000Z',
      }),
    );
    const [b, a] = awardNominations(db, 2027, { withScores: true });
    expect(b).toEqual(
      expect.objectContaining({
        nominationId: 'nom-b',
        rank: 1,
        meanScore: 5,
        selected: true,
        invitation: expect.objectContaining({ status: 'accepted', reminders: 0 }),
      }),
    );
    expect(a).toEqual(
      expect.objectContaining({
        nominationId: 'nom-a',
        rank: 2,
        meanScore: 3,
        invitation: expect.objectContaining({ status: 'declined', declineReason: 'Exams that week.', reminders: 1 }),
      }),
    );
    expect(a.scores).toEqual([
      expect.objectContaining({ boardMemberId: 'board-chair', scores: expect.arrayContaining([{ criterion: 'reach', level: 3 }]) }),
    ]);
    expect(awardNominations(db, 2027, { withScores: false })[0]).not.toHaveProperty('scores');
    expect(getAwardCycle(db, 2026)).toBeNull();
  });

  it("keeps each award on the leader's record", () => {
    const { db, apply } = readModel([awardsProjection]);
    const recordedAward: AwardRecorded = {
      type: 'AwardRecorded',
      data: {
        applicationId: 'app-a',
        rubricVersion: 'ic-map.v1',
        policyVersion: 'decision-policy.v1',
        awardCycleId: 'award-cycle-2027',
        year: 2027,
        award: 'IASL Leadership Award 2027',
        recordedAt: '2027-02-20T09:00:00.000Z',
      },
    };
    apply([recorded(recordedAward, 'deadlines')]);
    expect(awardsOfApplication(db, 'app-a')).toEqual([
      { awardCycleId: 'award-cycle-2027', year: 2027, award: 'IASL Leadership Award 2027', recordedAt: '2027-02-20T09:00:00.000Z' },
    ]);
  });

  it('follows a change of dates: the cycle, the reason, and the invitations whose answer date moved', () => {
    const { db, apply } = readModel([applicationSummaryProjection, awardsProjection]);
    const events = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.close(),
      award.select(['nom-a']),
      award.remind('a'),
      award.dates({ rsvpBy: '2027-04-10T09:00:00.000Z', summitStartsAt: '2027-05-01T15:00:00.000Z' }, { now: '2027-03-26T09:00:00.000Z' }),
    );
    apply(events.map((e) => recorded(e)));
    expect(getAwardCycle(db, 2027)).toEqual(
      expect.objectContaining({
        rsvpBy: '2027-04-10T09:00:00.000Z',
        summit: expect.objectContaining({ startsAt: '2027-05-01T15:00:00.000Z' }),
        datesChanged: { at: '2027-03-26T09:00:00.000Z', reason: 'The venue moved the summit by a week.', closedNominationsEarly: false },
      }),
    );
    expect(awardNominations(db, 2027, { withScores: false })[0].invitation).toEqual(
      expect.objectContaining({ rsvpBy: '2027-04-10T09:00:00.000Z', reminders: 0 }),
    );
  });
});
