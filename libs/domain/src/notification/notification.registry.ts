import { EventTable } from '../events/event-spec';
import { NotificationEvent } from './notification';

/** Every event of a notification's stream, the ledger of what was sent once (docs/DOMAIN.md, Notifications). */
export const NOTIFICATION_EVENTS: EventTable<NotificationEvent> = {
  NotificationSent: {
    schemaVersion: 1,
    personal: [
      { path: 'recipientEmail', owners: ['recipient'] },
      { path: 'subject', owners: ['applicant'] },
    ],
    label: 'Notification sent',
    describe: ({ data }) => `Email sent: ${data.subject}`,
  },
  NotificationRead: {
    schemaVersion: 1,
    label: 'Notification read',
    describe: () => 'Notification read in the app',
  },
};
