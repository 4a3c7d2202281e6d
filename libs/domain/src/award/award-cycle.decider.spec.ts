import { deciderSpec } from '../../../testing/src/decider-spec';
import { DeadlinePassed, Forbidden, NotFound, RuleViolation } from '../errors';
import { awardCycleDecider } from './award-cycle.decider';
import { AwardRecipientsSelected, AwardScoringClosed, SummitInvitationSent } from './award-cycle.events';
import { AwardConflict } from './award.errors';
import {
  AWARD,
  CLOSES,
  RSVP_BY,
  SUMMIT,
  YEAR,
  award,
  chair,
  cycleHistory,
  leaderOf,
  levels,
  member,
  nominee,
  portfolio,
  scored,
  staffer,
  standingOf,
  teacher,
} from './award.fixtures';

const given = deciderSpec(awardCycleDecider);
const opened = () => cycleHistory(award.open());

describe('award cycle › opening', () => {
  it('staff open a year with the award, the number of awards, the deadlines and the summit', () =>
    given([])
      .when(award.open())
      .then([
        {
          type: 'AwardCycleOpened',
          data: {
            awardCycleId: 'award-cycle-2027',
            year: YEAR,
            award: AWARD,
            criteriaVersion: 'award-criteria.v1',
            awardsAvailable: 2,
            nominationsCloseAt: CLOSES,
            rsvpBy: RSVP_BY,
            summit: SUMMIT,
            openedAt: '2027-01-05T09:00:00.000Z',
          },
        },
      ]));

  it('only staff open a cycle, once a year', () => {
    given([])
      .when(award.open({ actor: chair }))
      .thenThrows(Forbidden, 'award.not_allowed');
    given(opened()).when(award.open()).thenThrows(AwardConflict, 'award.cycle_exists');
  });

  it('refuses dates out of order', () =>
    given([])
      .when(award.open({ now: '2027-03-01T09:00:00.000Z' }))
      .thenThrows(RuleViolation, 'award.invalid_dates'));
});

describe('award cycle › nominations', () => {
  it('the leader nominates their designated program with up to three teachers and three student portfolios', () => {
    const [event] = given(opened())
      .when(award.nominate('a', { teachers: [teacher(1), teacher(2), teacher(3)], portfolios: [portfolio(1), portfolio(2), portfolio(3)] }))
      .thenEvents();
    expect(event).toEqual({
      type: 'AwardNominationSubmitted',
      data: expect.objectContaining({
        awardCycleId: 'award-cycle-2027',
        year: YEAR,
        nominationId: 'nom-a',
        applicationId: 'app-a',
        leaderName: 'Leader A',
        institutionName: 'School A',
        designation: 'CharterMembership',
        nominatedBy: 'user-a',
        nominatedByRole: 'applicant',
        teachers: expect.arrayContaining([teacher(3)]),
      }),
    });
  });

  it('staff may nominate any designated program', () =>
    expect(
      given(opened())
        .when(award.nominate('b', { actor: staffer }))
        .thenEvents()[0].data,
    ).toEqual(expect.objectContaining({ nominatedBy: 'user-staff', nominatedByRole: 'staff' })));

  it('refuses a program without an active designation, saying why', () =>
    given(opened())
      .when(award.nominate('a', { nominee: nominee('a', { designation: null, notDesignatedBecause: 'the designation is suspended' }) }))
      .thenThrows(AwardConflict, 'award.not_designated'));

  it('refuses a program whose term is over while its expiry timer is late (the status still reads active)', () => {
    const lapsed = nominee('a', { termEndsAt: '2027-01-20T09:00:00.000Z' });
    given(opened())
      .when(award.nominate('a', { nominee: lapsed }))
      .thenThrows(AwardConflict, 'award.term_ended');
    expect(
      given(opened())
        .when(award.nominate('a', { nominee: nominee('a', { termEndsAt: null }) }))
        .thenEvents(),
    ).toHaveLength(1);
  });

  it("an applicant cannot nominate someone else's application: it reads as missing", () =>
    given(opened())
      .when(award.nominate('a', { actor: leaderOf('b') }))
      .thenThrows(NotFound, 'application.not_found'));

  it('refuses a fourth teacher or portfolio, a second nomination of one program, and a late one', () => {
    const four = [1, 2, 3, 4];
    given(opened())
      .when(award.nominate('a', { teachers: four.map(teacher) }))
      .thenThrows(RuleViolation, 'award.too_many_teachers');
    given(opened())
      .when(award.nominate('a', { portfolios: four.map(portfolio) }))
      .thenThrows(RuleViolation, 'award.too_many_portfolios');
    given(cycleHistory(award.open(), award.nominate('a')))
      .when(award.nominate('a', { actor: staffer }))
      .thenThrows(AwardConflict, 'award.already_nominated');
    given(opened())
      .when(award.nominate('a', { now: CLOSES }))
      .thenThrows(DeadlinePassed, 'award-nomination.deadline_passed');
  });

  it('reviewers, board members and auditors do not nominate', () =>
    given(opened())
      .when(award.nominate('a', { actor: chair }))
      .thenThrows(Forbidden, 'award.not_allowed'));
});

