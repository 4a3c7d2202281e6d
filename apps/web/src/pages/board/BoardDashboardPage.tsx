import '@mantine/charts/styles.css';
import { Link } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { BarChart } from '@mantine/charts';
import { Button, Card, Grid, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { get } from '../../api/client';
import { useBoardQueue, useRubric, useStaffQueue } from '../../api/queries';
import type { ApplicationSummaryView, FinishedReviewView, StaffQueue } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { indicatorsOf } from '../../lib/rubric';
import { DecisionTable } from './DecisionQueuePage';

const LEVEL_COLORS = ['red.8', 'orange.8', 'yellow.7', 'teal.8', 'blue.8'];

/** The board's home: status funnel, reviewer progress, score distribution by indicator, agreement, queue. */
export function BoardDashboardPage() {
  const queue = useStaffQueue();
  const board = useBoardQueue();
  const rubric = useRubric();
  const reviewed = (board.data ?? []).map((i) => i.applicationId);
  const scores = useQueries({
    queries: reviewed.map((id) => ({
      queryKey: [`/applications/${id}/scores`, {}],
      queryFn: () => get<FinishedReviewView[]>(`/applications/${id}/scores`),
    })),
  });
  if (queue.isPending || board.isPending) return <Loading what="Loading the dashboard" />;
  if (queue.error || board.error) return <ProblemAlert error={queue.error ?? board.error} />;

  const waiting = board.data.filter((i) => i.status !== 'Decided');
  const reviews = scores.flatMap((q, n) => (q.data ? [{ applicationId: reviewed[n], reviews: q.data }] : []));
  const loadingScores = scores.some((q) => q.isPending);
  return (
    <Page
      title="Board dashboard"
      actions={
        <Button component={Link} to="/board/decisions">
          Decision queue ({waiting.length} waiting)
        </Button>
      }
    >
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StatusFunnel queue={queue.data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReviewerProgress items={queue.data.items} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Card withBorder padding="lg" component="section" aria-labelledby="dist-heading">
            <Title order={2} size="h3" id="dist-heading">
              Score distribution by indicator
            </Title>
            <Text size="sm" c="gray.8" mb="md">
              Finished reviews of every application before or decided by the board: how many scores at each level.
            </Text>
            {loadingScores || !rubric.data ? (
              <Loading what="Loading scores" />
            ) : (
              <ScoreDistribution reviews={reviews.flatMap((r) => r.reviews)} codes={indicatorsOf(rubric.data).map((i) => i.code)} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card withBorder padding="lg" component="section" aria-labelledby="agree-heading">
            <Title order={2} size="h3" id="agree-heading" mb="md">
              Reviewer agreement
            </Title>
            {loadingScores ? (
              <Loading what="Loading scores" />
            ) : (
              <Agreement rows={reviews} references={new Map(board.data.map((b) => [b.applicationId, b.reference]))} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Title order={2} size="h3" mb="sm">
            Waiting for the board
          </Title>
          <DecisionTable
            items={waiting}
            caption={`${waiting.length} ${waiting.length === 1 ? 'application' : 'applications'} waiting for a decision or a ruling`}
          />
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function StatusFunnel({ queue }: { queue: StaffQueue }) {
  const c = queue.counts;
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  const steps = [
    { label: 'Surveys received', n: total },
    { label: 'Accepted for self-assessment', n: total - c.Screening - c.Rejected },
    { label: 'Self-assessment submitted', n: c.UnderReview + c.NeedsAdjudication + c.AwaitingDecision + c.Decided },
    { label: 'Reviews complete', n: c.NeedsAdjudication + c.AwaitingDecision + c.Decided },
    { label: 'Decided', n: c.Decided },
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="funnel-heading" h="100%">
      <Title order={2} size="h3" id="funnel-heading" mb="md">
        Status funnel
      </Title>
      <Stack gap="sm">
        {steps.map((s, i) => (
          <div key={s.label}>
            <Group justify="space-between">
              <Text size="sm" id={`funnel-${i}`}>
                {s.label}
              </Text>
              <Text size="sm" fw={700}>
                {s.n}
              </Text>
            </Group>
            <Progress value={total ? (s.n / total) * 100 : 0} aria-label={`${s.label}: ${s.n} of ${total}`} size="lg" />
          </div>
        ))}
        <Text size="sm" c="gray.8">
          Not accepted: {c.Rejected} · Lapsed: {c.Lapsed}
        </Text>
      </Stack>
    </Card>
  );
}

function ReviewerProgress({ items }: { items: ApplicationSummaryView[] }) {
  const byReviewer = new Map<string, { finished: number; assigned: number }>();
  const names = new Map<string, string>();
  for (const app of items) {
    for (const r of app.reviewers ?? []) {
      if (r.status === 'released') continue;
      if (r.name) names.set(r.reviewerId, r.name);
      const row = byReviewer.get(r.reviewerId) ?? { finished: 0, assigned: 0 };
      row.assigned += 1;
      if (r.status === 'finished') row.finished += 1;
      byReviewer.set(r.reviewerId, row);
    }
  }
  const rows = [...byReviewer.entries()].sort((a, b) => (names.get(a[0]) ?? '').localeCompare(names.get(b[0]) ?? ''));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="progress-heading" h="100%">
      <Title order={2} size="h3" id="progress-heading" mb="md">
        Reviewer progress
      </Title>
      {rows.length === 0 ? (
        <Text>No reviews assigned yet.</Text>
      ) : (
        <Stack gap="sm">
          {rows.map(([id, r]) => (
            <div key={id}>
              <Group justify="space-between">
                <Text size="sm" id={`rev-${id}`}>
                  {names.get(id) ?? 'Reviewer'}
                </Text>
                <Text size="sm">
                  {r.finished} of {r.assigned} finished
                </Text>
              </Group>
              <Progress
                value={(r.finished / r.assigned) * 100}
                color="teal.9"
                aria-label={`${names.get(id) ?? 'Reviewer'}: ${r.finished} of ${r.assigned} finished`}
                size="lg"
              />
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ScoreDistribution({ reviews, codes }: { reviews: FinishedReviewView[]; codes: string[] }) {
  if (reviews.length === 0) return <Text>No finished reviews yet.</Text>;
  const data = codes.map((code) => {
    const row: Record<string, string | number> = { indicator: code.replace('Strategic Alliances', 'SA') };
    for (let level = 1; level <= 5; level++) row[`Level ${level}`] = 0;
    for (const r of reviews) {
      const s = r.scores.find((x) => x.indicator === code);
      if (s) row[`Level ${s.level}`] = (row[`Level ${s.level}`] as number) + 1;
    }
    return row;
  });
  return (
    <figure style={{ margin: 0 }}>
      <BarChart
        h={320}
        data={data}
        dataKey="indicator"
        type="stacked"
        withLegend
        xAxisProps={{ angle: -35, textAnchor: 'end', height: 70, interval: 0, fontSize: 11 }}
        series={[1, 2, 3, 4, 5].map((l) => ({ name: `Level ${l}`, color: LEVEL_COLORS[l - 1] }))}
      />
      <figcaption className="visually-hidden">
        {data.map((row) => `${row.indicator}: ${[1, 2, 3, 4, 5].map((l) => `${row[`Level ${l}`]} at level ${l}`).join(', ')}`).join('. ')}
      </figcaption>
    </figure>
  );
}

/** Per application: the share of indicators where reviewers gave the same level, and within one level. */
function Agreement({
  rows,
  references,
}: {
  rows: { applicationId: string; reviews: FinishedReviewView[] }[];
  references: Map<string, string>;
}) {
  const stats = rows
    .map(({ applicationId, reviews }) => {
      const scored = reviews.filter((r) => r.purpose === 'review');
      if (scored.length < 2) return null;
      const codes = scored[0].scores.map((s) => s.indicator);
      const spreads = codes.map((code) => {
        const levels = scored.map((r) => r.scores.find((s) => s.indicator === code)?.level ?? 0);
        return Math.max(...levels) - Math.min(...levels);
      });
      return {
        applicationId,
        reviewers: scored.length,
        exact: spreads.filter((s) => s === 0).length / spreads.length,
        withinOne: spreads.filter((s) => s <= 1).length / spreads.length,
        maxSpread: Math.max(...spreads),
      };
    })
    .filter((s): s is NonNullable<typeof s> => s !== null);
  if (stats.length === 0) return <Text>Agreement shows once two reviewers have finished an application.</Text>;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const mean = (f: (s: (typeof stats)[number]) => number) => stats.reduce((a, s) => a + f(s), 0) / stats.length;
  return (
    <Stack>
      <Text>
        Across {stats.length} applications: same level on {pct(mean((s) => s.exact))} of indicators, within one level on{' '}
        {pct(mean((s) => s.withinOne))}.
      </Text>
      <Table striped visibleFrom="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Application</Table.Th>
            <Table.Th scope="col">Reviewers</Table.Th>
            <Table.Th scope="col">Same level</Table.Th>
            <Table.Th scope="col">Within one level</Table.Th>
            <Table.Th scope="col">Largest spread</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.map((s) => (
            <Table.Tr key={s.applicationId}>
              <Table.Td>{references.get(s.applicationId)}</Table.Td>
              <Table.Td>{s.reviewers}</Table.Td>
              <Table.Td>{pct(s.exact)}</Table.Td>
              <Table.Td>{pct(s.withinOne)}</Table.Td>
              <Table.Td>{s.maxSpread}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {/* Phones: the same rows as a list, so no column is cut off. */}
      <List hiddenFrom="sm" listStyleType="none" spacing="xs" aria-label="Agreement by application">
        {stats.map((s) => (
          <List.Item key={s.applicationId}>
            <Text fw={600}>{references.get(s.applicationId)}</Text>
            <Text size="sm" c="gray.9">
              {s.reviewers} reviewers · same level {pct(s.exact)} · within one level {pct(s.withinOne)} · largest spread {s.maxSpread}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
