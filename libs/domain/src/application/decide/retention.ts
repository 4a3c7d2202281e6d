import { addYears, isPast } from '../../time';
import { policyByVersion } from '../../decision/policy-catalog';
import { ShredRecordOfReasons } from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication } from '../application.state';
import { RecordRetention, RetentionRule } from '../application.types';
import { pins } from './guards';

/*
 * docs/DOMAIN.md, Personal data and the record of reasons. The reasons for what was decided (reviewers' comments, the
 * adjudication's and the board's justifications, staff's reasons for a rejection or a release) are kept under the
 * application's record key for the years its pinned policy sets once the application closes, then shredded by a
 * timer. A lapsed application has nothing in the record (it ended before any review), so a lapse starts nothing.
 */

type Started = Omit<RecordRetention, 'shreddedAt'> & { closedAt: string; retainedUntil: string };

/** The retention an event starts when it closes the application, by its own date; null for every other event. */
export const retentionStartedBy = (event: ApplicationEvent): Started | null => {
  const from = (rule: RetentionRule, closedAt: string): Started => {
    const { afterFinalDecisionYears, afterRejectionYears } = policyByVersion(event.data.policyVersion).reasonsRetention;
    const years = rule === 'after-rejection' ? afterRejectionYears : afterFinalDecisionYears;
    return { rule, years, closedAt, retainedUntil: addYears(closedAt, years) };
  };
  switch (event.type) {
    case 'DecisionFinalized':
      return from('after-final-decision', event.data.finalizedAt);
    case 'DesignationExpired':
      return from('after-designation-end', event.data.expiredAt);
    case 'DesignationRenewed':
      return from('after-designation-end', event.data.renewedAt);
    case 'SurveyRejected':
      return from('after-rejection', event.data.rejectedAt);
    default:
      return null;
  }
};

const designationRuns = (s: OpenApplication) => s.designation?.status === 'active' || s.designation?.status === 'suspended';

/**
 * Folded after the event's own evolve. A final decision that granted a designation still running keeps the record
 * until the designation ends; a designation that ends while an appeal is pending waits for the final decision.
 */
export const evolveRetention = (s: OpenApplication, event: ApplicationEvent): OpenApplication => {
  if (event.type === 'RecordOfReasonsShredded')
    return s.recordOfReasons ? { ...s, recordOfReasons: { ...s.recordOfReasons, shreddedAt: event.data.shreddedAt } } : s;
  const started = retentionStartedBy(event);
  if (!started || s.recordOfReasons?.shreddedAt) return s;
  if (started.rule === 'after-final-decision' && designationRuns(s))
    return {
      ...s,
      recordOfReasons: { rule: 'after-designation-end', years: started.years, closedAt: null, retainedUntil: null, shreddedAt: null },
    };
  if (started.rule === 'after-designation-end' && !s.decision?.final) return s;
  return { ...s, recordOfReasons: { ...started, shreddedAt: null } };
};

/**
 * The retention timer (docs/DOMAIN.md, Deadlines): acts only when the date it was set for is still the recorded one,
 * the moment has come and the record was not shredded before; a stale, early or repeated timer decides nothing.
 */
export const shredRecordOfReasons = ({ data, metadata }: ShredRecordOfReasons, state: Application): ApplicationEvent[] => {
  const app = state.status === 'None' ? null : state;
  const r = app?.recordOfReasons;
  if (!app || !r || r.shreddedAt || r.closedAt === null || r.retainedUntil !== data.retainedUntil) return [];
  if (!isPast(data.retainedUntil, metadata.now)) return [];
  return [
    {
      type: 'RecordOfReasonsShredded',
      data: {
        ...pins(app),
        rule: r.rule,
        retentionYears: r.years,
        closedAt: r.closedAt,
        retainedUntil: data.retainedUntil,
        held: data.held,
        notReached: data.notReached,
        shreddedAt: metadata.now,
      },
    },
  ];
};
