import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useAssignments, useMyConflicts } from '../../api/queries';
import type { ConflictView, Outcome, OwnAssignmentView } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProgressConfirmationsSection } from './ProgressConfirmationPage';
import { dueIn, exactDate, shortDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

type RowStatus = 'to-score' | 'in-progress' | 'finished' | 'conflict';

const STATUS: Record<RowStatus, { label: string; color: string; rank: number }> = {
  'to-score': { label: 'To score', color: 'gray.8', rank: 0 },
  'in-progress': { label: 'In progress', color: 'blue.8', rank: 1 },
  finished: { label: 'Finished', color: 'green.9', rank: 2 },
  conflict: { label: 'Conflict declared', color: 'orange.9', rank: 3 },
};

/** One line of the worklist: an assignment, or an application the reviewer stepped back from with a conflict. */
type Row = {
  key: string;
  applicationId: string;
  /** What people read: the institution, or the reference where it is withheld (blind review, a declared conflict). */
  name: string;
  reference: string;
  status: RowStatus;
  purpose: 'review' | 'adjudication' | null;
  blind: boolean;
  dueAt: string | null;
  finishedAt: string | null;
  scored: number;
  total: number;
  recommendation: Outcome | null;
  link: string | null;
};

const fromAssignment = (a: OwnAssignmentView): Row => ({
  key: `a-${a.applicationId}`,
  applicationId: a.applicationId,
  name: a.institutionName ?? `Application ${a.reference ?? ''} (blind review)`,
  reference: a.reference ?? '',
  status: a.status === 'finished' ? 'finished' : a.progress.scored > 0 ? 'in-progress' : 'to-score',
  purpose: a.purpose,
  blind: a.blindReview,
  dueAt: a.dueAt,
  finishedAt: a.submittedAt,
  scored: a.progress.scored,
  total: a.progress.total,
  recommendation: a.status === 'finished' ? a.recommendation : null,
  link: `/reviews/${a.applicationId}`,
});

const fromConflict = (c: ConflictView): Row => ({
  key: `c-${c.conflictId}`,
  applicationId: c.applicationId ?? '',
  name: `Application ${c.reference ?? ''}`,
  reference: c.reference ?? '',
  status: 'conflict',
  purpose: null,
  blind: false,
  dueAt: null,
  finishedAt: c.declaredAt,
  scored: 0,
  total: 0,
  recommendation: null,
  link: null,
});

type SortKey = 'name' | 'reference' | 'status' | 'due' | 'progress' | 'recommendation';
const SORTS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Institution' },
  { key: 'reference', label: 'Reference' },
  { key: 'status', label: 'Status' },
  { key: 'due', label: 'Due' },
  { key: 'progress', label: 'Progress' },
  { key: 'recommendation', label: 'Your recommendation' },
];

const compare: Record<SortKey, (a: Row, b: Row) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  reference: (a, b) => a.reference.localeCompare(b.reference),
  status: (a, b) => STATUS[a.status].rank - STATUS[b.status].rank,
  // Rows without a due date (a declared conflict) go last either way round.
  due: (a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'),
  progress: (a, b) => (a.total ? a.scored / a.total : -1) - (b.total ? b.scored / b.total : -1),
  recommendation: (a, b) =>
    (a.recommendation ? OUTCOME_LABEL[a.recommendation] : '~').localeCompare(b.recommendation ? OUTCOME_LABEL[b.recommendation] : '~'),
};

/**
 * A reviewer's worklist as a table (HotCRP's review list): sort by any column, filter by status or a search; open
 * work first by due date. Below the md breakpoint each row becomes a card, so nothing scrolls sideways.
 */
