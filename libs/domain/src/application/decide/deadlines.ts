import { addDays, isPast } from '../../time';
import { policyByVersion } from '../../decision/policy-catalog';
import { pickReviewers } from '../../review/assign-reviewers';
import {
  CloseAppealWindow,
  EscalateOverdueReview,
  RemindAssessment,
  RemindProgressUpdate,
  RemindReviewer,
  ReplaceOverdueReviewer,
  SuspendDesignation,
} from '../application.commands';
import { ApplicationEvent } from '../application.events';
import { Application, OpenApplication, reminderKey } from '../application.state';
import { pins } from './guards';
import { appealPending, excludedFromReview } from './appeal';

/*
 * docs/DOMAIN.md, Deadlines. Every timer here may fire late, early, twice, or after the date it was set for was
 * superseded (docs/ARCHITECTURE.md, Principles (the ten rules), rule 9): each branch acts only when the recorded due
 * date still matches, the moment has come, and it has not acted before; otherwise it decides nothing.
 */

const open = (state: Application): OpenApplication | null => (state.status === 'None' ? null : state);
const reminderDue = (dueAt: string, daysBefore: number, now: string) => isPast(addDays(dueAt, -daysBefore), now) && !isPast(dueAt, now);

export const remindAssessment = ({ data, metadata }: RemindAssessment, state: Application): ApplicationEvent[] => {
  const app = open(state);
  if (!app || app.status !== 'AwaitingAssessment' || app.dueAt !== data.dueAt) return [];
  if (
    !reminderDue(data.dueAt, data.daysBefore, metadata.now) ||
    app.reminders.includes(reminderKey('assessment', data.dueAt, data.daysBefore))
  )
    return [];
  return [
    { type: 'AssessmentReminderIssued', data: { ...pins(app), dueAt: data.dueAt, daysBefore: data.daysBefore, remindedAt: metadata.now } },
  ];
};

const openSlot = (app: OpenApplication | null, reviewerId: string, dueAt: string) => {
  const slot = app?.reviewers[reviewerId];
  const reviewing = app && ['UnderReview', 'NeedsAdjudication'].includes(app.status);
  return reviewing && slot?.status === 'assigned' && slot.dueAt === dueAt ? slot : null;
};

export const remindReviewer = ({ data, metadata }: RemindReviewer, state: Application): ApplicationEvent[] => {
  const app = open(state);
  if (!openSlot(app, data.reviewerId, data.dueAt) || !reminderDue(data.dueAt, data.daysBefore, metadata.now)) return [];
  if (app!.reminders.includes(reminderKey('review', data.dueAt, data.daysBefore, data.reviewerId))) return [];
  return [{ type: 'ReviewerReminderIssued', data: { ...pins(app!), ...data, remindedAt: metadata.now } }];
};

export const escalateOverdueReview = ({ data, metadata }: EscalateOverdueReview, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const slot = openSlot(app, data.reviewerId, data.dueAt);
  if (!slot || slot.escalated || !isPast(data.dueAt, metadata.now)) return [];
  return [{ type: 'ReviewOverdueEscalated', data: { ...pins(app!), ...data, reason: 'overdue', escalatedAt: metadata.now } }];
};

// docs/DOMAIN.md, Deadlines: 7 days after the due date the reviewer is released and another takes over.
export const replaceOverdueReviewer = ({ data, metadata }: ReplaceOverdueReviewer, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const slot = openSlot(app, data.reviewerId, data.dueAt);
  const policy = app && policyByVersion(app.policyVersion);
  if (!app || !slot || !policy || !isPast(addDays(data.dueAt, policy.reviewReplacementGraceDays), metadata.now)) return [];
  const now = metadata.now;
  const released: ApplicationEvent = {
    type: 'ReviewerReleased',
    data: {
      ...pins(app),
      reviewerId: slot.reviewerId,
      reason: `no scores ${policy.reviewReplacementGraceDays} days after the due date`,
      releasedAt: now,
    },
  };
  const facts = { id: app.id, institution: app.survey.institution.name, region: app.survey.institution.region };
  const [next] = pickReviewers(facts, data.pool, 1, { ...policy, exclude: [...Object.keys(app.reviewers), ...excludedFromReview(app)] });
  if (!next) {
    return [
      released,
      {
        type: 'ReviewOverdueEscalated',
        data: { ...pins(app), reviewerId: slot.reviewerId, dueAt: data.dueAt, reason: 'no-replacement', escalatedAt: now },
      },
    ];
  }
  return [
    released,
    {
      type: 'ReviewerAssigned',
      data: {
        ...pins(app),
        reviewerId: next.reviewerId,
        dueAt: addDays(now, policy.reviewWindowDays),
        method: 'auto',
        purpose: slot.purpose,
        assignedAt: now,
      },
    },
  ];
};

export const closeAppealWindow = ({ data, metadata }: CloseAppealWindow, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const decision = app?.decision;
  if (!app || !decision || decision.final || decision.appealUntil !== data.appealUntil || !isPast(data.appealUntil, metadata.now))
    return [];
  // docs/DOMAIN.md, Appeals: a pending appeal keeps the decision open; the appeal's own decision settles it.
  if (appealPending(app)) return [];
  return [{ type: 'DecisionFinalized', data: { ...pins(app), appealUntil: data.appealUntil, finalizedAt: metadata.now } }];
};

export const remindProgressUpdate = ({ data, metadata }: RemindProgressUpdate, state: Application): ApplicationEvent[] => {
  const app = open(state);
  if (!app?.designation || app.designation.progressDueAt !== data.progressDueAt) return [];
  // An expired or renewed designation owes no more updates here.
  if (app.designation.status === 'expired' || app.designation.status === 'renewed') return [];
  if (!reminderDue(data.progressDueAt, data.daysBefore, metadata.now)) return [];
  if (app.reminders.includes(reminderKey('progress', data.progressDueAt, data.daysBefore))) return [];
  return [{ type: 'ProgressReminderIssued', data: { ...pins(app), ...data, remindedAt: metadata.now } }];
};

// docs/DOMAIN.md, Deadlines: the designation is suspended 60 days after a missed progress update's due date.
export const suspendDesignation = ({ data, metadata }: SuspendDesignation, state: Application): ApplicationEvent[] => {
  const app = open(state);
  const designation = app?.designation;
  if (!app || designation?.status !== 'active' || designation.progressDueAt !== data.progressDueAt) return [];
  if (!isPast(addDays(data.progressDueAt, policyByVersion(app.policyVersion).progressGraceDays), metadata.now)) return [];
  return [{ type: 'DesignationSuspended', data: { ...pins(app), progressDueAt: data.progressDueAt, suspendedAt: metadata.now } }];
};