describe('award cycle › board scoring', () => {
  const nominated = () => cycleHistory(award.open(), award.nominate('a'), award.nominate('b'));

  it('a board member scores every criterion 1-5, in the criteria order', () => {
    const [event] = given(nominated())
      .when(award.score('a', 4, { scores: [...levels(4)].reverse() }))
      .thenEvents();
    expect(event.data).toEqual(
      expect.objectContaining({ nominationId: 'nom-a', applicationId: 'app-a', boardMemberId: 'board-chair', scores: levels(4) }),
    );
  });

  it('refuses missing, unknown or out-of-range criteria', () => {
    given(nominated())
      .when(award.score('a', 4, { scores: levels(4).slice(1) }))
      .thenThrows(RuleViolation, 'award.scores_invalid');
    given(nominated()).when(award.score('a', 6)).thenThrows(RuleViolation, 'award.scores_invalid');
    given(nominated())
      .when(award.score('a', 3, { scores: [...levels(3), { criterion: 'charisma', level: 3 }] }))
      .thenThrows(RuleViolation, 'award.scores_invalid');
  });

  it('a board member does not score a nomination from their own institution', () =>
    given(nominated())
      .when(award.score('a', 5, { actor: member, institution: ' school a ' }))
      .thenThrows(Forbidden, 'award.conflict_of_interest'));

  it('only the board scores, and only nominations that exist', () => {
    given(nominated())
      .when(award.score('a', 4, { actor: staffer }))
      .thenThrows(Forbidden, 'award.not_allowed');
    given(nominated()).when(award.score('c', 4)).thenThrows(NotFound, 'award-nomination.not_found');
  });

  it('closing after the deadline fixes the ranking by mean score; a second close changes nothing', () => {
    const history = cycleHistory(
      award.open(),
      award.nominate('a'),
      award.nominate('b'),
      award.score('a', 3),
      award.score('b', 5),
      award.score('b', 4, { actor: member }),
    );
    const [closed] = given(history).when(award.close()).thenEvents() as [AwardScoringClosed];
    expect(closed.data.ranking).toEqual([
      { nominationId: 'nom-b', applicationId: 'app-b', meanScore: 4.5, scoreCount: 2 },
      { nominationId: 'nom-a', applicationId: 'app-a', meanScore: 3, scoreCount: 1 },
    ]);
    given([...history, closed])
      .when(award.close())
      .then([]);
    given([...history, closed])
      .when(award.score('a', 5))
      .thenThrows(AwardConflict, 'award.scoring_closed');
  });

  it('scoring cannot close while nominations are open', () =>
    given(nominated()).when(award.close('2027-02-01T09:00:00.000Z')).thenThrows(AwardConflict, 'award.nominations_still_open'));
});

