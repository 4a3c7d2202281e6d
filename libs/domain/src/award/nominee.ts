import type { Application } from '../application/application.state';
import { Nominee } from './award-cycle.commands';

/**
 * Nominations are drawn from designated programs. What the nominate handler hands the award decider about an
 * application, folded from the application's own stream: designated means a charter membership or Program of
 * Excellence decision whose designation is active (not suspended, expired or superseded by a renewal). The term's end
 * travels along: the decider, which knows the time, refuses a term already over whose expiry timer has not fired yet.
 */
export const nomineeOf = (app: Application, applicationId: string): Nominee | null => {
  if (app.status === 'None') return null;
  const base = {
    applicationId,
    applicantEmail: app.applicantEmail,
    leaderName: app.survey.leaderName,
    institutionName: app.survey.institution.name,
    country: app.survey.institution.country,
    termEndsAt: app.designation?.termEndsAt ?? null,
  };
  const outcome = app.decision?.outcome;
  if (outcome !== 'ProgramOfExcellence' && outcome !== 'CharterMembership') {
    return {
      ...base,
      designation: null,
      notDesignatedBecause: app.decision ? 'the decision was not yet ready' : `the application is ${app.status}`,
    };
  }
  if (app.designation?.status !== 'active') {
    return { ...base, designation: null, notDesignatedBecause: `the designation is ${app.designation?.status ?? 'missing'}` };
  }
  return { ...base, designation: outcome, notDesignatedBecause: null };
};
