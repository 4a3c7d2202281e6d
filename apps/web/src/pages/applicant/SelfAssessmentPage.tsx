import { useMemo, useState } from 'react';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiProblem } from '../../api/problem';
import { useApplication, useAssessment, useEvidence, useEvidencePolicy, useRubric, useWrite, write } from '../../api/queries';
import type { ApplicantApplicationView, Level } from '@cert/contracts';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { DueBadge } from '../../components/DueBadge';
import { ErrorSummary, SummaryItem } from '../../components/ErrorSummary';
import { IndicatorNavigator } from '../../components/IndicatorNavigator';
import { LevelCards } from '../../components/LevelCards';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { RubricEntries, useRubricDraft } from '../../hooks/useRubricDraft';
import { indicatorsOf } from '../../lib/rubric';

type FieldErrors = Record<string, { level?: string; evidence?: string }>;

/** Maps `ratings.3.evidence` back to the indicator that was sent third. */
function errorsByIndicator(problem: ApiProblem, sent: { indicator: string }[], list = 'ratings', text = 'evidence'): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(problem.fieldsUnder(list))) {
    const [index, field] = path.split('.');
    const code = sent[Number(index)]?.indicator;
    if (!code) continue;
    out[code] = { ...out[code], [field === text ? 'evidence' : 'level']: message };
  }
  return out;
}

/**
 * The IC Map self-assessment, one indicator at a time: the five level descriptors as cards, evidence, autosave
 * to the server's draft and restore on return; then a check-and-submit summary.
 */
export function SelfAssessmentPage() {
  const { id } = useParams();
  const app = useApplication<ApplicantApplicationView>(id);
  if (app.isPending) return <Loading what="Loading your self-assessment" />;
  if (app.error)
    return (
      <Page title="Self-assessment">
        <ProblemAlert error={app.error} title="This application cannot be opened" />
      </Page>
    );
  return <SelfAssessment app={app.data} />;
}