export function AssignmentsPage() {
  const assignments = useAssignments();
  const conflicts = useMyConflicts();
  const [status, setStatus] = useState<RowStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'status', descending: false });

  const rows = useMemo(() => {
    const own = (assignments.data ?? []).map(fromAssignment);
    const assigned = new Set(own.map((r) => r.applicationId));
    const declared = (conflicts.data ?? []).filter((c) => c.applicationId && !assigned.has(c.applicationId)).map(fromConflict);
    return [...own, ...declared];
  }, [assignments.data, conflicts.data]);

  if (assignments.isPending) return <Loading what="Loading your assignments" />;
  if (assignments.error) return <ProblemAlert error={assignments.error} />;

  const needle = search.trim().toLowerCase();
  const shown = rows
    .filter((r) => status === 'all' || r.status === status)
    .filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.reference.toLowerCase().includes(needle))
    .sort((a, b) => {
      const by = compare[sort.key](a, b) * (sort.descending ? -1 : 1);
      return by || compare.due(a, b) || compare.reference(a, b);
    });
  const count = (s: RowStatus) => rows.filter((r) => r.status === s).length;
  const toggle = (key: SortKey) => setSort((prev) => ({ key, descending: prev.key === key ? !prev.descending : false }));

  return (
    <Page
      title="My assignments"
      intro={`${count('to-score')} to score · ${count('in-progress')} in progress · ${count('finished')} finished`}
    >
      <Alert color="blue" variant="light" title="Before you open an application">
        <Text c="gray.9">
          Check for a conflict of interest: your own institution, a close personal or financial tie. If you have one, do not score it;
          declare it when you open the application, and staff will assign someone else.
        </Text>
      </Alert>
      <Stack component="section" aria-labelledby="worklist-heading">
        <Title order={2} size="h3" id="worklist-heading">
          Applications to review
        </Title>
        <Group align="end" wrap="wrap" gap="md">
          <Select
            label="Status"
            w={220}
            value={status}
            allowDeselect={false}
            onChange={(v) => v && setStatus(v)}
            data={[
              { value: 'all', label: `All (${rows.length})` },
              ...(Object.keys(STATUS) as RowStatus[]).map((s) => ({ value: s, label: `${STATUS[s].label} (${count(s)})` })),
            ]}
          />
          <TextInput
            label="Search"
            description="Institution or reference"
            w={260}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            hiddenFrom="md"
            label="Sort by"
            w={220}
            value={`${sort.key}:${sort.descending ? 'desc' : 'asc'}`}
            allowDeselect={false}
            onChange={(v) => {
              if (!v) return;
              const [key, dir] = v.split(':');
              setSort({ key: key as SortKey, descending: dir === 'desc' });
            }}
            data={SORTS.flatMap((s) => [
              { value: `${s.key}:asc`, label: `${s.label}, ascending` },
              { value: `${s.key}:desc`, label: `${s.label}, descending` },
            ])}
          />
        </Group>
        <Text role="status" c="gray.9">
          {shown.length === rows.length
            ? `${rows.length} ${rows.length === 1 ? 'application' : 'applications'}`
            : `${shown.length} of ${rows.length} applications shown`}
        </Text>
        {rows.length === 0 ? (
          <Text>Nothing to score right now. We email you when an application is assigned.</Text>
        ) : shown.length === 0 ? (
          <Text>No application matches. Clear the search or choose another status.</Text>
        ) : (
          <>
            <Table visibleFrom="md" striped highlightOnHover verticalSpacing="sm" aria-labelledby="worklist-heading">
              <Table.Caption>Select a column heading to sort by it; select it again to reverse the order.</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {SORTS.map((s) => (
                    <Table.Th
                      key={s.key}
                      scope="col"
                      aria-sort={sort.key === s.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                    >
                      <UnstyledButton onClick={() => toggle(s.key)} fw={700} fz="sm">
                        {s.label}
                        <span aria-hidden> {sort.key === s.key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
                      </UnstyledButton>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>
                      <NameCell row={r} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.reference}</Text>
                      {r.purpose === 'adjudication' && (
                        <Text size="sm" c="gray.8">
                          Adjudication
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge row={r} />
                    </Table.Td>
                    <Table.Td>
                      <DueCell row={r} />
                    </Table.Td>
                    <Table.Td>
                      <ProgressCell row={r} />
                    </Table.Td>
                    <Table.Td>{r.recommendation ? OUTCOME_LABEL[r.recommendation] : <Text c="gray.8">—</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <SimpleGrid
              hiddenFrom="md"
              cols={1}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label="Applications to review"
            >
              {shown.map((r) => (
                <Card component="li" key={r.key} withBorder padding="md">
                  <Stack gap={6}>
                    <NameCell row={r} />
                    <Text size="sm" c="gray.8">
                      {r.reference}
                      {r.purpose === 'adjudication' ? ' · Adjudication' : ''}
                    </Text>
                    <StatusBadge row={r} />
                    <DueCell row={r} />
                    <ProgressCell row={r} />
                    {r.recommendation && (
                      <Text size="sm">
                        <b>Your recommendation:</b> {OUTCOME_LABEL[r.recommendation]}
                      </Text>
                    )}
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </>
        )}
      </Stack>
      <ProgressConfirmationsSection />
    </Page>
  );
}

function NameCell({ row: r }: { row: Row }) {
  if (!r.link) return <Text fw={600}>{r.name}</Text>;
  const verb = r.status === 'finished' ? 'View your scores for' : r.status === 'in-progress' ? 'Continue scoring' : 'Score';
  return (
    <Anchor component={Link} to={r.link} fw={600} c="blue.9" aria-label={`${verb} ${r.name}`}>
      {r.name}
    </Anchor>
  );
}

function StatusBadge({ row: r }: { row: Row }) {
  return (
    // Never cut to "To sco…": the badge takes the width of its words.
    <Badge color={STATUS[r.status].color} variant="outline" radius="sm" miw="max-content" styles={{ label: { overflow: 'visible' } }}>
      {STATUS[r.status].label}
    </Badge>
  );
}

function DueCell({ row: r }: { row: Row }) {
  if (r.status === 'conflict')
    return (
      <Text size="sm" c="gray.9">
        Declared {shortDate(r.finishedAt!)}
      </Text>
    );
  const due = dueIn(r.dueAt!);
  return (
    <Stack gap={2}>
      <Text size="sm">
        <time dateTime={r.dueAt!}>{exactDate(r.dueAt!)}</time>
      </Text>
      {r.status === 'finished' ? (
        r.finishedAt && (
          <Text size="sm" c="gray.8">
            Finished {shortDate(r.finishedAt)}
          </Text>
        )
      ) : due.overdue ? (
        <Badge color="red.8" variant="filled" radius="sm" w="fit-content">
          {due.text}
        </Badge>
      ) : (
        <Text size="sm" c={due.days <= 3 ? 'orange.9' : 'gray.8'}>
          {due.text}
        </Text>
      )}
    </Stack>
  );
}

function ProgressCell({ row: r }: { row: Row }) {
  if (r.status === 'conflict') return <Text c="gray.8">—</Text>;
  return (
    <Text size="sm">
      {r.scored} of {r.total} scored
    </Text>
  );
}
