import { useState } from 'react';
import { Alert, Button, Card, Group, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { get } from '../../api/client';
import type { AuditReviewerView, HistoryEntry } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { utcDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

const WITHHELD = 'Withheld by blind review';

/** The reviewers ever assigned, by name, in the order they were assigned. */
const assignedReviewers = (history: HistoryEntry[]) => {
  const seen = new Map<string, string>();
  for (const e of history) {
    if (e.type !== 'ReviewerAssigned') continue;
    const id = (e.data as { reviewerId: string }).reviewerId;
    seen.set(id, e.people.find((p) => p.id === id)?.name ?? 'A reviewer');
  }
  return [...seen].map(([value, label]) => ({ value, label }));
};

/**
 * docs/DOMAIN.md, What auditors need: what one reviewer was shown when they scored, as the log reconstructs it,
 * including what blind review withheld and the cycle setting that withheld it.
 */
export function ReviewerViewCard({ id, history }: { id: string; history: HistoryEntry[] }) {
  const reviewers = assignedReviewers(history);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<AuditReviewerView | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run(e: React.FormEvent) {
    e.preventDefault();
    const chosen = reviewerId ?? reviewers[0]?.value;
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      setView(await get<AuditReviewerView>(`/audit/applications/${id}/reviewer-view/${chosen}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="reviewer-view-heading">
      <form onSubmit={run} noValidate>
        <Stack>
          <Title order={2} size="h3" id="reviewer-view-heading">
            What a reviewer saw
          </Title>
          {reviewers.length === 0 ? (
            <Text c="gray.9">No reviewer has been assigned to this application.</Text>
          ) : (
            <Group align="flex-end">
              <Select
                label="Reviewer"
                data={reviewers}
                value={reviewerId ?? reviewers[0].value}
                onChange={setReviewerId}
                allowDeselect={false}
                w={280}
              />
              <Button type="submit" loading={busy} variant="default">
                Show what they saw
              </Button>
            </Group>
          )}
          {error !== null && <ProblemAlert error={error} />}
          {view && <ReviewerViewDetails view={view} />}
        </Stack>
      </form>
    </Card>
  );
}

/** docs/DOMAIN.md, Blind review: a reviewer sees nothing of the others' scores before their own are in. */
function notShown({ otherFinishedReviews: n, recommendation }: AuditReviewerView['notShown']) {
  if (n === 0 && !recommendation) return 'No other review had been finished by then, so nothing of the others was kept from them.';
  const reviews = n === 0 ? '' : `${n} other finished ${n === 1 ? 'review' : 'reviews'}`;
  const rec = recommendation ? "the engine's recommendation" : '';
  return `Not shown to them: ${[reviews, rec].filter(Boolean).join(' and ')}.`;
}

function ReviewerViewDetails({ view }: { view: AuditReviewerView }) {
  const { application: app, blindReview: blind } = view;
  const s = app.survey;
  const shown = (value: string | null) => value ?? WITHHELD;
  return (
    <Stack gap="sm" aria-live="polite">
      <Text fw={600}>
        {view.moment.scored
          ? `${view.reviewerName} submitted their scores ${utcDate(view.moment.occurredAt)} (event ${view.moment.version}). This is the application as it stood just before.`
          : `${view.reviewerName} has not submitted scores. This is the application as it stands after event ${view.moment.version}.`}
      </Text>
      <List size="sm" spacing={2}>
        {view.assignments.map((a) => (
          <List.Item key={a.version}>
            Assigned {utcDate(a.assignedAt)} by {a.assignedBy.name} ({a.method === 'auto' ? 'automatically' : 'by hand'}
            {a.purpose === 'adjudication' ? ', to adjudicate' : ''}), scores due {utcDate(a.dueAt)}
            {a.released ? `; released ${utcDate(a.released.at)} by ${a.released.by}: ${a.released.reason}` : ''}.
          </List.Item>
        ))}
      </List>
      <Alert
        color={blind.on ? 'violet' : 'gray'}
        variant="light"
        title={blind.on ? `Blind review was on for the ${blind.cycle} cycle` : `Blind review was off for the ${blind.cycle} cycle`}
      >
        <Stack gap={4}>
          <Text size="sm" c="gray.9">
            {blind.setting
              ? `Set ${blind.setting.blindReview ? 'on' : 'off'} ${utcDate(blind.setting.setAt)} by ${blind.setting.setBy.name} (event ${blind.setting.version} of the cycle's settings), before ${view.moment.scored ? 'they scored' : 'now'}.`
              : 'Staff had never turned it on for this cycle: review is not blind by default.'}
          </Text>
          {blind.on ? (
            <>
              <Text size="sm" c="gray.9">
                Withheld from this reviewer:
              </Text>
              <List size="sm">
                {blind.withheld.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm" c="gray.9">
              The reviewer saw the leader&apos;s name, contact email and institution.
            </Text>
          )}
        </Stack>
      </Alert>
      <Title order={3} size="h4">
        The intake survey as they saw it
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Text size="sm">
          <b>Leader:</b> {shown(s.leaderName)}
        </Text>
        <Text size="sm">
          <b>Contact email:</b> {shown(s.contactEmail)}
        </Text>
        <Text size="sm">
          <b>Institution:</b> {shown(s.institution.name)} ({s.institution.type})
        </Text>
        <Text size="sm">
          <b>Where:</b> {s.institution.region}, {s.institution.country}
        </Text>
        <Text size="sm">
          <b>Years running:</b> {s.yearsRunning}
        </Text>
        <Text size="sm">
          <b>Students served:</b> {s.studentsServed.toLocaleString()}
        </Text>
      </SimpleGrid>
      <Text size="sm" className="pre-wrap">
        <b>The program:</b> {s.programDescription}
      </Text>
      <Title order={3} size="h4">
        The self-assessment as they saw it
      </Title>
      {app.assessment ? (
        <Table.ScrollContainer
          minWidth={520}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'The self-assessment as they saw it' } }}
        >
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Indicator</Table.Th>
                <Table.Th scope="col">Self-rating</Table.Th>
                <Table.Th scope="col">Evidence</Table.Th>
                {view.submitted && <Table.Th scope="col">Their level and comment</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {app.assessment.map((r) => {
                const score = view.submitted?.scores.find((x) => x.indicator === r.indicator);
                return (
                  <Table.Tr key={r.indicator}>
                    <Table.Td>{r.indicator}</Table.Td>
                    <Table.Td>{r.level}</Table.Td>
                    <Table.Td className="pre-wrap">{r.evidence}</Table.Td>
                    {view.submitted && <Table.Td>{score ? `${score.level}: ${score.comment}` : 'not scored'}</Table.Td>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm">No self-assessment had been submitted.</Text>
      )}
      {view.submitted && (
        <Text size="sm">
          They recommended {OUTCOME_LABEL[view.submitted.recommendation]}
          {view.drafts.length > 0 ? `, after ${view.drafts.length} saved ${view.drafts.length === 1 ? 'draft' : 'drafts'}` : ''}.
        </Text>
      )}
      <Text size="sm" c="gray.9">
        {notShown(view.notShown)}
      </Text>
    </Stack>
  );
}
