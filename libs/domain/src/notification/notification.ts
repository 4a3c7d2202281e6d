import { CommandMeta, Decider, assertNever } from '../decider';
import { NotFound } from '../errors';

/**
 * docs/DOMAIN.md, Notifications: each notification is sent once per recipient. Each notification is a stream
 * `notification-<id>` whose first event records the send; it doubles as the ledger the processor checks.
 */
export type NotificationSent = {
  type: 'NotificationSent';
  data: {
    notificationId: string;
    template: string;
    applicationId: string;
    causedBy: string;
    recipientEmail: string;
    recipientUserId: string | null;
    subject: string;
    link: string;
    messageId: string;
    sentAt: string;
  };
};
export type NotificationRead = { type: 'NotificationRead'; data: { notificationId: string; readAt: string } };
export type NotificationEvent = NotificationSent | NotificationRead;

export type RecordNotificationSent = {
  type: 'RecordNotificationSent';
  data: Omit<NotificationSent['data'], 'sentAt'>;
  metadata: CommandMeta;
};
export type MarkNotificationRead = { type: 'MarkNotificationRead'; data: Record<string, never>; metadata: CommandMeta };
export type NotificationCommand = RecordNotificationSent | MarkNotificationRead;

export type Notification =
  { status: 'None' } | { status: 'Sent' | 'Read'; id: string; recipientEmail: string; recipientUserId: string | null };

export const notificationStream = (notificationId: string) => `notification-${notificationId}`;

const decide = (command: NotificationCommand, state: Notification): NotificationEvent[] => {
  switch (command.type) {
    case 'RecordNotificationSent':
      return state.status === 'None' ? [{ type: 'NotificationSent', data: { ...command.data, sentAt: command.metadata.now } }] : [];
    case 'MarkNotificationRead': {
      const { actor, now } = command.metadata;
      // Someone else's notification reads as missing: its existence is not theirs to know.
      const mine =
        state.status !== 'None' &&
        (state.recipientUserId === actor.id || (!!actor.email && state.recipientEmail === actor.email.toLowerCase()));
      if (state.status === 'None' || !mine) throw new NotFound('notification', 'requested');
      return state.status === 'Read' ? [] : [{ type: 'NotificationRead', data: { notificationId: state.id, readAt: now } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: Notification, event: NotificationEvent): Notification => {
  switch (event.type) {
    case 'NotificationSent': {
      const { notificationId, recipientEmail, recipientUserId } = event.data;
      return { status: 'Sent', id: notificationId, recipientEmail: recipientEmail.toLowerCase(), recipientUserId };
    }
    case 'NotificationRead':
      return state.status === 'None' ? state : { ...state, status: 'Read' };
    default:
      return assertNever(event);
  }
};

export const notificationDecider: Decider<Notification, NotificationCommand, NotificationEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
