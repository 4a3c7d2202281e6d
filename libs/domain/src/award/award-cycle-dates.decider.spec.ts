import { deciderSpec } from '../../../testing/src/decider-spec';
import { DeadlinePassed, Forbidden, RuleViolation } from '../errors';
import { awardCycleDecider } from './award-cycle.decider';
import { AwardCycleDatesChanged, AwardCycleEvent, AwardNominationNotSelected } from './award-cycle.events';
import { AwardCycle } from './award-cycle.state';
import { AwardConflict } from './award.errors';
import { CLOSES, RSVP_BY, SUMMIT, award, chair, cycleHistory, scored } from './award.fixtures';

const given = deciderSpec(awardCycleDecider);
const fold = (events: AwardCycleEvent[]) =>
  events.reduce(awardCycleDecider.evolve, awardCycleDecider.initialState()) as Exclude<AwardCycle, { status: 'None' }>;
const opened = () => cycleHistory(award.open(), award.nominate('a'));
const EARLY = '2027-02-01T14:30:00.000Z';

describe('award cycle › changing the dates', () => {
  it('staff close nominations early, effective at once: a nomination after that is refused with the date, and scoring may close', () => {
    const [changed] = given(opened())
      .when(award.dates({ closeNow: true }, { now: EARLY, reason: 'Enough strong nominations this year.' }))
      .thenEvents() as [AwardCycleDatesChanged];
    expect(changed).toEqual({
      type: 'AwardCycleDatesChanged',
      data: {
        awardCycleId: 'award-cycle-2027',
        year: 2027,
        award: 'IASL Leadership Award 2027',
        nominationsCloseAt: EARLY,
        rsvpBy: RSVP_BY,
        summit: SUMMIT,
        previous: { nominationsCloseAt: CLOSES, rsvpBy: RSVP_BY, summitStartsAt: SUMMIT.startsAt },
        closedNominationsEarly: true,
        invitations: [],
        reason: 'Enough strong nominations this year.',
        changedBy: 'user-staff',
        changedAt: EARLY,
      },
    });
    const after = [...opened(), changed];
    given(after)
      .when(award.nominate('b', { now: '2027-02-01T15:00:00.000Z' }))
      .thenThrows(DeadlinePassed, 'award-nomination.deadline_passed');
    expect(
      given(after)
        .when(award.close('2027-02-01T15:00:00.000Z'))
        .thenEvents()
        .map((e) => e.type),
    ).toEqual(['AwardScoringClosed']);
  });

  it('staff extend open nominations, and a nomination after the old date is accepted', () => {
    const extended = cycleHistory(award.open(), award.dates({ nominationsCloseAt: '2027-03-01T09:00:00.000Z' }));
    expect(fold(extended).nominationsCloseAt).toBe('2027-03-01T09:00:00.000Z');
    expect(
      given(extended)
        .when(award.nominate('a', { now: '2027-02-20T09:00:00.000Z' }))
        .thenEvents(),
    ).toHaveLength(1);
  });

  it('staff move the summit within its year, and the RSVP date', () => {
    const moved = cycleHistory(
      award.open(),
      award.dates({ rsvpBy: '2027-04-15T09:00:00.000Z', summitStartsAt: '2027-05-08T15:00:00.000Z' }),
    );
    expect(fold(moved)).toEqual(
      expect.objectContaining({
        rsvpBy: '2027-04-15T09:00:00.000Z',
        summit: { startsAt: '2027-05-08T15:00:00.000Z', place: SUMMIT.place },
      }),
    );
  });

  it('the same dates again decide nothing', () =>
    given(opened())
      .when(award.dates({ nominationsCloseAt: CLOSES, rsvpBy: RSVP_BY }))
      .then([]));

  it('a date that has passed is not moved: closed nominations do not reopen, a past RSVP date or summit stays', () => {
    given(opened())
      .when(award.dates({ nominationsCloseAt: '2027-03-01T09:00:00.000Z' }, { now: '2027-02-16T09:00:00.000Z' }))
      .thenThrows(AwardConflict, 'award.date_passed');
    given(opened())
      .when(award.dates({ closeNow: true }, { now: '2027-02-16T09:00:00.000Z' }))
      .thenThrows(AwardConflict, 'award.date_passed');
    given(scored())
      .when(award.dates({ rsvpBy: '2027-04-10T09:00:00.000Z' }, { now: '2027-04-02T09:00:00.000Z' }))
      .thenThrows(AwardConflict, 'award.date_passed');
    given(scored())
      .when(award.dates({ summitStartsAt: '2027-06-01T09:00:00.000Z' }, { now: '2027-04-25T09:00:00.000Z' }))
      .thenThrows(AwardConflict, 'award.date_passed');
  });

  it('names the deciding date when nominations have closed', () => {
    expect(() =>
      awardCycleDecider.decide(
        award.dates({ nominationsCloseAt: '2027-03-01T09:00:00.000Z' }, { now: '2027-02-16T09:00:00.000Z' }),
        fold(opened()),
      ),
    ).toThrow('nominations closed on 2027-02-15 (UTC)');
  });

  it('dates stay in order, in the future, and the summit in the cycle’s year', () => {
    given(opened())
      .when(award.dates({ nominationsCloseAt: '2027-01-10T09:00:00.000Z' }))
      .thenThrows(RuleViolation, 'award.invalid_dates');
    given(opened())
      .when(award.dates({ nominationsCloseAt: '2027-04-02T09:00:00.000Z' }))
      .thenThrows(RuleViolation, 'award.invalid_dates');
    given(opened())
      .when(award.dates({ rsvpBy: '2027-04-25T09:00:00.000Z' }))
      .thenThrows(RuleViolation, 'award.invalid_dates');
    given(opened())
      .when(award.dates({ summitStartsAt: '2028-01-10T09:00:00.000Z', rsvpBy: '2027-12-01T09:00:00.000Z' }))
      .thenThrows(RuleViolation, 'award.summit_outside_year');
    given(opened())
      .when(award.dates({ closeNow: true, nominationsCloseAt: '2027-02-01T09:00:00.000Z' }))
      .thenThrows(RuleViolation, 'award.invalid_dates');
    given(opened())
      .when(award.dates({ rsvpBy: 'next Tuesday' }))
      .thenThrows(RuleViolation, 'award.invalid_dates');
  });

  it('needs a reason, and only staff change dates', () => {
    given(opened())
      .when(award.dates({ closeNow: true }, { reason: '  ' }))
      .thenThrows(RuleViolation, 'award.dates_reason_required');
    given(opened())
      .when(award.dates({ closeNow: true }, { actor: chair }))
      .thenThrows(Forbidden, 'award.not_allowed');
  });

  it('after the invitations, the RSVP date only moves later; invitations follow it and their timers start over', () => {
    const invited = [
      ...scored(),
      ...given(scored())
        .when(award.select(['nom-a']))
        .thenEvents(),
    ];
    given(invited)
      .when(award.dates({ rsvpBy: '2027-03-20T09:00:00.000Z' }, { now: '2027-02-21T09:00:00.000Z' }))
      .thenThrows(AwardConflict, 'award.rsvp_promised');
    const reminded = [...invited, ...given(invited).when(award.remind('a')).thenEvents()];
    const [changed] = given(reminded)
      .when(award.dates({ rsvpBy: '2027-04-10T09:00:00.000Z' }, { now: '2027-03-26T09:00:00.000Z' }))
      .thenEvents() as [AwardCycleDatesChanged];
    expect(changed.data.invitations).toEqual([{ nominationId: 'nom-a', applicationId: 'app-a' }]);
    const history = [...reminded, changed];
    expect(fold(history).nominations[0].invitation).toEqual({ status: 'invited', rsvpBy: '2027-04-10T09:00:00.000Z', reminders: [] });
    // The timers set for the old date decide nothing; those for the new one act.
    given(history).when(award.remind('a')).then([]);
    given(history).when(award.closeRsvp('a', '2027-04-02T09:00:00.000Z')).then([]);
    expect(
      given(history)
        .when(award.remind('a', '2027-04-10T09:00:00.000Z'))
        .thenEvents()
        .map((e) => e.type),
    ).toEqual(['SummitRsvpReminderIssued']);
    expect(
      given(history)
        .when(award.respond('a', true, { now: '2027-04-05T09:00:00.000Z' }))
        .thenEvents()
        .map((e) => e.type),
    ).toEqual(['SummitInvitationAccepted']);
  });
});

describe('award cycle › the summit takes place in the cycle’s year', () => {
  it('opening a 2028 cycle with its summit in 2027 is refused, naming both years', () => {
    const open = award.open();
    const cycle2028 = { ...open, data: { ...open.data, year: 2028 } } as typeof open;
    given([]).when(cycle2028).thenThrows(RuleViolation, 'award.summit_outside_year');
    expect(() => awardCycleDecider.decide(cycle2028, awardCycleDecider.initialState())).toThrow(
      'the summit of the 2028 award cycle must take place in 2028; 2027-04-24 (UTC) is in 2027',
    );
  });
});

describe('award cycle › not selected', () => {
  it('when the board selects, every other nominee is told they were not selected, once', () => {
    const events = given(scored())
      .when(award.select(['nom-a']))
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['AwardRecipientsSelected', 'SummitInvitationSent', 'AwardNominationNotSelected']);
    expect((events[2] as AwardNominationNotSelected).data).toEqual(
      expect.objectContaining({ nominationId: 'nom-b', applicationId: 'app-b', award: 'IASL Leadership Award 2027' }),
    );
    given([...scored(), ...events])
      .when(award.select(['nom-a']))
      .thenThrows(AwardConflict, 'award.already_selected');
  });
});
