import type { Database } from 'better-sqlite3';
import { NotificationEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

/** docs/DOMAIN.md, Notifications: each person's in-app feed, with read/unread, built from the notification ledger. */
export const notificationFeedProjection: Projection = {
  name: 'notification-feed',
  version: 1,
  schema: [
    `CREATE TABLE IF NOT EXISTS notification_feed (
      notification_id TEXT PRIMARY KEY,
      recipient_email TEXT NOT NULL,
      recipient_user_id TEXT,
      application_id TEXT NOT NULL,
      template TEXT NOT NULL,
      subject TEXT NOT NULL,
      link TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      read_at TEXT
    )`,
    'CREATE INDEX IF NOT EXISTS notification_feed_recipient ON notification_feed (recipient_email, sent_at)',
  ],
  tables: ['notification_feed'],
  handles: ['NotificationSent', 'NotificationRead'],
  apply(db: Database, recorded: RecordedEvent) {
    const event = recorded as unknown as NotificationEvent;
    if (event.type === 'NotificationSent') {
      const d = event.data;
      db.prepare(
        `INSERT OR IGNORE INTO notification_feed (notification_id, recipient_email, recipient_user_id, application_id, template, subject, link, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.notificationId, d.recipientEmail.toLowerCase(), d.recipientUserId, d.applicationId, d.template, d.subject, d.link, d.sentAt);
    } else {
      db.prepare('UPDATE notification_feed SET read_at = ? WHERE notification_id = ?').run(event.data.readAt, event.data.notificationId);
    }
  },
};
