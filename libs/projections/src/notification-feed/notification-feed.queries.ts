import type { Database } from 'better-sqlite3';
import type { FeedItemView, FeedView } from '@cert/contracts';

/** A person's notifications, newest first, found by their account or their address. */
export const feedFor = (db: Database, who: { email?: string; userId: string }, opts: { unreadOnly?: boolean } = {}): FeedView => {
  const rows = db
    .prepare(
      `SELECT notification_id, application_id, template, subject, link, sent_at, read_at FROM notification_feed
     WHERE (recipient_user_id = @userId OR recipient_email = @email) ${opts.unreadOnly ? 'AND read_at IS NULL' : ''}
     ORDER BY sent_at DESC, notification_id LIMIT 200`,
    )
    .all({ userId: who.userId, email: (who.email ?? '').toLowerCase() }) as Record<string, string | null>[];
  const items: FeedItemView[] = rows.map((r) => ({
    notificationId: r.notification_id!,
    applicationId: r.application_id!,
    template: r.template!,
    subject: r.subject!,
    link: r.link!,
    sentAt: r.sent_at!,
    readAt: r.read_at,
  }));
  return { unread: items.filter((i) => !i.readAt).length, items };
};

/** Whom a notification went to, for the access policy (null when there is no such notification). */
export const notificationRecipient = (db: Database, notificationId: string): { userId: string | null; email: string } | null => {
  const row = db
    .prepare('SELECT recipient_user_id, recipient_email FROM notification_feed WHERE notification_id = ?')
    .get(notificationId) as { recipient_user_id: string | null; recipient_email: string } | undefined;
  return row ? { userId: row.recipient_user_id, email: row.recipient_email } : null;
};

/** Every unread notification of a person, oldest first and without the feed's page limit, for "mark all read". */
export const unreadNotificationIds = (db: Database, who: { email?: string; userId: string }): string[] =>
  db
    .prepare(
      `SELECT notification_id FROM notification_feed
     WHERE (recipient_user_id = @userId OR recipient_email = @email) AND read_at IS NULL
     ORDER BY sent_at, notification_id`,
    )
    .pluck()
    .all({ userId: who.userId, email: (who.email ?? '').toLowerCase() }) as string[];
