import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden, InvalidState, RuleViolation } from '../errors';
import { applicationDecider } from './application.decider';
import { APP_ID, T0, applicant, cmd, historyOf, historyOfAfter, nominator, staff, survey } from './application.fixtures';

const given = deciderSpec(applicationDecider);
const T1 = '2026-01-12T15:30:00.000Z';
const stranger = { id: 'user-stranger', role: 'applicant' as const, email: 'stranger@example.net' };
const pins = { applicationId: APP_ID, rubricVersion: 'ic-map.v1', policyVersion: 'decision-policy.v1' };
const leaderSurvey = survey({ programDescription: 'In my own words: a K-8 academy built around robotics.' });
const nominated = () =>
  historyOf(cmd.submitSurvey({ actor: stranger, survey: survey({ programDescription: 'A stranger wrote this text.' }) }));

describe('application › nominations wait for the leader', () => {
  it('records a survey sent by anyone but the leader it names as a nomination, whatever the request said', () => {
    const [event] = given([])
      .when(cmd.submitSurvey({ actor: stranger, asNominator: false }))
      .thenEvents();
    expect(event).toEqual(expect.objectContaining({ type: 'SurveySubmitted', data: expect.objectContaining({ asNominator: true }) }));
  });

  it('records the leader applying for themself as an application, even when they ticked "nominating"', () => {
    const [event] = given([])
      .when(cmd.submitSurvey({ asNominator: true }))
      .thenEvents();
    expect(event).toEqual(expect.objectContaining({ data: expect.objectContaining({ asNominator: false }) }));
  });

  it('lets the leader claim it with their own answers, which replace the nominator text', () =>
    given(nominated())
      .when(cmd.claim({ survey: leaderSurvey, now: T1 }))
      .then([{ type: 'NominationClaimed', data: { ...pins, survey: leaderSurvey, claimedBy: applicant.id, claimedAt: T1 } }]));

  it("takes the leader's own survey as the claim when they apply after a stranger's nomination", () =>
    given(nominated())
      .when(cmd.submitSurvey({ survey: leaderSurvey, now: T1 }))
      .then([{ type: 'NominationClaimed', data: { ...pins, survey: leaderSurvey, claimedBy: applicant.id, claimedAt: T1 } }]));

  it('folds the claim: the survey is the leader’s and staff may now accept it', () => {
    const history = historyOfAfter(nominated(), cmd.claim({ survey: leaderSurvey }));
    const state = history.reduce(applicationDecider.evolve, applicationDecider.initialState());
    expect(state).toEqual(expect.objectContaining({ survey: leaderSurvey, nomination: expect.objectContaining({ status: 'claimed' }) }));
    expect(given(history).when(cmd.accept()).thenEvents()).toEqual([expect.objectContaining({ type: 'SurveyAccepted' })]);
  });

  it('refuses to accept a nomination before the leader claims it, naming when it was made', () => {
    const error = given(nominated()).when(cmd.accept(T1)).thenRefusal(InvalidState, 'survey.unclaimed');
    expect(error.message).toContain('nominated on 2026-01-10 09:00 UTC');
  });

  it('lets staff turn down an unclaimed nomination', () =>
    expect(given(nominated()).when(cmd.reject('Nobody at this school asked for it')).thenEvents()).toEqual([
      expect.objectContaining({ type: 'SurveyRejected' }),
    ]));

  it('refuses the claim of anyone but the leader it names, the nominator included', () =>
    given(nominated())
      .when(cmd.claim({ actor: stranger }))
      .thenThrows(Forbidden, 'application.not_applicant'));

  it('refuses a claim that changes the contact email', () =>
    given(nominated())
      .when(cmd.claim({ survey: survey({ contactEmail: 'other@riverside.edu' }) }))
      .thenThrows(RuleViolation, 'survey.contact_email_changed'));

  it('answers a repeated claim with the same answers with nothing, and a different one with the date it was claimed', () => {
    const claimed = historyOfAfter(nominated(), cmd.claim({ survey: leaderSurvey, now: T1 }));
    given(claimed)
      .when(cmd.claim({ survey: leaderSurvey }))
      .then([]);
    const error = given(claimed)
      .when(cmd.claim({ survey: survey() }))
      .thenRefusal(InvalidState, 'nomination.not_pending');
    expect(error.message).toContain('claimed this nomination on 2026-01-12 15:30 UTC');
  });

  it('refuses a claim on the leader’s own application: there is nothing to claim', () =>
    given(historyOf(cmd.submitSurvey())).when(cmd.claim()).thenThrows(InvalidState, 'nomination.not_pending'));

  it("links another nominator's survey without touching the leader's claim", () =>
    given(historyOfAfter(nominated(), cmd.claim()))
      .when(cmd.submitSurvey({ actor: nominator }))
      .then([{ type: 'NominationLinked', data: { ...pins, nominatorId: nominator.id, survey: survey(), linkedAt: T0 } }]));

  it('tells the leader who applies again with other answers to change them on the application instead', () => {
    const error = given(historyOf(cmd.submitSurvey()))
      .when(cmd.submitSurvey({ survey: survey({ yearsRunning: 9 }) }))
      .thenRefusal(InvalidState, 'survey.already_submitted');
    expect(error.message).toContain('APP-2026-3F1C2A');
  });
});

