import { InvalidState } from '../../errors';
import { addDays } from '../../time';
import { policyByVersion } from '../../decision/policy-catalog';
import { AcceptSurvey, LinkNomination, RejectSurvey, SubmitSurvey } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application } from '../application.state';
import { pins, requireOpen, requireStatus } from './guards';

/** A short reference people can quote on the phone, derived from the id so it needs no counter. */
export const referenceFor = (applicationId: string, now: string) =>
  `APP-${now.slice(0, 4)}-${applicationId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;

export const submitSurvey = ({ data, metadata }: SubmitSurvey, state: Application): ApplicationEvent[] => {
  if (state.status !== 'None') {
    // A retried request (same submitter, same answers) is not a second application.
    const same = state.submittedBy === metadata.actor.id && JSON.stringify(state.survey) === JSON.stringify(data.survey);
    if (same) return [];
    throw new InvalidState('survey.already_submitted', state.status);
  }
  const { applicationId, rubricVersion, policyVersion } = data;
  return [
    {
      type: 'SurveySubmitted',
      data: {
        applicationId,
        rubricVersion,
        policyVersion,
        reference: referenceFor(applicationId, metadata.now),
        survey: data.survey,
        submittedBy: metadata.actor.id,
        asNominator: data.asNominator,
        submittedAt: metadata.now,
      },
    },
  ];
};

// docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: duplicate nominations of the same
// leader and institution are linked, not doubled.
export const linkNomination = ({ data, metadata }: LinkNomination, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const nominatorId = metadata.actor.id;
  if (app.submittedBy === nominatorId || app.nominators.includes(nominatorId)) return [];
  return [{ type: 'NominationLinked', data: { ...pins(app), nominatorId, survey: data.survey, linkedAt: metadata.now } }];
};

export const acceptSurvey = ({ metadata }: AcceptSurvey, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['Screening'], 'survey.not_in_screening');
  const dueAt = addDays(metadata.now, policyByVersion(app.policyVersion).assessmentWindowDays);
  return [{ type: 'SurveyAccepted', data: { ...pins(app), acceptedAt: metadata.now, dueAt } }];
};

export const rejectSurvey = ({ data, metadata }: RejectSurvey, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['Screening'], 'survey.not_in_screening');
  return [{ type: 'SurveyRejected', data: { ...pins(app), reason: data.reason, rejectedAt: metadata.now } }];
};
