import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { download, get, write } from '../../api/client';
import { useStaffQueue } from '../../api/queries';
import type { LogVerdict } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { fromLocalInput, shortDate } from '../../lib/dates';
import { CARD_LIST_STYLES } from '../../lib/wide';

/** The auditor's home: every application, whole-log verification, the read-model check and period exports. */
export function AuditorHomePage() {
  const queue = useStaffQueue();
  return (
    <Page
      title="Audit"
      intro="Read-only. Histories, verification, states and exports are read from the event log itself, not from the working views."
    >
      {/* One column on a phone: three side by side would squeeze their buttons out of sight. */}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <VerifyLogCard />
        <RebuildCheckCard />
        <PeriodExportCard />
      </SimpleGrid>
      <Card withBorder padding={0} component="section" aria-labelledby="apps-heading">
        <Title order={2} size="h3" id="apps-heading" p="md">
          Applications
        </Title>
        {queue.isPending ? (
          <Loading what="Loading applications" />
        ) : queue.error ? (
          <ProblemAlert error={queue.error} />
        ) : (
          <>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" visibleFrom="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Application</Table.Th>
                  <Table.Th scope="col">Leader</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Received</Table.Th>
                  <Table.Th scope="col">Last event</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/auditor/applications/${a.id}`} fw={600}>
                        {a.reference}
                      </Anchor>
                      <Text size="sm">{a.institutionName}</Text>
                    </Table.Td>
                    <Table.Td>{a.leaderName}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>{shortDate(a.submittedAt)}</Table.Td>
                    <Table.Td>{shortDate(a.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {/* A phone: one card per application rather than a table that scrolls sideways. */}
            <List
              hiddenFrom="sm"
              listStyleType="none"
              spacing="sm"
              styles={CARD_LIST_STYLES}
              px="md"
              pb="md"
              aria-labelledby="apps-heading"
            >
              {queue.data.items.map((a) => (
                <List.Item key={a.id}>
                  <Card withBorder padding="sm">
                    <Stack gap={4}>
                      <Group justify="space-between" wrap="wrap" gap="xs">
                        <Anchor component={Link} to={`/auditor/applications/${a.id}`} fw={600}>
                          {a.reference}
                        </Anchor>
                        <StatusBadge status={a.status} />
                      </Group>
                      <Text size="sm">
                        {a.institutionName} · {a.leaderName}
                      </Text>
                      <Text size="sm" c="gray.9">
                        Received {shortDate(a.submittedAt)} · last event {shortDate(a.updatedAt)}
                      </Text>
                    </Stack>
                  </Card>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Card>
    </Page>
  );
}

function VerifyLogCard() {
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<LogVerdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      setVerdict(await get<LogVerdict>('/audit/verify'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h4">
          Verify the whole log
        </Title>
        <Text size="sm" c="gray.9">
          Recomputes every event's hash chain.
        </Text>
        <Button onClick={run} loading={busy} w="fit-content">
          Verify the log
        </Button>
        {error !== null && <ProblemAlert error={error} />}
        {verdict && (
          <Alert
            color={verdict.ok ? 'green' : 'red'}
            variant="light"
            role="status"
            title={verdict.ok ? 'The log is intact' : 'The log does not verify'}
          >
            <Text size="sm" c="gray.9">
              {verdict.events} events in {verdict.streams} streams.
            </Text>
            {verdict.head && (
              <Text size="sm" c="gray.9" style={{ wordBreak: 'break-all' }}>
                Head: {verdict.head.position}:{verdict.head.globalHash}
              </Text>
            )}
            {verdict.problem && (
              <Text size="sm" c="gray.9">
                {verdict.problem.reason} at position {verdict.problem.position}: {verdict.problem.detail}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function RebuildCheckCard() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ matches: boolean; head: string | null; differences: unknown[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await write('POST', '/audit/rebuild-check'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h4">
          Check the read models
        </Title>
        <Text size="sm" c="gray.9">
          Rebuilds every view from the log and compares. Changes nothing.
        </Text>
        <Button onClick={run} loading={busy} w="fit-content" variant="default">
          Run the check
        </Button>
        {error !== null && <ProblemAlert error={error} />}
        {result && (
          <Alert
            color={result.matches ? 'green' : 'red'}
            variant="light"
            role="status"
            title={result.matches ? 'The views match the log' : `${result.differences.length} differences`}
          >
            <Text size="sm" c="gray.9">
              Up to log position {result.head ?? '0'}.
            </Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function PeriodExportCard() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const query = () => {
    const p = new URLSearchParams();
    if (from) p.set('from', fromLocalInput(from));
    if (to) p.set('to', fromLocalInput(to));
    return p.toString() ? `?${p}` : '';
  };
  const save = (ext: 'csv' | 'json') => download(`/audit/export.${ext}${query()}`, `iasl-events.${ext}`).catch(setError);
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Export a period
        </Title>
        <TextInput type="datetime-local" label="From (optional)" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="datetime-local" label="Until (optional)" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        {error !== null && <ProblemAlert error={error} />}
        <Group>
          <Button variant="default" onClick={() => save('csv')}>
            CSV
          </Button>
          <Button variant="default" onClick={() => save('json')}>
            JSON
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
