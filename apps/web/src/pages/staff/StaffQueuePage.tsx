import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useStaffQueue } from '../../api/queries';
import type { ApplicationStatus, StaffQueueItem } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { dueIn, exactDate, shortDate } from '../../lib/dates';
import { STATUS_LABEL, STATUS_ORDER } from '../../lib/labels';
import { BlindReviewSwitch } from './BlindReviewSwitch';

/** The filters live in the URL, so a filtered queue can be bookmarked, shared and kept on reload. */
const filtersOf = (params: URLSearchParams) => ({
  status: params.get('status') as ApplicationStatus | null,
  q: params.get('q') ?? '',
  needsReviewers: params.get('needsReviewers') === 'true',
});

const toParams = (f: ReturnType<typeof filtersOf>): Record<string, string> => ({
  ...(f.status ? { status: f.status } : {}),
  ...(f.q ? { q: f.q } : {}),
  ...(f.needsReviewers ? { needsReviewers: 'true' } : {}),
});

/** Staff home: the queue by status with counts, search, what is short of reviewers, and the overdue work that needs chasing. */
export function StaffQueuePage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const { status } = filters;
  const queue = useStaffQueue();
  const filtered = useStaffQueue(status ?? undefined, { q: filters.q, needsReviewers: filters.needsReviewers });
  if (queue.isPending) return <Loading what="Loading the queue" />;
  if (queue.error) return <ProblemAlert error={queue.error} />;

  const { counts, items } = queue.data;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const set = (next: Partial<ReturnType<typeof filtersOf>>) => setParams(toParams({ ...filters, ...next }));
  const now = new Date();
  const lateAssessments = items.filter((a) => a.status === 'AwaitingAssessment' && a.dueAt && Date.parse(a.dueAt) < now.getTime());
  const lateReviews = items.flatMap((a) =>
    (a.reviewers ?? []).filter((r) => r.status === 'assigned' && Date.parse(r.dueAt) < now.getTime()).map((r) => ({ app: a, reviewer: r })),
  );
  const shown = filtered.data?.items ?? [];
  const caption = [
    status ? STATUS_LABEL[status] : 'All applications',
    filters.needsReviewers ? 'needing reviewers' : null,
    filters.q ? `matching “${filters.q}”` : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Page title="Certification queue" intro={`${total} application${total === 1 ? '' : 's'}`}>
      <form
        role="search"
        aria-label="Search the queue"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = new FormData(e.currentTarget).get('q');
          set({ q: typeof typed === 'string' ? typed.trim() : '' });
        }}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            id="queue-search"
            label="Search by reference, leader or institution"
            name="q"
            // Keyed by the URL's search, so Back, Clear and a shared link show what is searched.
            key={filters.q}
            defaultValue={filters.q}
            maxLength={100}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit">Search</Button>
          {filters.q && (
            <Button variant="default" onClick={() => set({ q: '' })}>
              Clear search
            </Button>
          )}
        </Group>
      </form>

      <Group component="nav" aria-label="Filter by status" gap="xs">
        <Button size="xs" variant={status ? 'default' : 'filled'} aria-pressed={!status} onClick={() => set({ status: null })}>
          All ({total})
        </Button>
        {STATUS_ORDER.map((s) => (
          <Button
            key={s}
            size="xs"
            variant={status === s ? 'filled' : 'default'}
            aria-pressed={status === s}
            onClick={() => set({ status: s })}
          >
            {STATUS_LABEL[s]} ({counts[s] ?? 0})
          </Button>
        ))}
        <Button
          size="xs"
          color="red.8"
          variant={filters.needsReviewers ? 'filled' : 'outline'}
          aria-pressed={filters.needsReviewers}
          onClick={() => set({ needsReviewers: !filters.needsReviewers })}
        >
          Needs reviewers ({queue.data.needsReviewers})
        </Button>
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
                <Anchor component={Link} to={`/staff/applications/${a.id}`} c="blue.8">
                  {a.reference}
                </Anchor>{' '}
                · {a.institutionName}: self-assessment {dueIn(a.dueAt!).text.toLowerCase()} ({exactDate(a.dueAt!)})
              </Text>
            ))}
            {lateReviews.map(({ app, reviewer }) => (
              <Text key={`${app.id}-${reviewer.reviewerId}`}>
                <Anchor component={Link} to={`/staff/applications/${app.id}`} c="blue.8">
                  {app.reference}
                </Anchor>{' '}
                · {reviewer.name ?? 'A reviewer'}: scores {dueIn(reviewer.dueAt).text.toLowerCase()}
              </Text>
            ))}
          </Stack>
        </Card>
      )}

      <BlindReviewSwitch cycle={String(now.getUTCFullYear())} />

      <section aria-labelledby="queue-heading">
        <Title order={2} size="h3" id="queue-heading" mb="xs" aria-live="polite">
          {filtered.isPending ? 'Searching…' : `${caption}: ${filtered.data?.matching ?? shown.length}, oldest first`}
        </Title>
        {filtered.error && <ProblemAlert error={filtered.error} />}
        {!filtered.isPending && shown.length === 0 && <Text>Nothing here.</Text>}
        {shown.length > 0 && (
          <>
            <Card withBorder padding={0} visibleFrom="md">
              <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-labelledby="queue-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Application</Table.Th>
                    <Table.Th scope="col">Leader</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Reviewers</Table.Th>
                    <Table.Th scope="col">Due</Table.Th>
                    <Table.Th scope="col">Last change</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((a) => (
                    <QueueRow key={a.id} app={a} />
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Stack gap="sm" hiddenFrom="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {shown.map((a) => (
                <QueueCard key={a.id} app={a} />
              ))}
            </Stack>
          </>
        )}
      </section>
    </Page>
  );
}

