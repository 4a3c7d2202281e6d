import type { ReadQuery } from './application';

export type FeedItemView = {
  notificationId: string;
  applicationId: string;
  template: string;
  subject: string;
  link: string;
  sentAt: string;
  readAt: string | null;
};

export type FeedView = { unread: number; items: FeedItemView[] };

export type FeedQuery = ReadQuery & { unreadOnly?: boolean };