describe('award cycle › selection and the summit', () => {
  it('the board selects recipients and each is invited to the summit with the RSVP date', () => {
    const [selected, invitation] = given(scored())
      .when(award.select(['nom-a']))
      .thenEvents() as [AwardRecipientsSelected, SummitInvitationSent];
    expect(selected.data).toEqual(
      expect.objectContaining({
        award: AWARD,
        recipients: [{ nominationId: 'nom-a', applicationId: 'app-a' }],
        overridesRanking: false,
        justification: null,
        selectedBy: 'board-chair',
      }),
    );
    expect(invitation).toEqual({
      type: 'SummitInvitationSent',
      data: expect.objectContaining({ nominationId: 'nom-a', applicationId: 'app-a', award: AWARD, summit: SUMMIT, rsvpBy: RSVP_BY }),
    });
  });

  it('passing over a higher-ranked nomination needs a written justification', () => {
    given(scored())
      .when(award.select(['nom-b']))
      .thenThrows(RuleViolation, 'award.justification_required');
    const why = 'The site visit showed the strongest reach into rural schools.';
    const [selected] = given(scored())
      .when(award.select(['nom-b'], why))
      .thenEvents() as [AwardRecipientsSelected];
    expect(selected.data).toEqual(expect.objectContaining({ overridesRanking: true, justification: why }));
  });

  it('refuses a recipient whose designation no longer stands: suspended, renewed or expired since the nomination, or a term over', () => {
    const now = '2027-02-20T09:00:00.000Z';
    const suspended = { ...standingOf(nominee('a')), designation: null, notDesignatedBecause: 'the designation is suspended' };
    given(scored())
      .when(award.select(['nom-a'], null, now, [suspended]))
      .thenThrows(AwardConflict, 'award.recipient_not_designated');
    const lapsed = { ...standingOf(nominee('a')), termEndsAt: '2027-02-19T09:00:00.000Z' };
    given(scored())
      .when(award.select(['nom-a'], null, now, [lapsed]))
      .thenThrows(AwardConflict, 'award.recipient_not_designated');
    // A chosen program the handler found no standing for is not awarded either.
    given(scored())
      .when(award.select(['nom-a'], null, now, []))
      .thenThrows(AwardConflict, 'award.recipient_not_designated');
    // Only the chosen ones are checked: another nomination's lapse does not block this selection.
    const others = [
      standingOf(nominee('a')),
      { ...standingOf(nominee('b')), designation: null, notDesignatedBecause: 'the designation is expired' },
    ];
    expect(
      given(scored())
        .when(award.select(['nom-a'], null, now, others))
        .thenEvents()[0].type,
    ).toBe('AwardRecipientsSelected');
  });

  it('refuses more recipients than awards, unknown nominations, selection before scoring closes and a second selection', () => {
    const one = cycleHistory(award.open({ awardsAvailable: 1 }), award.nominate('a'), award.nominate('b'), award.close());
    given(one)
      .when(award.select(['nom-a', 'nom-b']))
      .thenThrows(RuleViolation, 'award.too_many_recipients');
    given(scored())
      .when(award.select(['nom-c']))
      .thenThrows(NotFound, 'award-nomination.not_found');
    given(cycleHistory(award.open(), award.nominate('a')))
      .when(award.select(['nom-a']))
      .thenThrows(AwardConflict, 'award.scoring_open');
    given(cycleHistory(award.open(), award.nominate('a'), award.close(), award.select(['nom-a'])))
      .when(award.select(['nom-a']))
      .thenThrows(AwardConflict, 'award.already_selected');
  });
});

describe('award cycle › RSVP', () => {
  const invitedCommands = () => [
    award.open(),
    award.nominate('a'),
    award.nominate('b'),
    award.score('a', 5),
    award.score('b', 3),
    award.close(),
    award.select(['nom-a', 'nom-b']),
  ];
  const invited = () => cycleHistory(...invitedCommands());

  it('the leader accepts; saying it again changes nothing; they may change their mind before the RSVP date', () => {
    const [accepted] = given(invited()).when(award.respond('a', true)).thenEvents();
    expect(accepted).toEqual({
      type: 'SummitInvitationAccepted',
      data: expect.objectContaining({ nominationId: 'nom-a', applicationId: 'app-a', respondedBy: 'user-a' }),
    });
    given([...invited(), accepted])
      .when(award.respond('a', true))
      .then([]);
    expect(
      given([...invited(), accepted])
        .when(award.respond('a', false, { reason: 'A family wedding that weekend.' }))
        .thenEvents()[0],
    ).toEqual({ type: 'SummitInvitationDeclined', data: expect.objectContaining({ reason: 'A family wedding that weekend.' }) });
  });

  it("someone else's invitation reads as missing, and answers after the RSVP date are refused", () => {
    given(invited())
      .when(award.respond('a', true, { actor: leaderOf('b') }))
      .thenThrows(NotFound, 'award-invitation.not_found');
    given(invited())
      .when(award.respond('a', true, { now: RSVP_BY }))
      .thenThrows(DeadlinePassed, 'award-rsvp.deadline_passed');
  });

  it('reminds a pending invitation once, and marks it unanswered at the RSVP date; stale or early timers decide nothing', () => {
    const [reminder] = given(invited()).when(award.remind('a')).thenEvents();
    expect(reminder).toEqual({
      type: 'SummitRsvpReminderIssued',
      data: expect.objectContaining({ nominationId: 'nom-a', rsvpBy: RSVP_BY, daysBefore: 7 }),
    });
    given([...invited(), reminder])
      .when(award.remind('a'))
      .then([]);
    given(invited()).when(award.remind('a', '2027-03-01T09:00:00.000Z')).then([]);
    given(invited()).when(award.closeRsvp('a', '2027-03-20T09:00:00.000Z')).then([]);
    expect(
      given(invited())
        .when(award.closeRsvp('a'))
        .thenEvents()
        .map((e) => e.type),
    ).toEqual(['SummitInvitationUnanswered']);
    given(cycleHistory(...invitedCommands(), award.respond('a', true)))
      .when(award.closeRsvp('a'))
      .then([]);
  });
});
