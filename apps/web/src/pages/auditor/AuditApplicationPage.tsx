import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Group, MultiSelect, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { download, get } from '../../api/client';
import { useApplication, useHistory, useRecordOfReasons } from '../../api/queries';
import type { HistoryEntry, Reproduction, StateAsOf, StreamVerdict } from '@cert/contracts';
import { EvidenceByIndicator } from '../../components/EvidenceDocuments';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { exactDate, fromLocalInput, utcDate } from '../../lib/dates';
import { eventLabel, isEngineStep, OUTCOME_LABEL, ROLE_LABEL } from '../../lib/labels';
import { RecordOfReasonsCard } from './RecordOfReasonsCard';
import { ReviewerViewCard } from './ReviewerViewCard';
import { ScheduleCard } from '../../components/ScheduleCard';

/** Why an event happened, where the event says: a reason, a justification, a rule. */
function whyOf(e: HistoryEntry): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  for (const key of ['reason', 'justification', 'rule', 'method']) if (typeof d[key] === 'string' && d[key]) return `${key}: ${d[key]}`;
  return '';
}

/** One application for an auditor: the ordered history from the log, verification, state as of a date, reproduction, exports. */
/** Events of linked streams (a directory listing, an award cycle) are numbered in their own stream; say which. */
const linkedStreamLabel = (streamId?: string): string | null => {
  if (!streamId || streamId.startsWith('application-')) return null;
  if (streamId.startsWith('directory-listing-')) return 'directory listing';
  if (streamId.startsWith('award-cycle-')) return `award cycle ${streamId.slice('award-cycle-'.length)}`;
  return streamId;
};

