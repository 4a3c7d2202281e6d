import { Actor } from '../../decider';
import { InvalidState, RuleViolation } from '../../errors';
import { addDays } from '../../time';
import { policyByVersion } from '../../decision/policy-catalog';
import {
  AcceptSurvey,
  AmendSurvey,
  ClaimNomination,
  DismissDuplicate,
  LinkNomination,
  RejectSurvey,
  SubmitSurvey,
} from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication, normalizeEmail } from '../application.state';
import { CLOSED_STATUSES } from '../application-status';
import { Survey } from '../application.types';
import { pins, requireApplicant, requireOpen, requireStatus } from './guards';

/** A short reference people can quote on the phone, derived from the id so it needs no counter. */
export const referenceFor = (applicationId: string, now: string) =>
  `APP-${now.slice(0, 4)}-${applicationId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;

// Whatever order the request gave the fields in: the same answers are the same survey.
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;
const sameSurvey = (a: Survey, b: Survey) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The signed-in applicant whose email the survey names: the leader (docs/DOMAIN.md, Who uses it). */
const isLeader = (actor: Actor, contactEmail: string) =>
  actor.role === 'applicant' && !!actor.email && normalizeEmail(actor.email) === normalizeEmail(contactEmail);

const day = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1. On a new stream, a survey opens the
 * application; it is a nomination, waiting for the leader's claim, whenever the submitter is not the leader it names
 * (whatever the request said). On the open application of the same leader and institution: the leader's own survey
 * claims a waiting nomination (their answers replace the nominator's), anyone else's is linked as a nomination.
 */
export const submitSurvey = (command: SubmitSurvey, state: Application): ApplicationEvent[] => {
  const { data, metadata } = command;
  if (state.status !== 'None') {
    // A retried request (same submitter, same answers) is not a second application.
    if (state.submittedBy === metadata.actor.id && sameSurvey(state.survey, data.survey)) return [];
    if (!CLOSED_STATUSES.includes(state.status)) {
      if (isLeader(metadata.actor, state.applicantEmail)) {
        if (state.nomination?.status === 'pending') return claimNomination({ ...command, type: 'ClaimNomination', data }, state);
        if (sameSurvey(state.survey, data.survey)) return [];
        throw new InvalidState(
          'survey.already_submitted',
          state.status,
          { reference: state.reference, applicationId: state.id },
          `you already applied for ${state.survey.institution.name} (${state.reference}); change your answers on that application until staff screen it`,
        );
      }
      if (metadata.actor.role === 'applicant') return linkNomination({ ...command, type: 'LinkNomination', data }, state);
    }
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
        asNominator: !isLeader(metadata.actor, data.survey.contactEmail),
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

/** The leader keeps the contact email the application was opened for: it is what makes them its leader. */
const requireSameContact = (app: OpenApplication, survey: Survey) => {
  if (normalizeEmail(survey.contactEmail) !== app.applicantEmail) {
    throw new RuleViolation(
      'survey.contact_email_changed',
      'the contact email must stay the one this application was opened for: it is the address you sign in with',
      { contactEmail: survey.contactEmail },
    );
  }
};

/** docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: the nominated leader claims the nomination. */
export const claimNomination = ({ data, metadata }: ClaimNomination, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  if (app.nomination?.status !== 'pending') {
    if (sameSurvey(app.survey, data.survey)) return [];
    const claimedAt = app.nomination?.claimedAt;
    throw new InvalidState(
      'nomination.not_pending',
      app.status,
      { claimedAt: claimedAt ?? null },
      claimedAt
        ? `you claimed this nomination on ${day(claimedAt)}; change your answers instead`
        : 'this application is your own, not a nomination waiting for you; change your answers instead',
    );
  }
  requireStatus(app, ['Screening'], 'survey.not_in_screening');
  requireSameContact(app, data.survey);
  return [
    { type: 'NominationClaimed', data: { ...pins(app), survey: data.survey, claimedBy: metadata.actor.id, claimedAt: metadata.now } },
  ];
};

/** docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: the leader corrects the survey until it is screened. */
export const amendSurvey = ({ data, metadata }: AmendSurvey, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireApplicant(metadata.actor, app);
  if (app.status !== 'Screening') {
    // A renewal opens past screening, with the survey on file: it has no screening date to name.
    const when = app.screenedAt ? `it was screened on ${day(app.screenedAt)}` : `the application is past screening (${app.status})`;
    throw new InvalidState(
      'survey.already_screened',
      app.status,
      { screenedAt: app.screenedAt ?? null },
      `the survey can no longer be changed: ${when}`,
    );
  }
  if (app.nomination?.status === 'pending') {
    throw new InvalidState(
      'survey.unclaimed',
      app.status,
      { nominatedAt: app.nomination.nominatedAt },
      'this is a nomination waiting for you: claim it with your own answers first',
    );
  }
  requireSameContact(app, data.survey);
  if (sameSurvey(app.survey, data.survey)) return [];
  return [{ type: 'SurveyAmended', data: { ...pins(app), survey: data.survey, amendedBy: metadata.actor.id, amendedAt: metadata.now } }];
};

/** docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: a possible duplicate staff found is not one. */
export const dismissDuplicate = ({ data, metadata }: DismissDuplicate, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  if (data.otherApplicationId === app.id) {
    throw new RuleViolation('duplicate.same_application', 'an application cannot be a duplicate of itself', { otherApplicationId: app.id });
  }
  if (app.notDuplicates?.includes(data.otherApplicationId)) return [];
  return [
    {
      type: 'DuplicateDismissed',
      data: { ...pins(app), otherApplicationId: data.otherApplicationId, dismissedBy: metadata.actor.id, dismissedAt: metadata.now },
    },
  ];
};

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: a nomination is accepted only once the
 * leader has claimed it; staff may turn an unclaimed one down.
 */
export const acceptSurvey = ({ metadata }: AcceptSurvey, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['Screening'], 'survey.not_in_screening');
  if (app.nomination?.status === 'pending') {
    throw new InvalidState(
      'survey.unclaimed',
      app.status,
      { nominatedAt: app.nomination.nominatedAt },
      `the leader it names has not yet claimed this nomination (nominated on ${day(app.nomination.nominatedAt)}); it can be accepted once they do, or turned down now`,
    );
  }
  const dueAt = addDays(metadata.now, policyByVersion(app.policyVersion).assessmentWindowDays);
  return [{ type: 'SurveyAccepted', data: { ...pins(app), acceptedAt: metadata.now, dueAt } }];
};

export const rejectSurvey = ({ data, metadata }: RejectSurvey, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  requireStatus(app, ['Screening'], 'survey.not_in_screening');
  return [{ type: 'SurveyRejected', data: { ...pins(app), reason: data.reason, rejectedAt: metadata.now } }];
};