const nextDueOf = (app: StaffQueueItem) =>
  app.status === 'AwaitingAssessment'
    ? app.dueAt
    : ((app.reviewers ?? [])
        .filter((r) => r.status === 'assigned')
        .map((r) => r.dueAt)
        .sort()[0] ?? null);

function DueCell({ app }: { app: StaffQueueItem }) {
  const nextDue = nextDueOf(app);
  const due = nextDue ? dueIn(nextDue) : null;
  if (!due || !nextDue) return <>—</>;
  return (
    <Stack gap={0}>
      <Badge color={due.overdue ? 'red' : due.days <= 3 ? 'orange' : 'blue'} variant={due.overdue ? 'filled' : 'outline'} radius="sm">
        {due.text}
      </Badge>
      <Text size="xs" c="gray.8">
        {shortDate(nextDue)}
      </Text>
    </Stack>
  );
}

/** "1 of 2", with the flag staff act on when an application under review is short of reviewers. */
function ReviewersCell({ app }: { app: StaffQueueItem }) {
  const counted = ['UnderReview', 'NeedsAdjudication', 'AwaitingDecision'].includes(app.status) || app.reviewerCount > 0;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">{counted ? `${app.reviewerCount} of ${app.reviewersRequired}` : '—'}</Text>
      {app.needsReviewers && (
        <Badge color="red.8" variant="filled" radius="sm">
          Needs reviewers
        </Badge>
      )}
    </Group>
  );
}

/** docs/DOMAIN.md, The lifecycle, step 1: what screening must look at first (a nomination not yet claimed, a possible duplicate). */
function IntakeFlags({ app }: { app: StaffQueueItem }) {
  if (app.status !== 'Screening') return null;
  const duplicates = app.possibleDuplicates ?? [];
  return (
    <Group gap={6} wrap="wrap">
      {app.nominationStatus === 'pending' && (
        <Badge color="yellow.9" variant="outline" radius="sm">
          Awaiting the leader&apos;s claim
        </Badge>
      )}
      {duplicates.length > 0 && (
        <Badge color="orange.9" variant="outline" radius="sm" title={duplicates.map((d) => d.reference).join(', ')}>
          Possible duplicate of {duplicates.map((d) => d.reference).join(', ')}
        </Badge>
      )}
    </Group>
  );
}

function QueueCard({ app }: { app: StaffQueueItem }) {
  return (
    <Card withBorder padding="md" component="li">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} to={`/staff/applications/${app.id}`} fw={600} c="blue.8">
            {app.reference}
          </Anchor>
          <Text size="sm">{app.institutionName}</Text>
          <Text size="sm">{app.leaderName}</Text>
          <IntakeFlags app={app} />
        </Stack>
        <StatusBadge status={app.status} />
      </Group>
      <Group gap="lg" mt="xs" wrap="wrap">
        <Stack gap={2}>
          <Text size="xs" c="gray.8">
            Reviewers
          </Text>
          <ReviewersCell app={app} />
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="gray.8">
            Due
          </Text>
          <DueCell app={app} />
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="gray.8">
            Last change
          </Text>
          <Text size="sm">{shortDate(app.updatedAt)}</Text>
        </Stack>
      </Group>
    </Card>
  );
}

function QueueRow({ app }: { app: StaffQueueItem }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/staff/applications/${app.id}`} fw={600} c="blue.8">
          {app.reference}
        </Anchor>
        <Text size="sm">{app.institutionName}</Text>
        <IntakeFlags app={app} />
      </Table.Td>
      <Table.Td>{app.leaderName}</Table.Td>
      <Table.Td>
        <StatusBadge status={app.status} />
      </Table.Td>
      <Table.Td>
        <ReviewersCell app={app} />
      </Table.Td>
      <Table.Td>
        <DueCell app={app} />
      </Table.Td>
      <Table.Td>{shortDate(app.updatedAt)}</Table.Td>
    </Table.Tr>
  );
}