describe('application › staff find a possible duplicate is not one', () => {
  const OTHER = '3f1c2a9e-0000-4000-8000-000000000002';

  it('records it, once', () => {
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.notDuplicate(OTHER, T1))
      .then([{ type: 'DuplicateDismissed', data: { ...pins, otherApplicationId: OTHER, dismissedBy: staff.id, dismissedAt: T1 } }]);
    given(historyOf(cmd.submitSurvey(), cmd.notDuplicate(OTHER)))
      .when(cmd.notDuplicate(OTHER))
      .then([]);
  });

  it('refuses the application itself', () =>
    given(historyOf(cmd.submitSurvey())).when(cmd.notDuplicate(APP_ID)).thenThrows(RuleViolation, 'duplicate.same_application'));
});

describe('application › the leader changes their survey until it is screened', () => {
  const changed = survey({ yearsRunning: 7, partners: ['Clemson Extension'] });

  it('records the changed answers', () =>
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.amend({ survey: changed, now: T1 }))
      .then([{ type: 'SurveyAmended', data: { ...pins, survey: changed, amendedBy: applicant.id, amendedAt: T1 } }]));

  it('folds the changed answers into the survey staff screen', () => {
    const history = historyOf(cmd.submitSurvey(), cmd.amend({ survey: changed }));
    const state = history.reduce(applicationDecider.evolve, applicationDecider.initialState());
    expect(state).toEqual(expect.objectContaining({ survey: changed }));
  });

  it('answers the same answers again with nothing, whatever order their fields come in', () => {
    const reordered = Object.fromEntries(Object.entries(survey()).reverse()) as ReturnType<typeof survey>;
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.amend({ survey: reordered }))
      .then([]);
  });

  it('lets the leader change a claimed nomination', () =>
    expect(
      given(historyOfAfter(nominated(), cmd.claim()))
        .when(cmd.amend({ survey: changed }))
        .thenEvents(),
    ).toEqual([expect.objectContaining({ type: 'SurveyAmended' })]));

  it('refuses once staff have screened it, saying when', () => {
    const error = given(historyOf(cmd.submitSurvey(), cmd.accept(T1)))
      .when(cmd.amend({ survey: changed }))
      .thenRefusal(InvalidState, 'survey.already_screened');
    expect(error.message).toContain('screened on 2026-01-12 15:30 UTC');
  });

  it('refuses after a rejection too', () =>
    given(historyOf(cmd.submitSurvey(), cmd.reject('Not a STEM program')))
      .when(cmd.amend({ survey: changed }))
      .thenThrows(InvalidState, 'survey.already_screened'));

  it('refuses the nominator and staff', () => {
    given(nominated())
      .when(cmd.amend({ actor: stranger }))
      .thenThrows(Forbidden, 'application.not_applicant');
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.amend({ actor: staff }))
      .thenThrows(Forbidden, 'application.not_applicant');
  });

  it('refuses a nomination not yet claimed: the leader claims it first', () =>
    given(nominated()).when(cmd.amend()).thenThrows(InvalidState, 'survey.unclaimed'));

  it('refuses a change of contact email', () =>
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.amend({ survey: survey({ contactEmail: 'elsewhere@example.org' }) }))
      .thenThrows(RuleViolation, 'survey.contact_email_changed'));
});
