import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Card, Grid, List, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import {
  useApplication,
  useAssessment,
  useBoardItem,
  useEvidence,
  useFinishedReviews,
  usePolicy,
  useRubric,
  useWrite,
  write,
} from '../../api/queries';
import type { ApplicationSummaryView, BoardItemView, FinishedReviewView, Level, Outcome } from '@cert/contracts';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { ErrorSummary, SummaryItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { SurveySummary } from '../../components/SurveySummary';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL, OUTCOMES } from '../../lib/labels';
import { ruleFigures, ruleInWords } from '../../lib/recommendation';
import { AppealNotice } from './AppealNotice';
import { IndicatorReviews, reviewerLabel } from './IndicatorReviews';
import { RenewalHistoryPanel } from './RenewalHistoryPanel';

/**
 * One application before the board: the recommendation and the rule that fired, each reviewer's recommendation, the
 * one action (a ruling or a decision, each confirmed as final); beside it the intake survey and, indicator by
 * indicator, the self-rating and evidence with its documents, every reviewer's level and comment, and any ruling.
 */
export function BoardApplicationPage() {
  const { id } = useParams();
  const app = useApplication(id);
  const item = useBoardItem(id);
  const reviews = useFinishedReviews(id);
  const rubric = useRubric(app.data?.rubricVersion);
  const self = useAssessment(id);
  const evidence = useEvidence(id);
  if (app.isPending || reviews.isPending) return <Loading what="Loading the application" />;
  if (app.error)
    return (
      <Page title="Application">
        <ProblemAlert error={app.error} title="This application cannot be opened" />
      </Page>
    );
  const a = app.data;
  const finished = reviews.data ?? [];
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
            <RecommendationCard app={a} item={item.data} reviews={finished} />
            <RenewalHistoryPanel app={a} />
            {a.status === 'NeedsAdjudication' && item.data && <AdjudicationForm app={a} item={item.data} />}
            {a.status === 'AwaitingDecision' && <DecisionForm app={a} appeal={!!(item.data?.appealOf ?? a.appealOf)} />}
            {a.status === 'Decided' && (
              <Alert color="green" variant="light" title={`Decided: ${a.decisionOutcome ? OUTCOME_LABEL[a.decisionOutcome] : ''}`}>
                <Text c="gray.9">
                  {a.decidedAt && `On ${exactDate(a.decidedAt)}. `}
                  {a.decisionOverruled ? `Overruled the recommendation: ${a.decisionJustification}` : 'As recommended.'}
                </Text>
                <Anchor component={Link} to={`/applications/${a.id}/growth-report`} c="blue.9" underline="always">
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
          <Stack gap="lg">
            <SurveySummary app={a} />
            {rubric.data ? (
              <IndicatorReviews
                applicationId={a.id}
                rubric={rubric.data}
                self={self.data}
                evidence={evidence.data}
                reviews={finished}
                disputed={item.data?.disputed.map((d) => d.indicator) ?? []}
                adjudication={item.data?.adjudication}
              />
            ) : (
              <Loading what="Loading the indicators" />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function RecommendationCard({
  app,
  item,
  reviews,
}: {
  app: ApplicationSummaryView;
  item: BoardItemView | undefined;
  reviews: FinishedReviewView[];
}) {
  const policy = usePolicy(app.policyVersion);
  const figures = ruleFigures(item);
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
            <Text c="gray.9">Why: {ruleInWords(app.recommendationRule, policy.data)}</Text>
            {figures && (
              <Text size="sm" c="gray.9">
                {figures}
              </Text>
            )}
            <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
              Rule recorded: {app.recommendationRule}
            </Text>
          </>
        ) : (
          <Text>{app.status === 'NeedsAdjudication' ? 'None yet: the reviewers disagree; a ruling comes first.' : 'None yet.'}</Text>
        )}
        {reviews.length > 0 && (
          <>
            <Title order={3} size="h5" mt="xs">
              Each reviewer recommends
            </Title>
            <List spacing={2} aria-label="Each reviewer's recommendation">
              {reviews.map((r) => (
                <List.Item key={r.reviewerId}>
                  {reviewerLabel(r)}: {OUTCOME_LABEL[r.recommendation]}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

const DECISION_IDS = { outcome: `decision-outcome-${OUTCOMES[0]}`, justification: 'decision-justification' };

function DecisionForm({ app, appeal }: { app: ApplicationSummaryView; appeal: boolean }) {
  const policy = usePolicy(app.policyVersion);
  // Nothing chosen for the board: the recommendation is marked, not pre-selected.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [justification, setJustification] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const decide = useWrite(
    () => write('POST', `/applications/${app.id}/decision`, { outcome, justification: justification.trim() || undefined }),
    {
      done: () => ({ title: 'Decision recorded', message: 'The applicant is told by email, with the growth report.' }),
    },
  );
  if (!policy.data) return <Loading what="Loading the decision policy" />;
  const min = policy.data.overruleJustificationMinLength;
  const overruling = !!outcome && !!app.recommendation && outcome !== app.recommendation;
  const problem = decide.error instanceof ApiProblem ? decide.error : null;
  const serverJustification =
    problem?.fieldMessage('justification') ??
    (problem?.code === 'decision.justification_required' ? `Overruling needs a justification of at least ${min} characters` : undefined);
  const errors: { outcome?: string; justification?: string } = {
    ...checked,
    ...(serverJustification && !checked.justification ? { justification: serverJustification } : {}),
  };
  const summary: SummaryItem[] = [
    ...(errors.outcome ? [{ message: errors.outcome, targetId: DECISION_IDS.outcome }] : []),
    ...(errors.justification ? [{ message: errors.justification, targetId: DECISION_IDS.justification }] : []),
  ];

  const review = () => {
    const found: Record<string, string> = {};
    if (!outcome) found.outcome = "Choose the board's decision";
    if (overruling && justification.trim().length < min)
      found.justification = `Overruling needs a justification of at least ${min} characters: why the board departs from the recommendation`;
    setChecked(found);
    decide.reset();
    if (Object.keys(found).length === 0) setConfirming(true);
  };
  const confirm = () =>
    decide.mutate(undefined, {
      onSuccess: () => setConfirming(false),
      // A refusal about the justification belongs beside the field, under the summary.
      onError: (e) => {
        if (e instanceof ApiProblem && (e.fieldMessage('justification') || e.code === 'decision.justification_required'))
          setConfirming(false);
      },
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="decide-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          review();
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="decide-heading">
            Decide
          </Title>
          <ErrorSummary items={summary} />
          <Radio.Group
            label="The board's decision"
            description={app.recommendation ? `The engine recommends ${OUTCOME_LABEL[app.recommendation]}.` : undefined}
            value={outcome}
            onChange={(v) => setOutcome(v)}
            error={errors.outcome}
            required
          >
            <Stack mt="xs">
              {OUTCOMES.map((o) => (
                <Radio
                  key={o}
                  id={`decision-outcome-${o}`}
                  value={o}
                  label={`${OUTCOME_LABEL[o]}${o === app.recommendation ? ' (recommended)' : ''}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            id={DECISION_IDS.justification}
            label={overruling ? 'Justification (required to overrule)' : 'Justification (optional)'}
            description={
              overruling ? `At least ${min} characters: why the board departs from the recommendation.` : 'Recorded with the decision.'
            }
            required={overruling}
            autosize
            minRows={overruling ? 3 : 2}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={errors.justification}
          />
          {decide.error && !confirming && !errors.justification && <ProblemAlert error={decide.error} />}
          <Button type="submit" w="fit-content">
            Record decision
          </Button>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="Record the board's decision?"
        confirmLabel={`Yes, record ${outcome ? OUTCOME_LABEL[outcome] : 'the decision'}`}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
        pending={decide.isPending}
        error={decide.error}
      >
        <Text>
          The board decides: <b>{outcome ? OUTCOME_LABEL[outcome] : ''}</b>.
        </Text>
        {app.recommendation && (
          <Text>
            {overruling
              ? `This overrules the computed recommendation (${OUTCOME_LABEL[app.recommendation]}); your justification is recorded with it.`
              : `This follows the computed recommendation (${OUTCOME_LABEL[app.recommendation]}).`}
          </Text>
        )}
        {justification.trim() && <Text className="pre-wrap">Justification: {justification.trim()}</Text>}
        <Text>
          The applicant is told at once by email, with the growth report.{' '}
          {appeal
            ? 'This decides an appeal: it is final at once, with no further appeal.'
            : `They may appeal within ${policy.data.appealWindowDays} days.`}
        </Text>
      </ConfirmFinal>
    </Card>
  );
}

const MIN_RULING_JUSTIFICATION = 5;

function AdjudicationForm({ app, item }: { app: ApplicationSummaryView; item: BoardItemView }) {
  const [rulings, setRulings] = useState<Record<string, string | null>>({});
  const [justification, setJustification] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const rule = useWrite(
    () =>
      write('POST', `/applications/${app.id}/adjudication`, {
        rulings: item.disputed.map((d) => ({ indicator: d.indicator, level: Number(rulings[d.indicator]) as Level })),
        justification,
      }),
    { done: () => ({ title: 'Ruling recorded', message: 'The recommendation is computed with it.' }) },
  );
  const problem = rule.error instanceof ApiProblem ? rule.error : null;
  const serverRulings = problem?.fieldsUnder('rulings') ?? {};
  const fieldError = (i: number, code: string) => checked[code] ?? serverRulings[`${i}.level`];
  const justificationError = checked.justification ?? problem?.fieldMessage('justification');
  const rulingId = (i: number) => `ruling-${i}`;
  const summary: SummaryItem[] = [
    ...item.disputed.flatMap((d, i) => {
      const message = fieldError(i, d.indicator);
      return message ? [{ message, targetId: rulingId(i) }] : [];
    }),
    ...(justificationError ? [{ message: justificationError, targetId: 'ruling-justification' }] : []),
  ];

  const review = () => {
    const found: Record<string, string> = {};
    for (const d of item.disputed) if (!rulings[d.indicator]) found[d.indicator] = `Choose the level for ${d.indicator}`;
    if (justification.trim().length < MIN_RULING_JUSTIFICATION)
      found.justification = `Write why the evidence supports these levels, in at least ${MIN_RULING_JUSTIFICATION} characters`;
    setChecked(found);
    rule.reset();
    if (Object.keys(found).length === 0) setConfirming(true);
  };
  const confirm = () =>
    rule.mutate(undefined, {
      onSuccess: () => setConfirming(false),
      onError: (e) => {
        if (e instanceof ApiProblem && Object.keys(e.fields).length > 0) setConfirming(false);
      },
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="adj-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          review();
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="adj-heading">
            Rule on the disagreement
          </Title>
          <ErrorSummary items={summary} />
          <Text c="gray.9">Reviewers are two levels or more apart on these indicators. Give the level the evidence supports.</Text>
          {item.disputed.map((d, i) => (
            <Select
              key={d.indicator}
              id={rulingId(i)}
              label={`${d.indicator} (${d.levels.map((l) => `${l.reviewerName ?? 'a reviewer'} gave ${l.level}`).join(', ')})`}
              required
              data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: `Level ${l}` }))}
              value={rulings[d.indicator] ?? null}
              onChange={(v) => setRulings((r) => ({ ...r, [d.indicator]: v }))}
              error={fieldError(i, d.indicator)}
              maw={320}
            />
          ))}
          <Textarea
            id="ruling-justification"
            label="Justification"
            required
            autosize
            minRows={2}
            description={`At least ${MIN_RULING_JUSTIFICATION} characters.`}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={justificationError}
          />
          {rule.error && !confirming && summary.length === 0 && <ProblemAlert error={rule.error} />}
          <Button type="submit" w="fit-content">
            Record ruling
          </Button>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="Record the ruling?"
        confirmLabel="Yes, record the ruling"
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
        pending={rule.isPending}
        error={rule.error}
      >
        <Text>The board rules:</Text>
        <List>
          {item.disputed.map((d) => (
            <List.Item key={d.indicator}>
              {d.indicator}: level {rulings[d.indicator]}
            </List.Item>
          ))}
        </List>
        <Text className="pre-wrap">Justification: {justification.trim()}</Text>
        <Text>The recommendation is then computed with these levels, and the application waits for the board's decision.</Text>
      </ConfirmFinal>
    </Card>
  );
}
