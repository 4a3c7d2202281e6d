import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Radio, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/problem';
import { useApplication, useAssessment, useAssignments, useEvidence, useMyScores, useRubric, useWrite, write } from '../../api/queries';
import type { AssessmentItemView, Level, Outcome, OwnAssignmentView, ReviewerApplicationView, Rubric } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
import { IndicatorNavigator } from '../../components/IndicatorNavigator';
import { LevelCards } from '../../components/LevelCards';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { RubricEntries, useRubricDraft } from '../../hooks/useRubricDraft';
import { OUTCOME_LABEL, OUTCOMES } from '../../lib/labels';
import { RenewalHistoryPanel } from '../board/RenewalHistoryPanel';
import { IndicatorInOutcome, indicatorsOf } from '../../lib/rubric';

/** Scoring, split view: the application on the left, one indicator's levels on the right beside the applicant's self-rating. */
export function ReviewPage() {
  const { id } = useParams();
  const app = useApplication<ReviewerApplicationView>(id);
  const assignments = useAssignments();
  if (app.isPending || assignments.isPending) return <Loading what="Opening the application" />;
  if (app.error) {
    const notYours = app.error instanceof ApiProblem && app.error.status === 404;
    return (
      <Page title={notYours ? 'Not assigned to you' : 'Review'}>
        {notYours ? (
          <Alert color="orange" variant="light" role="alert" title="You cannot open this application">
            <Text c="gray.9">
              Reviewers see only the applications assigned to them.{' '}
              <Anchor component={Link} to="/reviews">
                Back to your assignments
              </Anchor>
            </Text>
          </Alert>
        ) : (
          <ProblemAlert error={app.error} />
        )}
      </Page>
    );
  }
  const assignment = assignments.data?.find((a) => a.applicationId === id);
  if (!assignment)
    return (
      <Page title="Not assigned to you">
        <Text>This application is not on your list.</Text>
      </Page>
    );
  return <Review app={app.data} assignment={assignment} />;
}

