import { deciderSpec } from '../../../testing/src/decider-spec';
import { NotFound } from '../errors';
import { NotificationCommand, NotificationSent, notificationDecider } from './notification';

const given = deciderSpec(notificationDecider);
const now = '2026-02-01T10:00:00.000Z';
const sent: NotificationSent = {
  type: 'NotificationSent',
  data: {
    notificationId: 'n-1',
    template: 'decision',
    applicationId: 'app-1',
    causedBy: 'ev-1',
    recipientEmail: 'leader@school.org',
    recipientUserId: 'u-1',
    subject: 'Decision',
    link: 'http://x/applications/app-1',
    messageId: '<n-1@iasl.local>',
    sentAt: now,
  },
};
const record: NotificationCommand = {
  type: 'RecordNotificationSent',
  data: { ...sent.data },
  metadata: { actor: { id: 'notifications', role: 'system' }, now },
};
const read = (actor: { id: string; role: 'applicant'; email?: string }): NotificationCommand => ({
  type: 'MarkNotificationRead',
  data: {},
  metadata: { actor, now },
});

describe('notification ledger', () => {
  it('records a send once', () => {
    const { sentAt: _, ...data } = sent.data;
    given([])
      .when({ ...record, data })
      .then([sent]);
    given([sent]).when(record).then([]);
  });

  it('lets the recipient mark it read, once', () => {
    given([sent])
      .when(read({ id: 'u-1', role: 'applicant' }))
      .then([{ type: 'NotificationRead', data: { notificationId: 'n-1', readAt: now } }]);
    given([sent, { type: 'NotificationRead', data: { notificationId: 'n-1', readAt: now } }])
      .when(read({ id: 'u-1', role: 'applicant' }))
      .then([]);
  });

  it('hides it from anyone else', () =>
    given([sent])
      .when(read({ id: 'u-2', role: 'applicant', email: 'other@school.org' }))
      .thenThrows(NotFound));
});
