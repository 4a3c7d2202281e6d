import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useStaffQueue } from '../../api/queries';
import type { ApplicationStatus, ApplicationSummaryView } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { dueIn, exactDate, shortDate } from '../../lib/dates';
import { STATUS_LABEL, STATUS_ORDER } from '../../lib/labels';
import { BlindReviewSwitch } from './BlindReviewSwitch';
import { CARD_LIST_STYLES } from '../../lib/wide';

/** Staff home: the queue by status with counts, and the overdue work that needs chasing. */
export function StaffQueuePage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') as ApplicationStatus | null;
  const queue = useStaffQueue();
  if (queue.isPending) return <Loading what="Loading the queue" />;
  if (queue.error) return <ProblemAlert error={queue.error} />;

  const { counts, items } = queue.data;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const shown = status ? items.filter((i) => i.status === status) : items;
  const now = new Date();
  const lateAssessments = items.filter((a) => a.status === 'AwaitingAssessment' && a.dueAt && Date.parse(a.dueAt) < now.getTime());
  const lateReviews = items.flatMap((a) =>
    (a.reviewers ?? []).filter((r) => r.status === 'assigned' && Date.parse(r.dueAt) < now.getTime()).map((r) => ({ app: a, reviewer: r })),
  );

  const caption = `${status ? `${STATUS_LABEL[status]}: ${shown.length}` : `All applications: ${shown.length}`}, oldest first`;

  return (
    <Page title="Certification queue" intro={`${total} applications`}>
      <Group component="nav" aria-label="Filter by status" gap="xs">
        <Button size="xs" variant={status ? 'default' : 'filled'} aria-pressed={!status} onClick={() => setParams({})}>
          All ({total})
        </Button>
        {STATUS_ORDER.map((s) => (
          <Button
            key={s}
            size="xs"
            variant={status === s ? 'filled' : 'default'}
            aria-pressed={status === s}
            onClick={() => setParams({ status: s })}
          >
            {STATUS_LABEL[s]} ({counts[s] ?? 0})
          </Button>
        ))}
      </Group>

      {(lateAssessments.length > 0 || lateReviews.length > 0) && (
        <Card
          withBorder
          padding="lg"
          component="section"
          aria-labelledby="overdue-heading"
          style={{ borderColor: 'var(--mantine-color-red-8)' }}
        >
          <Title order={2} size="h3" id="overdue-heading" c="red.9">
            Overdue work
          </Title>
          <Stack gap={4} mt="sm">
            {lateAssessments.map((a) => (
              <Text key={a.id}>
                <Anchor component={Link} to={`/staff/applications/${a.id}`}>
                  {a.reference}
                </Anchor>{' '}
                · {a.institutionName}: self-assessment {dueIn(a.dueAt!).text.toLowerCase()} ({exactDate(a.dueAt!)})
              </Text>
            ))}
            {lateReviews.map(({ app, reviewer }) => (
              <Text key={`${app.id}-${reviewer.reviewerId}`}>
                <Anchor component={Link} to={`/staff/applications/${app.id}`}>
                  {app.reference}
                </Anchor>{' '}
                · {reviewer.name ?? 'A reviewer'}: scores {dueIn(reviewer.dueAt).text.toLowerCase()}
              </Text>
            ))}
          </Stack>
        </Card>
      )}

      <BlindReviewSwitch cycle={String(now.getUTCFullYear())} />

      <Card withBorder padding={0} visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Application</Table.Th>
              <Table.Th scope="col">Leader</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Last change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>Nothing here.</Table.Td>
              </Table.Tr>
            )}
            {shown.map((a) => (
              <QueueRow key={a.id} app={a} />
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {/* A phone: one card per application rather than a table that scrolls sideways. */}
      <Stack hiddenFrom="sm" gap="sm">
        <Text size="sm" c="gray.9">
          {caption}
        </Text>
        {shown.length === 0 && <Text>Nothing here.</Text>}
        <List listStyleType="none" spacing="sm" styles={CARD_LIST_STYLES} aria-label={caption}>
          {shown.map((a) => (
            <List.Item key={a.id}>
              <QueueCard app={a} />
            </List.Item>
          ))}
        </List>
      </Stack>
    </Page>
  );
}

function nextDueOf(app: ApplicationSummaryView): string | null {
  return app.status === 'AwaitingAssessment'
    ? app.dueAt
    : ((app.reviewers ?? [])
        .filter((r) => r.status === 'assigned')
        .map((r) => r.dueAt)
        .sort()[0] ?? null);
}

function DueBadgeFor({ nextDue }: { nextDue: string }) {
  const due = dueIn(nextDue);
  return (
    <Badge color={due.overdue ? 'red' : due.days <= 3 ? 'orange' : 'blue'} variant={due.overdue ? 'filled' : 'outline'} radius="sm">
      {due.text}
    </Badge>
  );
}

function QueueRow({ app }: { app: ApplicationSummaryView }) {
  const nextDue = nextDueOf(app);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/staff/applications/${app.id}`} fw={600}>
          {app.reference}
        </Anchor>
        <Text size="sm">{app.institutionName}</Text>
      </Table.Td>
      <Table.Td>{app.leaderName}</Table.Td>
      <Table.Td>
        <StatusBadge status={app.status} />
      </Table.Td>
      <Table.Td>
        {nextDue ? (
          <Stack gap={0}>
            <DueBadgeFor nextDue={nextDue} />
            <Text size="xs" c="gray.8">
              {shortDate(nextDue)}
            </Text>
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{shortDate(app.updatedAt)}</Table.Td>
    </Table.Tr>
  );
}

function QueueCard({ app }: { app: ApplicationSummaryView }) {
  const nextDue = nextDueOf(app);
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/staff/applications/${app.id}`} fw={600}>
            {app.reference}
          </Anchor>
          <StatusBadge status={app.status} />
        </Group>
        <Text size="sm">
          {app.institutionName} · {app.leaderName}
        </Text>
        <Group gap="xs" wrap="wrap">
          {nextDue && <DueBadgeFor nextDue={nextDue} />}
          <Text size="sm" c="gray.9">
            {nextDue ? `due ${shortDate(nextDue)} · ` : ''}last change {shortDate(app.updatedAt)}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