function Review({ app, assignment }: { app: ReviewerApplicationView; assignment: OwnAssignmentView }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const rubric = useRubric(app.rubricVersion);
  const assessment = useAssessment(app.id);
  const mine = useMyScores(app.id);
  const editable = assignment.status === 'assigned' && ['UnderReview', 'NeedsAdjudication'].includes(app.status);
  const [errors, setErrors] = useState<Record<string, { level?: string; comment?: string }>>({});
  const [coi, setCoi] = useState(() => sessionStorage.getItem(`iasl.coi.${app.id}`));
  const [recommendation, setRecommendation] = useState<Outcome | null>(null);
  const [finishProblem, setFinishProblem] = useState<unknown>(null);

  const server = useMemo<RubricEntries | undefined>(
    () => mine.data && Object.fromEntries(mine.data.map((s) => [s.indicator, { level: s.level, text: s.comment }])),
    [mine.data],
  );
  const saveDraft = useWrite((scores: { indicator: string; level: Level; comment: string }[]) =>
    write('PUT', `/applications/${app.id}/scores/draft`, { scores }),
  );
  const draft = useRubricDraft({
    storageKey: `iasl.scores.${app.id}`,
    server,
    editable,
    save: async (changed) => {
      const scores = changed.map((c) => ({ indicator: c.indicator, level: c.level, comment: c.text }));
      try {
        await saveDraft.mutateAsync(scores);
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 400) {
          const mapped: typeof errors = {};
          for (const [path, message] of Object.entries(error.fieldsUnder('scores'))) {
            const [index, field] = path.split('.');
            const code = scores[Number(index)]?.indicator;
            if (code) mapped[code] = { ...mapped[code], [field === 'comment' ? 'comment' : 'level']: message };
          }
          setErrors((prev) => ({ ...prev, ...mapped }));
        }
        throw error;
      }
    },
  });
  const finish = useWrite((outcome: Outcome) => write('POST', `/applications/${app.id}/scores`, { scores: [], recommendation: outcome }));

  const indicators = useMemo(() => (rubric.data ? indicatorsOf(rubric.data) : []), [rubric.data]);
  if (rubric.isPending || assessment.isPending || !draft.loaded) return <Loading what="Loading the rubric and your draft" />;
  if (rubric.error) return <ProblemAlert error={rubric.error} />;

  const isDone = (code: string) => !!draft.entries[code]?.level && !!draft.entries[code]?.text.trim();
  const complete = indicators.every((i) => isDone(i.code));
  const selfRating = (code: string) => assessment.data?.find((a) => a.indicator === code);

  const subject = app.blindReview ? app.reference : app.institutionName;
  const header = (
    <Group gap="md">
      {app.blindReview && (
        <Badge color="grape" variant="outline" radius="sm">
          Blind review: applicant identity withheld
        </Badge>
      )}
      <Text c="gray.9">
        {app.reference} · {assignment.purpose === 'adjudication' ? 'Adjudication' : 'Review'}
      </Text>
      {editable ? (
        <DueBadge dueAt={assignment.dueAt} label="Scores" />
      ) : (
        <Badge color="green" variant="outline">
          Finished: scores locked
        </Badge>
      )}
    </Group>
  );

  if (editable && coi !== 'none' && assignment.progress.scored === 0) {
    return (
      <Page title={`Review: ${subject}`} intro={header}>
        <ConflictCheck
          app={app}
          onClear={() => {
            sessionStorage.setItem(`iasl.coi.${app.id}`, 'none');
            setCoi('none');
          }}
        />
      </Page>
    );
  }

  if (params.get('finish') === '1') {
    async function onFinish() {
      setFinishProblem(null);
      if (!recommendation) return;
      if (!(await draft.flush())) return;
      try {
        await finish.mutateAsync(recommendation);
        draft.forget();
        notifications.show({ color: 'green', title: 'Review finished', message: 'Thank you. Your scores are locked and with the board.' });
        void navigate('/reviews');
      } catch (error) {
        setFinishProblem(error);
      }
    }
    return (
      <Page title={`Finish your review: ${subject}`} intro={header}>
        <ScoreSummary indicators={indicators} rubric={rubric.data} entries={draft.entries} self={assessment.data ?? []} />
        {editable && (
          <Card withBorder padding="lg" component="section" aria-labelledby="rec-heading">
            <Stack>
              <Title order={2} size="h3" id="rec-heading">
                Your recommendation
              </Title>
              <Radio.Group
                value={recommendation}
                onChange={(v) => setRecommendation(v)}
                label="What should the board decide?"
                required
                error={finishProblem && !recommendation ? 'Choose a recommendation' : undefined}
              >
                <Stack mt="xs">
                  {OUTCOMES.map((o) => (
                    <Radio key={o} value={o} label={OUTCOME_LABEL[o]} />
                  ))}
                </Stack>
              </Radio.Group>
              {finishProblem !== null && <ProblemAlert error={finishProblem} title="The review is not finished yet" />}
              <SaveStatus state={draft.state} />
              <Group>
                <Button onClick={onFinish} loading={finish.isPending} disabled={!complete || !recommendation}>
                  Finish review and lock scores
                </Button>
                {!complete && (
                  <Text c="gray.9">{indicators.filter((i) => !isDone(i.code)).length} indicators still need a level and a comment.</Text>
                )}
              </Group>
            </Stack>
          </Card>
        )}
        <Button variant="default" w="fit-content" onClick={() => setParams({ indicator: '1' })}>
          Back to scoring
        </Button>
      </Page>
    );
  }

  const index = Math.min(Math.max(Number(params.get('indicator') ?? '1') - 1, 0), indicators.length - 1);
  const indicator = indicators[index];
  const entry = draft.entries[indicator.code] ?? { level: null, text: '' };
  const own = selfRating(indicator.code);
  const go = (next: number | 'finish') => {
    void draft.flush();
    setParams(next === 'finish' ? { finish: '1' } : { indicator: String(next + 1) });
  };

  return (
    <Page title={`Review: ${subject}`} intro={header}>
      <IndicatorNavigator indicators={indicators} index={index} onGo={(i) => go(i)} done={isDone} completeLabel="scored with a comment" />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ApplicationPanel app={app} indicator={indicator} own={own} rubric={rubric.data} />
          <RenewalHistoryPanel app={app} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="score-heading">
            <Stack>
              <Text size="sm" c="gray.8">
                Indicator {index + 1} of {indicators.length} · {indicator.outcome.code} · {indicator.role}
              </Text>
              <Title order={2} size="h3" id="score-heading">
                {indicator.code}: {indicator.title}
              </Title>
              <Group gap="lg" role="group" aria-label="Self-rating beside your score">
                <Group gap={6} wrap="nowrap">
                  <Text fw={600}>Applicant's self-rating:</Text>
                  {own ? (
                    <Badge color="grape" variant="outline" radius="sm">
                      Level {own.level} · {rubric.data.levelNames[own.level]}
                    </Badge>
                  ) : (
                    <Text>none</Text>
                  )}
                </Group>
                <Group gap={6} wrap="nowrap">
                  <Text fw={600}>Your score:</Text>
                  {entry.level ? (
                    <Badge color="blue" variant="outline" radius="sm">
                      Level {entry.level} · {rubric.data.levelNames[entry.level]}
                    </Badge>
                  ) : (
                    <Text>not yet</Text>
                  )}
                </Group>
              </Group>
              <LevelCards
                indicator={indicator}
                levelNames={rubric.data.levelNames}
                value={entry.level}
                onChange={(level) => draft.update(indicator.code, { level })}
                marks={own ? { [own.level]: "Applicant's self-rating" } : {}}
                error={errors[indicator.code]?.level}
                disabled={!editable}
                label="Your score: the level the evidence supports"
              />
              <Textarea
                label="Comment"
                description="Why this level: what in the evidence supports it, what is missing."
                autosize
                minRows={3}
                maxLength={4000}
                value={entry.text}
                readOnly={!editable}
                onChange={(e) => draft.update(indicator.code, { text: e.currentTarget.value })}
                error={errors[indicator.code]?.comment}
              />
              <SaveStatus state={draft.state} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => go(index - 1)} disabled={index === 0}>
                  Previous
                </Button>
                {index < indicators.length - 1 ? (
                  <Button onClick={() => go(index + 1)}>Save and continue</Button>
                ) : (
                  <Button onClick={() => go('finish')}>{editable ? 'Save and finish' : 'See all scores'}</Button>
                )}
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function ApplicationPanel({
  app,
  indicator,
  own,
  rubric,
}: {
  app: ReviewerApplicationView;
  indicator: IndicatorInOutcome;
  own: AssessmentItemView | undefined;
  rubric: Rubric;
}) {
  const s = app.survey;
  const evidence = useEvidence(app.id);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="application-heading" style={{ position: 'sticky', top: 16 }}>
      <Title order={2} size="h4" id="application-heading" mb="sm">
        The application
      </Title>
      <Tabs defaultValue="evidence">
        <Tabs.List>
          <Tabs.Tab value="evidence">Self-assessment</Tabs.Tab>
          <Tabs.Tab value="survey">Intake survey</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="evidence" pt="md">
          <Stack gap="xs">
            <Text fw={600}>{indicator.code}</Text>
            {own ? (
              <>
                <Text>
                  Self-rated level {own.level}: {rubric.levelNames[own.level]}
                </Text>
                <Text fw={600} mt="xs">
                  Evidence given
                </Text>
                <Text className="pre-wrap" c="gray.9">
                  {own.evidence || '(none)'}
                </Text>
                <EvidenceDocuments applicationId={app.id} indicator={indicator.code} items={evidence.data} purpose="assessment" />
              </>
            ) : (
              <Text>The applicant did not rate this indicator.</Text>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="survey" pt="md">
          <Stack gap="xs">
            {app.blindReview && <Text c="gray.9">Blind review: the leader's name, email and institution are withheld.</Text>}
            {s.leaderName && (
              <Text>
                <b>Leader:</b> {s.leaderName}
              </Text>
            )}
            <Text>
              <b>Institution:</b> {s.institution.name ?? 'withheld'} ({s.institution.type}), {s.institution.region}, {s.institution.country}
            </Text>
            <Text>
              <b>Years running:</b> {s.yearsRunning} · <b>Students served:</b> {s.studentsServed.toLocaleString()}
            </Text>
            <Text>
              <b>Focus areas:</b> {s.focusAreas.join(', ') || '—'}
            </Text>
            <Text>
              <b>Partners:</b> {s.partners.join(', ') || '—'}
            </Text>
            <Text fw={600} mt="xs">
              The program
            </Text>
            <Text className="pre-wrap" c="gray.9">
              {s.programDescription}
            </Text>
            <Text fw={600} mt="xs">
              Reach to under-represented students
            </Text>
            <Text className="pre-wrap" c="gray.9">
              {s.underrepresentedReach || '—'}
            </Text>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}

function ScoreSummary({
  indicators,
  rubric,
  entries,
  self,
}: {
  indicators: IndicatorInOutcome[];
  rubric: Rubric;
  entries: RubricEntries;
  self: AssessmentItemView[];
}) {
  return (
    <Card withBorder padding="lg">
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>Your scores beside the applicant's self-rating.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Indicator</Table.Th>
              <Table.Th scope="col">Self-rating</Table.Th>
              <Table.Th scope="col">Your score</Table.Th>
              <Table.Th scope="col">Comment</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((ind, i) => {
              const e = entries[ind.code];
              const own = self.find((s) => s.indicator === ind.code);
              return (
                <Table.Tr key={ind.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`?indicator=${i + 1}`}>
                      {ind.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{own ? `${own.level} · ${rubric.levelNames[own.level]}` : '—'}</Table.Td>
                  <Table.Td>
                    {e?.level ? (
                      `${e.level} · ${rubric.levelNames[e.level]}`
                    ) : (
                      <Badge color="red" variant="outline">
                        Not scored
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
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/**
 * Conflict of interest, before scoring starts: none (score), or declare it with a reason; the API records it and
 * releases the reviewer from this application, and staff assign someone else.
 */
function ConflictCheck({ app, onClear }: { app: ReviewerApplicationView; onClear: () => void }) {
  const navigate = useNavigate();
  const [declaring, setDeclaring] = useState(false);
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  // Declaring releases this reviewer, so the application closes to them: leave the page first, then refresh the reads.
  const declare = useMutation({
    mutationFn: () => write('POST', '/reviewers/me/conflicts', { applicationId: app.id, reason }),
    onSuccess: () => {
      notifications.show({
        color: 'green',
        title: 'Conflict recorded',
        message: 'You are released from this application; staff will assign another reviewer.',
      });
      void navigate('/reviews');
      void client.invalidateQueries();
    },
  });
  const reasonError = declare.error instanceof ApiProblem ? declare.error.fieldMessage('reason') : undefined;
  const what = app.blindReview
    ? `this application from ${app.region}, ${app.country} (its identity is withheld: blind review)`
    : `${app.institutionName} (${app.region}, ${app.country}), led by ${app.leaderName}`;
  return (
    <Card withBorder padding="lg" maw={760} component="section" aria-labelledby="coi-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          declare.mutate();
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="coi-heading">
            Conflict of interest
          </Title>
          <Text c="gray.9">
            You are asked to score {what}. Do you work there, or have a close personal or financial tie to it or its leader?
          </Text>
          {declaring && (
            <Textarea
              label="What is the conflict?"
              description="Recorded with your declaration and seen by staff and auditors (at least 5 characters)."
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
            />
          )}
          {declare.error && !reasonError && <ProblemAlert error={declare.error} />}
          <Group>
            {!declaring ? (
              <>
                <Button onClick={onClear}>I have no conflict: start scoring</Button>
                <Button variant="default" onClick={() => setDeclaring(true)}>
                  I have a conflict…
                </Button>
              </>
            ) : (
              <>
                <Button type="submit" color="red" loading={declare.isPending}>
                  Declare the conflict and step back
                </Button>
                <Button variant="default" onClick={() => setDeclaring(false)}>
                  Cancel
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
