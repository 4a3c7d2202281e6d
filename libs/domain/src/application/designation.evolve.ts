import {
  DesignationExpired,
  DesignationRenewed,
  ProgressConfirmationRecorded,
  ProgressConfirmationRequested,
  RenewalOpened,
  RenewalReminderIssued,
  RenewalStarted,
} from './application.events';
import { OpenApplication, reminderKey } from './application.state';

/** The designation's events (progress confirmation, term and renewal), folded; application.evolve.ts delegates here. */
export type DesignationEvent =
  | ProgressConfirmationRequested
  | ProgressConfirmationRecorded
  | RenewalReminderIssued
  | DesignationExpired
  | RenewalStarted
  | RenewalOpened
  | DesignationRenewed;

export const evolveDesignation = (s: OpenApplication, event: DesignationEvent): OpenApplication => {
  const d = s.designation;
  switch (event.type) {
    case 'ProgressConfirmationRequested':
      return d ? { ...s, designation: { ...d, confirmations: { ...d.confirmations, [event.data.reviewerId]: 'requested' } } } : s;
    case 'ProgressConfirmationRecorded':
      return d ? { ...s, designation: { ...d, confirmations: { ...d.confirmations, [event.data.reviewerId]: 'recorded' } } } : s;
    case 'RenewalReminderIssued':
      return { ...s, reminders: [...s.reminders, reminderKey('renewal', event.data.termEndsAt, event.data.daysBefore)] };
    case 'DesignationExpired':
      return d ? { ...s, designation: { ...d, status: 'expired' } } : s;
    case 'RenewalStarted':
      return d ? { ...s, designation: { ...d, renewalId: event.data.renewalId } } : s;
    case 'RenewalOpened':
      return { ...s, renewal: { of: event.data.renewalOf, previousTermEndsAt: event.data.previous.termEndsAt } };
    case 'DesignationRenewed':
      return d ? { ...s, designation: { ...d, status: 'renewed' } } : s;
  }
};