function SelfAssessment({ app }: { app: ApplicantApplicationView }) {
  const [params, setParams] = useSearchParams();
  const rubric = useRubric(app.rubricVersion);
  const assessment = useAssessment(app.id);
  const editable = app.status === 'AwaitingAssessment';
  const evidence = useEvidence(app.id);
  const evidencePolicy = useEvidencePolicy(editable ? app.id : undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [submitProblem, setSubmitProblem] = useState<unknown>(null);
  const [declared, setDeclared] = useState(false);
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const server = useMemo<RubricEntries | undefined>(
    () => assessment.data && Object.fromEntries(assessment.data.map((i) => [i.indicator, { level: i.level, text: i.evidence }])),
    [assessment.data],
  );

  const saveDraft = useWrite((ratings: { indicator: string; level: Level; evidence: string }[]) =>
    write('PUT', `/applications/${app.id}/assessment/draft`, { ratings }),
  );
  const draft = useRubricDraft({
    storageKey: `iasl.assessment.${app.id}`,
    server,
    editable,
    save: async (changed) => {
      const ratings = changed.map((c) => ({ indicator: c.indicator, level: c.level, evidence: c.text }));
      try {
        await saveDraft.mutateAsync(ratings);
        setFieldErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([code]) => !ratings.some((r) => r.indicator === code))));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 400)
          setFieldErrors((prev) => ({ ...prev, ...errorsByIndicator(error, ratings) }));
        throw error;
      }
    },
  });

  const submit = useWrite(() => {
    const ratings = indicators
      .filter((i) => draft.entries[i.code]?.level)
      .map((i) => ({
        indicator: i.code,
        level: draft.entries[i.code].level as Level,
        evidence: draft.entries[i.code].text,
      }));
    return write('POST', `/applications/${app.id}/assessment`, { ratings });
  });

  const indicators = useMemo(() => (rubric.data ? indicatorsOf(rubric.data) : []), [rubric.data]);
  if (rubric.isPending || !draft.loaded) return <Loading what="Restoring your saved answers" />;
  if (rubric.error) return <ProblemAlert error={rubric.error} />;

  const reviewing = params.get('review') === '1';
  const index = Math.min(Math.max(Number(params.get('indicator') ?? '1') - 1, 0), indicators.length - 1);
  const indicator = indicators[index];
  const entry = draft.entries[indicator.code] ?? { level: null, text: '' };
  const isDone = (code: string) => !!draft.entries[code]?.level && !!draft.entries[code]?.text.trim();
  const complete = indicators.every((i) => isDone(i.code));

  const go = async (next: number | 'review') => {
    void draft.flush();
    setParams(next === 'review' ? { review: '1' } : { indicator: String(next + 1) });
  };

  /** GOV.UK check answers: every missing answer and the declaration are named in the summary before anything is sent. */
  function onSubmit() {
    const items: SummaryItem[] = indicators.flatMap((ind, i) =>
      isDone(ind.code) ? [] : [{ message: `Choose a level and enter evidence for ${ind.code}`, targetId: `change-${i + 1}` }],
    );
    if (!declared) items.push({ message: 'Confirm that the evidence is accurate', targetId: 'declaration' });
    setSummary(items);
    setSubmitProblem(null);
    submit.reset();
    if (items.length === 0) setConfirming(true);
  }

  async function onConfirm() {
    if (!(await draft.flush())) return;
    try {
      await submit.mutateAsync(undefined);
      draft.forget();
      setConfirming(false);
      setSubmitted(true);
      notifications.show({
        color: 'green',
        title: 'Self-assessment submitted',
        message: 'Reviewers will now score it. We will email you.',
      });
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status >= 500) return;
      setConfirming(false);
      setSubmitProblem(error);
    }
  }

  const header = (
    <Group gap="md">
      <Text c="gray.9">Application {app.reference}</Text>
      {app.dueAt && editable && <DueBadge dueAt={app.dueAt} />}
    </Group>
  );

  if (submitted) {
    return (
      <Page title="Self-assessment submitted" intro={header}>
        <Card withBorder padding="xl" bg="green.0" component="section" aria-labelledby="submitted-heading" maw={760}>
          <Stack gap="sm">
            <Title order={2} size="h3" id="submitted-heading">
              Your self-assessment is with IASL
            </Title>
            <Text c="gray.9">Application {app.reference}. We have emailed you a confirmation.</Text>
          </Stack>
        </Card>
        <Stack gap="xs" maw={760}>
          <Title order={2} size="h4">
            What happens next
          </Title>
          <Text c="gray.9">
            IASL staff assign independent reviewers, who score each indicator against your evidence. The advisory board then decides, and we
            email you at each step. Your answers are now locked; the application page shows where it stands.
          </Text>
        </Stack>
        <Button component={Link} to={`/applications/${app.id}`} w="fit-content">
          Go to your application
        </Button>
      </Page>
    );
  }

  if (reviewing) {
    return (
      <Page title="Check and submit your self-assessment" intro={header}>
        <ErrorSummary items={summary} />
        {!editable && (
          <Alert color="blue" variant="light">
            <Text c="gray.9">This self-assessment is closed; it is shown as it was sent.</Text>
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby="answers-heading">
          <Title order={2} size="h3" id="answers-heading" mb="xs">
            Your answers
          </Title>
          <Text c="gray.9" mb="sm">
            Every indicator needs a level and evidence before you can submit.
          </Text>
          <dl className="summary-list">
            {indicators.map((ind, i) => {
              const e = draft.entries[ind.code];
              return (
                <div className="summary-list__row" key={ind.code}>
                  <dt className="summary-list__key">
                    <Text fw={600}>{ind.code}</Text>
                    <Text size="sm" c="gray.8" lineClamp={2}>
                      {ind.title}
                    </Text>
                  </dt>
                  <dd className="summary-list__value">
                    <Text size="xs" c="gray.8">
                      Your level
                    </Text>
                    {e?.level ? (
                      <Text>{`${e.level} · ${rubric.data.levelNames[e.level]}`}</Text>
                    ) : (
                      <Badge color="red.8" variant="outline">
                        Not rated
                      </Badge>
                    )}
                  </dd>
                  <dd className="summary-list__value">
                    <Text size="xs" c="gray.8">
                      Evidence
                    </Text>
                    {e?.text.trim() ? (
                      <Text size="sm" lineClamp={3}>
                        {e.text}
                      </Text>
                    ) : (
                      <Badge color="red.8" variant="outline">
                        Missing
                      </Badge>
                    )}
                  </dd>
                  <dd className="summary-list__actions">
                    {editable && (
                      <Anchor component={Link} to={`?indicator=${i + 1}`} id={`change-${i + 1}`} c="blue.9">
                        Change<span className="visually-hidden"> {ind.code}</span>
                      </Anchor>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Card>
        {editable && (
          <Card withBorder padding="lg" component="section" aria-labelledby="declaration-heading">
            <Stack gap="sm">
              <Title order={2} size="h3" id="declaration-heading">
                Now submit your self-assessment
              </Title>
              <Text c="gray.9">
                Submitting is final: you cannot change your levels, evidence or documents afterwards. Reviewers and the advisory board read
                what you send.
              </Text>
              <Checkbox
                id="declaration"
                checked={declared}
                onChange={(e) => setDeclared(e.currentTarget.checked)}
                label="I confirm the evidence is accurate and complete to the best of my knowledge, and that IASL's reviewers and board may read it and its documents."
                error={summary.some((i) => i.targetId === 'declaration') && !declared ? 'Confirm that the evidence is accurate' : undefined}
              />
            </Stack>
          </Card>
        )}
        {submitProblem !== null && <ProblemAlert error={submitProblem} title="Not submitted yet" />}
        <SaveStatus state={draft.state} />
        <Group>
          {editable && (
            <Button size="md" onClick={onSubmit}>
              Submit self-assessment
            </Button>
          )}
          {editable && !complete && (
            <Text c="gray.9">{indicators.filter((i) => !isDone(i.code)).length} indicators still need a level and evidence.</Text>
          )}
          <Button variant="default" component={Link} to={`/applications/${app.id}`}>
            Back to your tasks
          </Button>
        </Group>
        <ConfirmFinal
          opened={confirming}
          title="Submit your self-assessment?"
          confirmLabel="Yes, submit my self-assessment"
          onConfirm={() => void onConfirm()}
          onClose={() => setConfirming(false)}
          pending={submit.isPending}
          error={submit.error}
        >
          <Text c="gray.9">
            You are sending {indicators.length} ratings with their evidence for application {app.reference}. IASL then assigns reviewers to
            score them.
          </Text>
        </ConfirmFinal>
      </Page>
    );
  }

  const errors = fieldErrors[indicator.code];
  return (
    <Page title="Self-assessment" intro={header}>
      {!editable && (
        <Alert color="blue" variant="light">
          <Text c="gray.9">This self-assessment is closed; it is shown as it was sent.</Text>
        </Alert>
      )}
      <IndicatorNavigator
        indicators={indicators}
        index={index}
        onGo={(i) => void go(i)}
        done={isDone}
        completeLabel="rated with evidence"
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="indicator-heading">
            <Stack>
              <Text size="sm" c="gray.8">
                Indicator {index + 1} of {indicators.length} · {indicator.outcome.code} · {indicator.role}
              </Text>
              <Title order={2} size="h3" id="indicator-heading">
                {indicator.code}: {indicator.title}
              </Title>
              <LevelCards
                indicator={indicator}
                levelNames={rubric.data.levelNames}
                value={entry.level}
                onChange={(level) => draft.update(indicator.code, { level })}
                error={errors?.level}
                disabled={!editable}
              />
              <Textarea
                label="Evidence"
                description="What shows this level? Name documents, events or data, e.g. SLT minutes, parent survey results."
                autosize
                minRows={3}
                maxLength={4000}
                value={entry.text}
                readOnly={!editable}
                onChange={(e) => draft.update(indicator.code, { text: e.currentTarget.value })}
                error={errors?.evidence}
              />
              <EvidenceDocuments
                applicationId={app.id}
                indicator={indicator.code}
                items={evidence.data}
                purpose="assessment"
                editable={editable ? { policy: evidencePolicy.data } : undefined}
              />
              <SaveStatus state={draft.state} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => void go(index - 1)} disabled={index === 0}>
                  Previous
                </Button>
                {index < indicators.length - 1 ? (
                  <Button onClick={() => void go(index + 1)}>Save and continue</Button>
                ) : (
                  <Button onClick={() => void go('review')}>Save and check your answers</Button>
                )}
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="lg" component="aside" aria-labelledby="outcome-heading">
            <Stack gap="xs">
              <Title order={2} size="h4" id="outcome-heading">
                Desired outcome {indicator.outcome.code}
              </Title>
              <Text size="sm" c="gray.9">
                {indicator.outcome.text}
              </Text>
              <Button variant="default" mt="sm" onClick={() => void go('review')}>
                Check all answers
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
