import { useMemo, useState } from 'react';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiProblem } from '../../api/problem';
import { useApplication, useAssessment, useEvidence, useEvidencePolicy, useRubric, useWrite, write } from '../../api/queries';
import type { ApplicantApplicationView, Level } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
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
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const rubric = useRubric(app.rubricVersion);
  const assessment = useAssessment(app.id);
  const editable = app.status === 'AwaitingAssessment';
  const evidence = useEvidence(app.id);
  const evidencePolicy = useEvidencePolicy(editable ? app.id : undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [submitProblem, setSubmitProblem] = useState<unknown>(null);

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

  async function onSubmit() {
    setSubmitProblem(null);
    if (!(await draft.flush())) return;
    try {
      await submit.mutateAsync(undefined);
      draft.forget();
      notifications.show({
        color: 'green',
        title: 'Self-assessment submitted',
        message: 'Reviewers will now score it. We will email you.',
      });
      void navigate(`/applications/${app.id}`);
    } catch (error) {
      setSubmitProblem(error);
    }
  }

  const header = (
    <Group gap="md">
      <Text c="gray.9">Application {app.reference}</Text>
      {app.dueAt && editable && <DueBadge dueAt={app.dueAt} />}
    </Group>
  );

  if (reviewing) {
    return (
      <Page title="Check and submit your self-assessment" intro={header}>
        {!editable && (
          <Alert color="blue" variant="light">
            <Text c="gray.9">This self-assessment is closed; it is shown as it was sent.</Text>
          </Alert>
        )}
        <Card withBorder padding="lg">
          <Table striped verticalSpacing="sm" captionSide="top">
            <Table.Caption>Every indicator needs a level and evidence before you can submit.</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Indicator</Table.Th>
                <Table.Th scope="col">Your level</Table.Th>
                <Table.Th scope="col">Evidence</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Change</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicators.map((ind, i) => {
                const e = draft.entries[ind.code];
                return (
                  <Table.Tr key={ind.code}>
                    <Table.Td>
                      <Text fw={600}>{ind.code}</Text>
                      <Text size="sm" c="gray.8" lineClamp={2}>
                        {ind.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e?.level ? (
                        `${e.level} · ${rubric.data.levelNames[e.level]}`
                      ) : (
                        <Badge color="red" variant="outline">
                          Not rated
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {e?.text.trim() ? (
                        <Text size="sm" lineClamp={2}>
                          {e.text}
                        </Text>
                      ) : (
                        <Badge color="red" variant="outline">
                          Missing
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`?indicator=${i + 1}`} aria-label={`Change ${ind.code}`}>
                        Change
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
        {submitProblem !== null && <ProblemAlert error={submitProblem} title="Not submitted yet" />}
        <SaveStatus state={draft.state} />
        <Group>
          {editable && (
            <Button size="md" onClick={onSubmit} loading={submit.isPending} disabled={!complete}>
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
