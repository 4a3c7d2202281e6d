import { deciderSpec } from '../../../testing/src/decider-spec';
import { InvalidState, NotFound } from '../errors';
import { applicationDecider } from './application.decider';
import { APP_ID, DUE, T0, accepted, applicant, cmd, historyOf, nominator, survey } from './application.fixtures';

const given = deciderSpec(applicationDecider);

describe('application › intake survey', () => {
  it('opens an application pinned to the current rubric and policy, with a reference number', () =>
    given([])
      .when(cmd.submitSurvey())
      .then([
        {
          type: 'SurveySubmitted',
          data: {
            applicationId: APP_ID,
            rubricVersion: 'ic-map.v1',
            policyVersion: 'decision-policy.v1',
            reference: 'APP-2026-3F1C2A',
            survey: survey(),
            submittedBy: applicant.id,
            asNominator: false,
            submittedAt: T0,
          },
        },
      ]));

  it('treats a retried identical submission as already done', () => given(historyOf(cmd.submitSurvey())).when(cmd.submitSurvey()).then([]));

  it('refuses a different survey on an existing application', () =>
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.submitSurvey({ survey: survey({ yearsRunning: 9 }) }))
      .thenThrows(InvalidState, 'survey.already_submitted'));

  it('links a second nomination of the same leader instead of doubling it', () =>
    given(historyOf(cmd.submitSurvey()))
      .when(cmd.linkNomination(nominator))
      .then([
        {
          type: 'NominationLinked',
          data: {
            applicationId: APP_ID,
            rubricVersion: 'ic-map.v1',
            policyVersion: 'decision-policy.v1',
            nominatorId: nominator.id,
            survey: survey(),
            linkedAt: T0,
          },
        },
      ]));

  it('links the same nominator only once', () =>
    given(historyOf(cmd.submitSurvey(), cmd.linkNomination(nominator)))
      .when(cmd.linkNomination(nominator))
      .then([]));

  it('cannot link a nomination to an application that does not exist', () =>
    given([]).when(cmd.linkNomination(nominator)).thenThrows(NotFound, 'application.not_found'));
});

describe('application › screening', () => {
  it('accepts a survey and opens the 30-day assessment window', () => {
    const events = given(historyOf(cmd.submitSurvey())).when(cmd.accept()).thenEvents();
    expect(events).toEqual([
      expect.objectContaining({ type: 'SurveyAccepted', data: expect.objectContaining({ acceptedAt: T0, dueAt: DUE }) }),
    ]);
  });

  it('rejects a survey with its reason', () => {
    const events = given(historyOf(cmd.submitSurvey())).when(cmd.reject('Not a STEM program')).thenEvents();
    expect(events).toEqual([
      expect.objectContaining({ type: 'SurveyRejected', data: expect.objectContaining({ reason: 'Not a STEM program' }) }),
    ]);
  });

  it('refuses to accept twice', () => given(accepted()).when(cmd.accept()).thenThrows(InvalidState, 'survey.not_in_screening'));

  it('refuses to reject an accepted survey', () =>
    given(accepted()).when(cmd.reject('late change of mind')).thenThrows(InvalidState, 'survey.not_in_screening'));

  it('refuses to screen an application that does not exist', () => given([]).when(cmd.accept()).thenThrows(NotFound));
});
