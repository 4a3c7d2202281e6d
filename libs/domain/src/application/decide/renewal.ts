import { Forbidden, InvalidState, RuleViolation } from '../../errors';
import { addDays, dayOf, isPast } from '../../time';
import { DecisionPolicy } from '../../decision/decision-policy';
import { policyByVersion } from '../../decision/policy-catalog';
import { ConcludeRenewal, ExpireDesignation, OpenRenewal, RemindRenewal, StartRenewal } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication, normalizeEmail, reminderKey } from '../application.state';
import { referenceFor } from './intake';
import { pins, requireOpen } from './guards';

/**
 * docs/DOMAIN.md, Renewal and term: a designation has a term (a policy number, 5 years in v1, as Ohio's STEM
 * designation); renewal runs a new assessment and review with the earlier years' history in view; an unrenewed
 * designation expires. The term end is firm: a renewal must be decided (designating) before it, or the designation
 * expires; a renewal decided later grants a designation of its own on the renewal's stream, the old one stays
 * expired.
 */

/** The same calendar day `years` later (29 February falls to 1 March), at the same time of day. */
export const termEndsAt = (decidedAt: string, policy: DecisionPolicy): string => {
  const d = new Date(Date.parse(decidedAt));
  d.setUTCFullYear(d.getUTCFullYear() + policy.designationTermYears);
  return d.toISOString();
};

/**
 * What a designating decision records about its term (recordDecision, first decisions and appeals alike). A renewal
 * decided before the old term ends continues from that end, so renewing early costs the program nothing.
 */
export const designationTerm = (app: OpenApplication, granted: boolean, now: string) => {
  const renewalOf = app.renewal?.of ?? null;
  if (!granted) return { termEndsAt: null, renewalOf };
  const previousEnd = app.renewal?.previousTermEndsAt;
  const from = previousEnd && !isPast(previousEnd, now) ? previousEnd : now;
  return { termEndsAt: termEndsAt(from, policyByVersion(app.policyVersion)), renewalOf };
};

/** A designation still running: active or suspended, not expired or renewed. */
const running = (app: OpenApplication) =>
  app.designation && ['active', 'suspended'].includes(app.designation.status) ? app.designation : null;

const open = (state: Application): OpenApplication | null => (state.status === 'None' ? null : state);

export const remindRenewal = ({ data, metadata }: RemindRenewal, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const designation = app && running(app);
  if (!app || !designation || designation.termEndsAt !== data.termEndsAt || designation.renewalId) return [];
  if (!isPast(addDays(data.termEndsAt, -data.daysBefore), metadata.now) || isPast(data.termEndsAt, metadata.now)) return [];
  if (app.reminders.includes(reminderKey('renewal', data.termEndsAt, data.daysBefore))) return [];
  return [{ type: 'RenewalReminderIssued', data: { ...pins(app), ...data, remindedAt: metadata.now } }];
};

// An unrenewed designation expires at the end of its term; a renewal merely started does not hold it open.
export const expireDesignation = ({ data, metadata }: ExpireDesignation, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const designation = app && running(app);
  if (!app || !designation || designation.termEndsAt !== data.termEndsAt || !isPast(data.termEndsAt, metadata.now)) return [];
  return [{ type: 'DesignationExpired', data: { ...pins(app), termEndsAt: data.termEndsAt, expiredAt: metadata.now } }];
};

/** The leader named on the survey, or staff acting for them, start a renewal before the term ends. */
export const startRenewal = ({ data, metadata }: StartRenewal, state: Application): ApplicationEvent[] => {
  const app = requireOpen(state);
  const { actor, now } = metadata;
  const owner = actor.role === 'applicant' && !!actor.email && normalizeEmail(actor.email) === app.applicantEmail;
  if (!owner && actor.role !== 'staff') throw new Forbidden('renewal.not_allowed', 'only the applicant or staff may start a renewal');
  const designation = running(app);
  if (!designation) throw new InvalidState('renewal.no_designation', app.designation?.status ?? app.status);
  // A retried request names the same renewal: nothing new to record.
  if (designation.renewalId === data.renewalId) return [];
  if (designation.renewalId)
    throw new InvalidState(
      'renewal.already_started',
      app.status,
      { renewalId: designation.renewalId },
      'a renewal of this designation is already started',
    );
  if (!designation.termEndsAt) throw new InvalidState('renewal.no_term', app.status, {}, 'this designation has no term end to renew from');
  if (isPast(designation.termEndsAt, now))
    throw new InvalidState(
      'renewal.term_ended',
      app.status,
      { termEndsAt: designation.termEndsAt },
      `the designation term ended on ${dayOf(designation.termEndsAt)}`,
    );
  // Renewal looks at the whole term: it opens in the term's last year (policy v1: 365 days before the end).
  const opensAt = addDays(designation.termEndsAt, -policyByVersion(app.policyVersion).renewalWindowDays);
  if (!isPast(opensAt, now)) throw new InvalidState('renewal.not_open_yet', app.status, { opensAt }, `Renewal opens on ${dayOf(opensAt)}`);
  return [
    { type: 'RenewalStarted', data: { ...pins(app), renewalId: data.renewalId, termEndsAt: designation.termEndsAt, startedAt: now } },
  ];
};

/**
 * The first events of the renewal's own stream: the program's survey as on file, the link to the designation it
 * renews, and the invitation to a new assessment (no screening: the program is already known), so the ordinary
 * assessment, review and decision path runs with its ordinary deadlines.
 */
export const openRenewal = ({ data, metadata }: OpenRenewal, state: Application): ApplicationEvent[] => {
  if (state.status !== 'None') {
    if (state.renewal?.of === data.renewalOf) return [];
    throw new InvalidState('renewal.stream_taken', state.status);
  }
  if (data.renewalOf === data.applicationId) throw new RuleViolation('renewal.self', 'a designation cannot renew itself');
  const { applicationId, rubricVersion, policyVersion, survey, renewalOf, previous } = data;
  const now = metadata.now;
  const p = { applicationId, rubricVersion, policyVersion };
  return [
    {
      type: 'SurveySubmitted',
      data: {
        ...p,
        reference: referenceFor(applicationId, now),
        survey,
        submittedBy: metadata.actor.id,
        asNominator: false,
        submittedAt: now,
        renewalOf,
      },
    },
    { type: 'RenewalOpened', data: { ...p, renewalOf, previous, openedAt: now } },
    { type: 'SurveyAccepted', data: { ...p, acceptedAt: now, dueAt: addDays(now, policyByVersion(policyVersion).assessmentWindowDays) } },
  ];
};

/** The renewal's decision came back: a designating one renews the old designation, if it has not expired meanwhile. */
export const concludeRenewal = ({ data, metadata }: ConcludeRenewal, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const designation = app && running(app);
  if (!app || !designation || designation.renewalId !== data.renewalId || data.outcome === 'NotYetReady') return [];
  return [
    {
      type: 'DesignationRenewed',
      data: {
        ...pins(app),
        renewalId: data.renewalId,
        outcome: data.outcome,
        termEndsAt: designation.termEndsAt ?? '',
        renewedAt: metadata.now,
      },
    },
  ];
};
