import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { NeedsActionReason } from '@cert/contracts';
import { useWorkOverview } from '../../api/queries';
import { DeadlineRow } from '../../components/ScheduleCard';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';

const WINDOWS = [7, 14, 30, 90];

const REASON: Record<NeedsActionReason, string> = {
  unscreened: 'To screen',
  'needs-reviewers': 'Needs reviewers',
  'assessment-overdue': 'Assessment overdue',
  'review-overdue': 'Review overdue',
  'appeal-to-route': 'Appeal to route',
  'adjudication-waiting': 'Adjudication waiting',
  'timer-late': 'Timer not run',
};

/**
 * docs/DOMAIN.md, Deadlines: the staff's work overview. What needs a person now, and what the engine will do in the
 * coming days (reminders, escalations, lapses, replacements), so nothing waits or passes unseen.
 */
export function WorkOverviewPage() {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('within'));
  const within = WINDOWS.includes(asked) ? asked : 14;
  const overview = useWorkOverview(within);
  const link = (id: string, reference: string) => (
    <Anchor component={Link} to={`/staff/applications/${id}`} c="blue.8" fw={600}>
      {reference}
    </Anchor>
  );

  return (
    <Page title="Work overview" intro="What needs action now, and what the engine will do next">
      {overview.isPending && <Loading what="Loading the work overview" />}
      {overview.error && <ProblemAlert error={overview.error} />}
      {overview.data && (
        <>
          <Card withBorder padding="lg" component="section" aria-labelledby="needs-action-heading">
            <Title order={2} size="h3" id="needs-action-heading" mb="sm">
              Needs action now ({overview.data.needsAction.length})
            </Title>
            {overview.data.needsAction.length === 0 ? (
              <Text>Nothing is waiting on staff.</Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {overview.data.needsAction.map((n, i) => (
                  <li key={`${n.reason}-${n.applicationId}-${i}`}>
                    <Group gap="xs" wrap="wrap" align="baseline">
                      <Badge color={n.reason === 'timer-late' ? 'red' : 'orange'} variant="light" radius="sm">
                        {REASON[n.reason]}
                      </Badge>
                      {link(n.applicationId, n.reference)}
                      <Text>
                        · {n.institutionName} · {n.leaderName}
                        {n.personName ? ` · ${n.personName}` : ''}: {n.label}
                      </Text>
                      <Text size="sm" c="gray.8">
                        since <time dateTime={n.since}>{exactDate(n.since)}</time>
                      </Text>
                    </Group>
                  </li>
                ))}
              </Stack>
            )}
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="coming-heading">
            <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
              <Title order={2} size="h3" id="coming-heading">
                Coming up (next {within} days): {overview.data.coming.length}
              </Title>
              <NativeSelect
                label="Look ahead"
                value={String(within)}
                data={WINDOWS.map((d) => ({ value: String(d), label: `${d} days` }))}
                onChange={(e) => setParams({ within: e.currentTarget.value })}
              />
            </Group>
            {overview.data.coming.length === 0 ? (
              <Text>Nothing is due in the next {within} days.</Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {overview.data.coming.map((c) => (
                  <DeadlineRow
                    key={c.key}
                    item={c}
                    application={
                      <Text size="sm">
                        {link(c.applicationId, c.reference)} · {c.institutionName} · {c.leaderName}
                      </Text>
                    }
                  />
                ))}
              </Stack>
            )}
          </Card>
        </>
      )}
    </Page>
  );
}
