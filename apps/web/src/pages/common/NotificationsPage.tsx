import { Link } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useNotifications, useWrite, write } from '../../api/queries';
import type { FeedItemView, NotificationsReadResult } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';

/** The same notifications as by mail, newest first; open one, mark it read, or mark all read at once. */
export function NotificationsPage() {
  const feed = useNotifications(true, { page: true });
  const markRead = useWrite((item: FeedItemView) => write('POST', `/me/notifications/${item.notificationId}/read`));
  const markAll = useWrite(() => write<NotificationsReadResult>('POST', '/me/notifications/read-all'), {
    done: (r) => ({
      title: 'Marked read',
      message: r.marked === 1 ? '1 notification marked read.' : `${r.marked} notifications marked read.`,
    }),
  });
  const unread = feed.data?.unread ?? 0;
  return (
    <Page title="Notifications" intro={feed.data ? `${unread} unread` : undefined}>
      {markRead.error && <ProblemAlert error={markRead.error} />}
      {markAll.error && <ProblemAlert error={markAll.error} />}
      {unread > 0 && (
        <Button variant="default" w="fit-content" loading={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
          Mark all {unread} read
        </Button>
      )}
      {feed.isPending ? (
        <Loading what="Loading notifications" />
      ) : feed.error ? (
        <ProblemAlert error={feed.error} />
      ) : feed.data.items.length === 0 ? (
        <Text>No notifications yet.</Text>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {feed.data.items.map((item) => (
            <Card component="li" key={item.notificationId} withBorder padding="md" bg={item.readAt ? undefined : 'blue.0'}>
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    {!item.readAt && (
                      <Badge color="blue" variant="filled" size="sm">
                        New
                      </Badge>
                    )}
                    <Anchor component={Link} to={localPath(item.link)} fw={600}>
                      {item.subject}
                    </Anchor>
                  </Group>
                  <Text size="sm" c="gray.8">
                    <time dateTime={item.sentAt}>{exactDate(item.sentAt)}</time>
                  </Text>
                </Stack>
                {!item.readAt && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={markRead.isPending && markRead.variables?.notificationId === item.notificationId}
                    onClick={() => markRead.mutate(item)}
                  >
                    Mark as read
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Page>
  );
}

/** Mailed links are absolute (PUBLIC_URL); inside the app they are paths. */
function localPath(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    return url.pathname + url.search;
  } catch {
    return '/';
  }
}
