import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Radio, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import {
  useApplication,
  useAssessment,
  useBoardItem,
  useFinishedReviews,
  usePolicy,
  useReviewers,
  useRubric,
  useWrite,
  write,
} from '../../api/queries';
import type { ApplicationSummaryView, BoardItemView, FinishedReviewView, Level, Outcome } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL, OUTCOMES } from '../../lib/labels';
import { indicatorsOf } from '../../lib/rubric';
import { AppealNotice } from './AppealNotice';
import { RenewalHistoryPanel } from './RenewalHistoryPanel';

/** One application before the board: the recommendation and why, every reviewer's scores, then one action. */
export function BoardApplicationPage() {
  const { id } = useParams();
  const app = useApplication(id);
  const item = useBoardItem(id);
  const reviews = useFinishedReviews(id);
  if (app.isPending || reviews.isPending) return <Loading what="Loading the application" />;
  if (app.error)
    return (
      <Page title="Application">
        <ProblemAlert error={app.error} title="This application cannot be opened" />
      </Page>
    );
  const a = app.data;
  return (
    <Page
      title={a.institutionName}
      intro={
        <>
          {a.reference} · {a.leaderName} · <StatusBadge status={a.status} />
        </>
      }
    >
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {a.appealStatus !== 'decided' && <AppealNotice appealOf={item.data?.appealOf ?? a.appealOf} statement={a.appealStatement} />}
            <RecommendationCard app={a} item={item.data} />
            <RenewalHistoryPanel app={a} />
            {a.status === 'NeedsAdjudication' && item.data && <AdjudicationForm app={a} item={item.data} />}
            {a.status === 'AwaitingDecision' && <DecisionForm app={a} />}
            {a.status === 'Decided' && (
              <Alert color="green" variant="light" title={`Decided: ${a.decisionOutcome ? OUTCOME_LABEL[a.decisionOutcome] : ''}`}>
                <Text c="gray.9">
                  {a.decidedAt && `On ${exactDate(a.decidedAt)}. `}
                  {a.decisionOverruled ? `Overruled the recommendation: ${a.decisionJustification}` : 'As recommended.'}
                </Text>
                <Anchor component={Link} to={`/applications/${a.id}/growth-report`}>
                  Growth report
                </Anchor>
              </Alert>
            )}
            {!['NeedsAdjudication', 'AwaitingDecision', 'Decided'].includes(a.status) && (
              <Text>This application is not before the board yet.</Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ScoresTable app={a} reviews={reviews.data ?? []} disputed={item.data?.disputed.map((d) => d.indicator) ?? []} />
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function RecommendationCard({ app, item }: { app: ApplicationSummaryView; item: BoardItemView | undefined }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="rec-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="rec-heading">
          Computed recommendation
        </Title>
        {app.recommendation ? (
          <>
            <Text fz="xl" fw={700}>
              {OUTCOME_LABEL[app.recommendation]}
            </Text>
            <Text size="sm" c="gray.9">
              Rule: {app.recommendationRule}
            </Text>
            {item?.overallMean != null && (
              <Text size="sm" c="gray.9">
                Overall mean {item.overallMean.toFixed(2)}; lowest indicator {item.minIndicator ?? '—'}
              </Text>
            )}
            {item?.outcomeMeans && (
              <Text size="sm" c="gray.9">
                By outcome:{' '}
                {Object.entries(item.outcomeMeans)
                  .map(([k, v]) => `${k} ${v.toFixed(2)}`)
                  .join(' · ')}
              </Text>
            )}
            {item && item.reviewerRecommendations.length > 0 && (
              <Text size="sm" c="gray.9">
                Reviewers recommended: {item.reviewerRecommendations.map((r) => OUTCOME_LABEL[r.recommendation]).join(', ')}
              </Text>
            )}
          </>
        ) : (
          <Text>{app.status === 'NeedsAdjudication' ? 'None yet: the reviewers disagree; a ruling comes first.' : 'None yet.'}</Text>
        )}
      </Stack>
    </Card>
  );
}

function DecisionForm({ app }: { app: ApplicationSummaryView }) {
  const policy = usePolicy(app.policyVersion);
  const [outcome, setOutcome] = useState<Outcome | null>(app.recommendation ?? null);
  const [justification, setJustification] = useState('');
  const decide = useWrite(
    () => write('POST', `/applications/${app.id}/decision`, { outcome, justification: justification.trim() || undefined }),
    {
      done: () => ({ title: 'Decision recorded', message: 'The applicant is told by email, with the growth report.' }),
    },
  );
  const overruling = !!outcome && !!app.recommendation && outcome !== app.recommendation;
  const problem = decide.error instanceof ApiProblem ? decide.error : null;
  if (!policy.data) return <Loading what="Loading the decision policy" />;
  const min = policy.data.overruleJustificationMinLength;
  const justificationError =
    problem?.fieldMessage('justification') ??
    (problem?.code === 'decision.justification_required' ? `Overruling needs a justification of at least ${min} characters` : undefined);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decide-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="decide-heading">
            Decide
          </Title>
          <Radio.Group label="The board's decision" value={outcome} onChange={(v) => setOutcome(v)} required>
            <Stack mt="xs">
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={`${OUTCOME_LABEL[o]}${o === app.recommendation ? ' (recommended)' : ''}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={overruling ? 'Justification (required to overrule)' : 'Justification (optional)'}
            description={
              overruling ? `At least ${min} characters: why the board departs from the recommendation.` : 'Recorded with the decision.'
            }
            required={overruling}
            autosize
            minRows={overruling ? 3 : 2}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={justificationError}
          />
          {decide.error && !justificationError && <ProblemAlert error={decide.error} />}
          <Button type="submit" loading={decide.isPending} disabled={!outcome} w="fit-content">
            Record decision
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function AdjudicationForm({ app, item }: { app: ApplicationSummaryView; item: BoardItemView }) {
  const [rulings, setRulings] = useState<Record<string, string | null>>({});
  const [justification, setJustification] = useState('');
  const rule = useWrite(
    () =>
      write('POST', `/applications/${app.id}/adjudication`, {
        rulings: item.disputed.map((d) => ({ indicator: d.indicator, level: Number(rulings[d.indicator]) as Level })),
        justification,
      }),
    { done: () => ({ title: 'Ruling recorded', message: 'The recommendation is computed with it.' }) },
  );
  const problem = rule.error instanceof ApiProblem ? rule.error : null;
  const rulingErrors = problem?.fieldsUnder('rulings') ?? {};
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="adj-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          rule.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="adj-heading">
            Rule on the disagreement
          </Title>
          <Text c="gray.9">Reviewers are two levels or more apart on these indicators. Give the level the evidence supports.</Text>
          {item.disputed.map((d, i) => (
            <Select
              key={d.indicator}
              label={`${d.indicator} (reviewers gave ${d.levels.map((l) => l.level).join(' and ')})`}
              required
              data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: `Level ${l}` }))}
              value={rulings[d.indicator] ?? null}
              onChange={(v) => setRulings((r) => ({ ...r, [d.indicator]: v }))}
              error={rulingErrors[`${i}.level`]}
              w={320}
            />
          ))}
          <Textarea
            label="Justification"
            required
            autosize
            minRows={2}
            description="At least 5 characters."
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={problem?.fieldMessage('justification')}
          />
          {rule.error && !problem?.fieldMessage('justification') && Object.keys(rulingErrors).length === 0 && (
            <ProblemAlert error={rule.error} />
          )}
          <Button type="submit" loading={rule.isPending} disabled={item.disputed.some((d) => !rulings[d.indicator])} w="fit-content">
            Record ruling
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function ScoresTable({ app, reviews, disputed }: { app: ApplicationSummaryView; reviews: FinishedReviewView[]; disputed: string[] }) {
  const rubric = useRubric(app.rubricVersion);
  const self = useAssessment(app.id);
  const pool = useReviewers();
  if (!rubric.data) return <Loading what="Loading scores" />;
  const name = (id: string) => pool.data?.find((r) => r.id === id)?.name ?? 'Reviewer';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="scores-heading">
      <Title order={2} size="h3" id="scores-heading" mb="sm">
        Scores by indicator
      </Title>
      {reviews.length === 0 ? (
        <Text>No finished reviews yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Indicator</Table.Th>
                <Table.Th scope="col">Self</Table.Th>
                {reviews.map((r) => (
                  <Table.Th scope="col" key={r.reviewerId}>
                    {name(r.reviewerId)}
                    {r.purpose === 'adjudication' ? ' (adjudicator)' : ''}
                  </Table.Th>
                ))}
                <Table.Th scope="col">Spread</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicatorsOf(rubric.data).map((ind) => {
                const levels = reviews.map((r) => r.scores.find((s) => s.indicator === ind.code)?.level);
                const known = levels.filter((l): l is Level => !!l);
                const spread = known.length ? Math.max(...known) - Math.min(...known) : 0;
                return (
                  <Table.Tr key={ind.code} bg={disputed.includes(ind.code) ? 'orange.0' : undefined}>
                    <Table.Td>
                      {ind.code}
                      {disputed.includes(ind.code) && (
                        <Badge ml={6} color="orange" variant="outline" size="sm">
                          disputed
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{self.data?.find((s) => s.indicator === ind.code)?.level ?? '—'}</Table.Td>
                    {levels.map((l, i) => (
                      <Table.Td key={reviews[i].reviewerId}>{l ?? '—'}</Table.Td>
                    ))}
                    <Table.Td>{spread}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group mt="sm">
        <Text size="sm" c="gray.8">
          Levels 1 (Getting Started) to 5 (Sustaining).
        </Text>
      </Group>
      {reviews.length > 0 && disputed.length > 0 && (
        <Stack gap="xs" mt="md">
          <Title order={3} size="h4">
            Reviewers' comments on the disputed indicators
          </Title>
          {disputed.map((code) => (
            <Stack key={code} gap={2}>
              <Text fw={600}>{code}</Text>
              {reviews.map((r) => {
                const sc = r.scores.find((x) => x.indicator === code);
                return sc ? (
                  <Text size="sm" key={r.reviewerId}>
                    {name(r.reviewerId)} (level {sc.level}): {sc.comment}
                  </Text>
                ) : null;
              })}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