export function AuditApplicationPage() {
  const { id } = useParams();
  const app = useApplication(id);
  const history = useHistory(id);
  const record = useRecordOfReasons(id);
  const [types, setTypes] = useState<string[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [hideDrafts, setHideDrafts] = useState(false);

  if (app.isPending || history.isPending) return <Loading what="Reading the history from the log" />;
  if (app.error || history.error)
    return (
      <Page title="Audit">
        <ProblemAlert error={app.error ?? history.error} title="This history cannot be read" />
      </Page>
    );

  // A reason that reads "[erased]" says why: shredded with the record, or erased with a person before reasons were kept apart.
  const gone = new Map((record.data?.reasons ?? []).filter((r) => r.reads !== 'readable').map((r) => [r.version, r.note]));
  const events = history.data.filter(
    (e) =>
      (types.length === 0 || types.includes(e.type)) &&
      (roles.length === 0 || roles.includes(e.actorRole)) &&
      !(hideDrafts && e.type.endsWith('DraftSaved')),
  );
  const a = app.data;
  const ref = a.reference;

  return (
    <Page
      title={`History of ${ref}`}
      intro={
        <>
          {a.institutionName} · {a.leaderName} · <StatusBadge status={a.status} />
        </>
      }
    >
      {/* One column on a phone: three side by side would squeeze their buttons out of sight. */}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <VerifyCard id={a.id} />
        <ReproduceCard id={a.id} decided={a.status === 'Decided' || !!a.recommendation} />
        <Card withBorder padding="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Exports
            </Title>
            <Text size="sm" c="gray.9">
              The events with their hashes, or the decision report.
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => void download(`/audit/applications/${a.id}/export.csv`, `${ref}-events.csv`)}>
                Events CSV
              </Button>
              <Button variant="default" onClick={() => void download(`/audit/applications/${a.id}/export.json`, `${ref}-events.json`)}>
                Events JSON
              </Button>
              <Button
                variant="default"
                onClick={() => void download(`/audit/applications/${a.id}/report.pdf`, `${ref}-decision-report.pdf`)}
              >
                Report PDF
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>

      <StateAsOfCard id={a.id} />

      <ScheduleCard applicationId={a.id} />
      <RecordOfReasonsCard record={record.data} error={record.error} />
      <EvidenceByIndicator applicationId={a.id} />
      <ReviewerViewCard id={a.id} history={history.data} />

      <Card withBorder padding="lg" component="section" aria-labelledby="history-heading">
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3" id="history-heading">
              Events: who, what, when, why
            </Title>
            <Group align="flex-end">
              <Switch label="Hide draft saves" checked={hideDrafts} onChange={(e) => setHideDrafts(e.currentTarget.checked)} mb={8} />
              <MultiSelect
                label="Event types"
                placeholder="All"
                w={260}
                clearable
                data={[...new Set(history.data.map((e) => e.type))].map((t) => ({ value: t, label: eventLabel(t) }))}
                value={types}
                onChange={setTypes}
              />
              <MultiSelect
                label="Roles"
                placeholder="All"
                w={220}
                clearable
                data={[...new Set(history.data.map((e) => e.actorRole))].map((r) => ({ value: r, label: ROLE_LABEL[r] ?? r }))}
                value={roles}
                onChange={setRoles}
              />
            </Group>
          </Group>
          <Table.ScrollContainer
            minWidth={1000}
            scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Table of events, scrolls sideways' } }}
          >
            <Table striped verticalSpacing="xs">
              <Table.Caption>
                {events.length} of {history.data.length} events, in the order they were recorded
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Who</Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                  <Table.Th scope="col">Rules and hash</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((e) => (
                  <Table.Tr key={e.eventId}>
                    <Table.Td>
                      {e.version}
                      {linkedStreamLabel(e.streamId) && (
                        <Text size="xs" c="gray.8">
                          {linkedStreamLabel(e.streamId)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{utcDate(e.occurredAt)}</Text>
                      <Text size="xs" c="gray.8">
                        {exactDate(e.occurredAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.actorName}</Text>
                      {e.actorRole !== 'system' && !isEngineStep(e.type) && (
                        <Text size="xs" c="gray.8">
                          {ROLE_LABEL[e.actorRole] ?? e.actorRole}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {eventLabel(e.type)}
                      </Text>
                      <Text size="sm">{e.summary}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{whyOf(e)}</Text>
                      {e.streamId.startsWith('application-') && gone.has(e.version) && (
                        <Text size="xs" c="gray.8">
                          {gone.get(e.version)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {e.rubricVersion && <Text size="xs">{e.rubricVersion}</Text>}
                      {e.policyVersion && <Text size="xs">{e.policyVersion}</Text>}
                      {e.hash && (
                        <Text size="xs" c="gray.8" ff="monospace">
                          {e.hash.slice(0, 12)}…
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Card>
    </Page>
  );
}

function VerifyCard({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<StreamVerdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      setVerdict(await get<StreamVerdict>(`/audit/applications/${id}/verify`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Verify this history
        </Title>
        <Text size="sm" c="gray.9">
          Recomputes the hash chain of every event of this application.
        </Text>
        <Button onClick={run} loading={busy} w="fit-content">
          Verify history
        </Button>
        {error !== null && <ProblemAlert error={error} />}
        {verdict && (
          <Alert
            color={verdict.ok ? 'green' : 'red'}
            variant="light"
            role="status"
            title={verdict.ok ? 'Verified: the history is intact' : 'The history does not verify'}
          >
            <Text size="sm" c="gray.9">
              {verdict.events} events checked.
            </Text>
            {verdict.headHash && (
              <Text size="sm" c="gray.9" style={{ wordBreak: 'break-all' }}>
                Last hash: {verdict.headHash}
              </Text>
            )}
            {verdict.problem && (
              <Text size="sm" c="gray.9">
                {verdict.problem.reason}: {verdict.problem.detail}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function ReproduceCard({ id, decided }: { id: string; decided: boolean }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Reproduction | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await get<Reproduction>(`/audit/applications/${id}/decision/reproduce`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Reproduce the decision
        </Title>
        <Text size="sm" c="gray.9">
          Recomputes the recommendation from the recorded scores under the pinned rubric and policy.
        </Text>
        <Button onClick={run} loading={busy} disabled={!decided} w="fit-content" variant="default">
          Reproduce
        </Button>
        {!decided && <Text size="sm">Available once a recommendation has been computed.</Text>}
        {error !== null && <ProblemAlert error={error} />}
        {result && (
          <Alert
            color={result.reproduced ? 'green' : 'red'}
            variant="light"
            role="status"
            title={result.reproduced ? 'Reproduced: same result' : `${result.differences.length} differences`}
          >
            {result.checks.map((c) =>
              c.decision ? (
                <Stack gap={2} key={c.version} mt="xs">
                  <Text size="sm" c="gray.9" fw={600}>
                    Decision of {utcDate(c.decision.decidedAt)}
                    {c.decision.appealOf ? ', on appeal' : ''} (event {c.version})
                  </Text>
                  <Text size="sm" c="gray.9">
                    Recommendation recomputed from the recorded inputs: {OUTCOME_LABEL[c.fromRecordedInputs.outcome]} (rule{' '}
                    {c.fromRecordedInputs.rule}).
                  </Text>
                  <Text size="sm" c="gray.9">
                    Recorded decision: {OUTCOME_LABEL[c.decision.outcome]}, by {c.decision.decidedBy.name}.{' '}
                    {c.decision.verdict === 'followed'
                      ? 'The board followed the recommendation.'
                      : `The board overruled the recommendation (${OUTCOME_LABEL[c.recordedRecommendation.outcome]}).`}
                  </Text>
                  {c.decision.verdict === 'overruled' && (
                    <Text size="sm" c="gray.9">
                      Justification: {c.decision.justification ?? 'none recorded'}
                    </Text>
                  )}
                </Stack>
              ) : (
                <Text size="sm" c="gray.9" key={c.version}>
                  Recommendation (event {c.version}): recorded {OUTCOME_LABEL[c.recordedRecommendation.outcome]};{' '}
                  {c.fromScores &&
                  c.fromScores.outcome === c.recordedRecommendation.outcome &&
                  c.fromScores.rule === c.recordedRecommendation.rule
                    ? 'recomputed the same from the scores.'
                    : `recomputed ${c.fromScores ? OUTCOME_LABEL[c.fromScores.outcome] : 'nothing'} (rule ${c.fromScores?.rule ?? 'none'}).`}
                </Text>
              ),
            )}
            {result.differences.map((d) => (
              <Text size="sm" c="gray.9" key={`${d.version}-${d.field}`}>
                {d.field}: recorded {JSON.stringify(d.recorded)}, recomputed {JSON.stringify(d.recomputed)}
              </Text>
            ))}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function StateAsOfCard({ id }: { id: string }) {
  const [asOf, setAsOf] = useState('');
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<StateAsOf | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setState(await get<StateAsOf>(`/audit/applications/${id}/state`, { asOf: asOf ? fromLocalInput(asOf) : undefined }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const s = state?.state;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="asof-heading">
      <form onSubmit={run} noValidate>
        <Stack>
          <Title order={2} size="h3" id="asof-heading">
            State as of a date
          </Title>
          <Group align="flex-end">
            <TextInput
              type="datetime-local"
              label="As of"
              description={`Your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}); empty means now`}
              value={asOf}
              onChange={(e) => setAsOf(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Show the state
            </Button>
          </Group>
          {error !== null && <ProblemAlert error={error} />}
          {state && s && (
            <Stack gap="xs" aria-live="polite">
              <Text fw={600}>
                {state.version === 0 ? 'Before the first event' : `After event ${state.version}`}
                {state.occurredAt ? ` (${utcDate(state.occurredAt)})` : ''}
              </Text>
              <Table withTableBorder maw={900}>
                <Table.Caption>The state of the application then, field by field</Table.Caption>
                <Table.Tbody>
                  {state.readable.map((f) => (
                    <Table.Tr key={f.label}>
                      <Table.Th scope="row" w={240}>
                        {f.label}
                      </Table.Th>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{f.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {state.position && (
                <Button
                  variant="default"
                  w="fit-content"
                  onClick={() =>
                    void download(`/audit/applications/${id}/state?position=${state.position}`, `state-after-event-${state.version}.json`)
                  }
                >
                  Download this state as JSON
                </Button>
              )}
            </Stack>
          )}
        </Stack>
      </form>
    </Card>
  );
}
