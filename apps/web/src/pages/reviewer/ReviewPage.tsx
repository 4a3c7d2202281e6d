import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Radio, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/problem';
import { useApplication, useAssessment, useAssignments, useEvidence, useMyScores, useRubric, useWrite, write } from '../../api/queries';
import type {
  AssessmentItemView,
  EvidenceItemView,
  Level,
  Outcome,
  OwnAssignmentView,
  ReviewerApplicationView,
  Rubric,
} from '@cert/contracts';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { ErrorSummary, SummaryItem } from '../../components/ErrorSummary';
import { useSession } from '../../session-context';
import { DueBadge } from '../../components/DueBadge';
import { IndicatorNavigator } from '../../components/IndicatorNavigator';
import { LevelCards } from '../../components/LevelCards';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveStatus } from '../../components/SaveStatus';
import { RubricEntries, RubricEntry, useRubricDraft } from '../../hooks/useRubricDraft';
import { OUTCOME_LABEL, OUTCOMES } from '../../lib/labels';
import { RenewalHistoryPanel } from '../board/RenewalHistoryPanel';
import { IndicatorInOutcome, indicatorsOf } from '../../lib/rubric';
import { CARD_LIST_STYLES, useWide } from '../../lib/wide';

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

type Mode = 'single' | 'grid';
const modeKey = (userId: string | undefined) => `iasl.reviewMode.${userId ?? 'anyone'}`;

function Review({ app, assignment }: { app: ReviewerApplicationView; assignment: OwnAssignmentView }) {
  const navigate = useNavigate();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const rubric = useRubric(app.rubricVersion);
  const assessment = useAssessment(app.id);
  const evidence = useEvidence(app.id);
  const mine = useMyScores(app.id);
  const editable = assignment.status === 'assigned' && ['UnderReview', 'NeedsAdjudication'].includes(app.status);
  const [errors, setErrors] = useState<Record<string, { level?: string; comment?: string }>>({});
  const [coi, setCoi] = useState(() => sessionStorage.getItem(`iasl.coi.${app.id}`));
  const [recommendation, setRecommendation] = useState<Outcome | null>(null);
  const [finishProblems, setFinishProblems] = useState<SummaryItem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [finishError, setFinishError] = useState<unknown>(null);
  // Remembered per reviewer on this device: whoever prefers the whole rubric gets it on every application.
  const [mode, setModeState] = useState<Mode>(() => (localStorage.getItem(modeKey(user?.id)) === 'grid' ? 'grid' : 'single'));
  const setMode = (next: Mode) => {
    localStorage.setItem(modeKey(user?.id), next);
    setModeState(next);
    setFinishProblems([]);
    if (next === 'grid') setParams({});
  };

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
  const onFinishPage = mode === 'single' && params.get('finish') === '1';
  // Where each problem's link moves focus: the indicator's input in the grid, its row of the summary otherwise.
  const levelTarget = (code: string) => (mode === 'grid' ? `level-${code}-1` : `summary-${code}`);
  const commentTarget = (code: string) => (mode === 'grid' ? `comment-${code}` : `summary-${code}`);
  const problemsFor = (missing: string[], withoutComment: string[], needsRecommendation: boolean): SummaryItem[] => [
    ...indicators
      .filter((i) => missing.includes(i.code))
      .map((i) => ({ message: `${i.code}: choose the level the evidence supports`, targetId: levelTarget(i.code) })),
    ...indicators
      .filter((i) => withoutComment.includes(i.code) && !missing.includes(i.code))
      .map((i) => ({ message: `${i.code}: say why this level in a comment`, targetId: commentTarget(i.code) })),
    ...(needsRecommendation ? [{ message: 'Choose your recommendation to the board', targetId: `recommendation-${OUTCOMES[0]}` }] : []),
  ];

  async function askToFinish() {
    setFinishError(null);
    const missing = indicators.filter((i) => !draft.entries[i.code]?.level).map((i) => i.code);
    const withoutComment = indicators.filter((i) => !draft.entries[i.code]?.text.trim()).map((i) => i.code);
    const problems = problemsFor(missing, withoutComment, !recommendation);
    setFinishProblems(problems);
    if (problems.length > 0) return;
    if (!(await draft.flush())) return;
    setConfirming(true);
  }

  async function confirmFinish() {
    if (!recommendation) return;
    setFinishError(null);
    try {
      await finish.mutateAsync(recommendation);
      draft.forget();
      setConfirming(false);
      notifications.show({ color: 'green', title: 'Review finished', message: 'Thank you. Your scores are locked and with the board.' });
      void navigate('/reviews');
    } catch (error) {
      if (error instanceof ApiProblem && error.code === 'review.incomplete') {
        const list = (key: string) => (Array.isArray(error.body[key]) ? (error.body[key] as string[]) : []);
        setConfirming(false);
        setFinishProblems(problemsFor(list('missing'), list('withoutComment'), false));
      } else setFinishError(error);
    }
  }

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

  // Two radios rather than a segmented control: they wrap on a phone instead of running off its edge.
  const modeSwitch = (
    <Radio.Group label="Scoring view" value={mode} onChange={(v) => setMode(v === 'grid' ? 'grid' : 'single')}>
      <Group gap="lg" mt={4} wrap="wrap">
        <Radio value="single" label="One indicator at a time" />
        <Radio value="grid" label="Whole rubric on one page" />
      </Group>
    </Radio.Group>
  );

  const finishCard = editable && (
    <Card withBorder padding="lg" component="section" aria-labelledby="rec-heading">
      <Stack>
        <Title order={2} size="h3" id="rec-heading">
          Finish your review
        </Title>
        <Radio.Group
          value={recommendation}
          onChange={(v) => setRecommendation(v)}
          label="Your recommendation: what should the board decide?"
          required
          error={finishProblems.length > 0 && !recommendation ? 'Choose your recommendation to the board' : undefined}
        >
          <Stack mt="xs">
            {OUTCOMES.map((o) => (
              <Radio key={o} id={`recommendation-${o}`} value={o} label={OUTCOME_LABEL[o]} />
            ))}
          </Stack>
        </Radio.Group>
        <SaveStatus state={draft.state} />
        <Group>
          <Button onClick={() => void askToFinish()} loading={finish.isPending}>
            Finish review and lock scores
          </Button>
          {!complete && (
            <Text c="gray.9">{indicators.filter((i) => !isDone(i.code)).length} indicators still need a level and a comment.</Text>
          )}
        </Group>
      </Stack>
      <ConfirmFinal
        opened={confirming}
        title={`Finish your review of ${subject}?`}
        confirmLabel="Yes, finish and lock my scores"
        onConfirm={() => void confirmFinish()}
        onClose={() => setConfirming(false)}
        pending={finish.isPending}
        error={finishError}
      >
        <Text>
          Your recommendation: <b>{recommendation ? OUTCOME_LABEL[recommendation] : ''}</b>.
        </Text>
        <Text>
          Your {indicators.length} scores and comments lock and go to the board with your recommendation. You cannot change them afterwards.
        </Text>
      </ConfirmFinal>
    </Card>
  );

  if (mode === 'grid') {
    return (
      <Page title={`Review: ${subject}`} intro={header}>
        <ErrorSummary items={finishProblems} />
        <Group justify="space-between" align="flex-end" wrap="wrap">
          {modeSwitch}
          <SaveStatus state={draft.state} />
        </Group>
        <Text fw={600}>
          {indicators.filter((i) => isDone(i.code)).length} of {indicators.length} indicators scored with a comment
        </Text>
        <RenewalHistoryPanel app={app} />
        <Stack gap="lg">
          {indicators.map((indicator, i) => (
            <GridIndicator
              key={indicator.code}
              appId={app.id}
              index={i}
              count={indicators.length}
              indicator={indicator}
              rubric={rubric.data}
              own={selfRating(indicator.code)}
              evidence={evidence.data}
              entry={draft.entries[indicator.code] ?? { level: null, text: '' }}
              error={errors[indicator.code]}
              editable={editable}
              onChange={(patch) => draft.update(indicator.code, patch)}
              onBlur={() => void draft.flush()}
            />
          ))}
        </Stack>
        {finishCard}
      </Page>
    );
  }

  if (onFinishPage) {
    return (
      <Page title={`Finish your review: ${subject}`} intro={header}>
        <ErrorSummary items={finishProblems} />
        <ScoreSummary indicators={indicators} rubric={rubric.data} entries={draft.entries} self={assessment.data ?? []} />
        {finishCard}
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
    setFinishProblems([]);
    setParams(next === 'finish' ? { finish: '1' } : { indicator: String(next + 1) });
  };

  return (
    <Page title={`Review: ${subject}`} intro={header}>
      {modeSwitch}
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
              {/* The label and its badge wrap onto two lines on a phone rather than cutting the level name off. */}
              <Group gap="lg" role="group" aria-label="Self-rating beside your score">
                <Group gap={6} wrap="wrap">
                  <Text fw={600}>Applicant's self-rating:</Text>
                  {own ? (
                    <Badge color="grape" variant="outline" radius="sm">
                      Level {own.level} · {rubric.data.levelNames[own.level]}
                    </Badge>
                  ) : (
                    <Text>none</Text>
                  )}
                </Group>
                <Group gap={6} wrap="wrap">
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

const LEVELS: Level[] = [1, 2, 3, 4, 5];

/**
 * One indicator of the whole-rubric view: the applicant's self-rating, evidence and documents beside a level and a
 * comment. Native radios of one name, so arrow keys move between levels; the descriptors fold out on demand.
 */
function GridIndicator({
  appId,
  index,
  count,
  indicator,
  rubric,
  own,
  evidence,
  entry,
  error,
  editable,
  onChange,
  onBlur,
}: {
  appId: string;
  index: number;
  count: number;
  indicator: IndicatorInOutcome;
  rubric: Rubric;
  own: AssessmentItemView | undefined;
  evidence: EvidenceItemView[] | undefined;
  entry: RubricEntry;
  error: { level?: string; comment?: string } | undefined;
  editable: boolean;
  onChange: (patch: Partial<RubricEntry>) => void;
  onBlur: () => void;
}) {
  const headingId = `grid-${indicator.code}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          Indicator {index + 1} of {count} · {indicator.outcome.code} · {indicator.role}
        </Text>
        <Title order={2} size="h4" id={headingId}>
          {indicator.code}: {indicator.title}
        </Title>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="xs">
              <Group gap={6}>
                <Text fw={600}>Applicant's self-rating:</Text>
                {own ? (
                  <Badge color="grape" variant="outline" radius="sm">
                    Level {own.level} · {rubric.levelNames[own.level]}
                  </Badge>
                ) : (
                  <Text>none</Text>
                )}
              </Group>
              <Text fw={600}>Evidence given</Text>
              <Text className="pre-wrap" c="gray.9">
                {own?.evidence || '(none)'}
              </Text>
              <EvidenceDocuments applicationId={appId} indicator={indicator.code} items={evidence} purpose="assessment" />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="sm">
              <Radio.Group
                name={`grid-level-${indicator.code}`}
                value={entry.level ? String(entry.level) : null}
                onChange={(v) => editable && onChange({ level: Number(v) as Level })}
                label={`Your score for ${indicator.code}`}
                error={error?.level}
              >
                <Group gap="md" mt={6} wrap="wrap">
                  {LEVELS.map((level) => (
                    <Radio
                      key={level}
                      id={`level-${indicator.code}-${level}`}
                      value={String(level)}
                      disabled={!editable}
                      label={`Level ${level} · ${rubric.levelNames[level]}${own?.level === level ? " (applicant's self-rating)" : ''}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
              <details>
                <summary>What each level says for {indicator.code}</summary>
                <Stack gap={4} mt="xs">
                  {LEVELS.map((level) => (
                    <Text size="sm" c="gray.9" key={level}>
                      <b>
                        Level {level} · {rubric.levelNames[level]}:
                      </b>{' '}
                      {indicator.levels[level]}
                    </Text>
                  ))}
                </Stack>
              </details>
              <Textarea
                id={`comment-${indicator.code}`}
                label={`Comment on ${indicator.code}`}
                description="Why this level: what in the evidence supports it, what is missing."
                autosize
                minRows={2}
                maxLength={4000}
                value={entry.text}
                readOnly={!editable}
                onChange={(e) => onChange({ text: e.currentTarget.value })}
                onBlur={onBlur}
                error={error?.comment}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
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
  const wide = useWide();
  const caption = "Your scores beside the applicant's self-rating.";
  const rows = indicators.map((ind, i) => {
    const e = entries[ind.code];
    const own = self.find((s) => s.indicator === ind.code);
    return {
      ind,
      link: (
        <Anchor component={Link} to={`?indicator=${i + 1}`} id={`summary-${ind.code}`} c="blue.9" fw={wide ? undefined : 600}>
          {ind.code}
        </Anchor>
      ),
      selfRating: own ? `${own.level} · ${rubric.levelNames[own.level]}` : '—',
      score: e?.level ? (
        `${e.level} · ${rubric.levelNames[e.level]}`
      ) : (
        <Badge color="red" variant="outline">
          Not scored
        </Badge>
      ),
      comment: e?.text.trim() ? (
        <Text size="sm" lineClamp={2}>
          {e.text}
        </Text>
      ) : (
        <Badge color="red" variant="outline">
          Missing
        </Badge>
      ),
    };
  });
  // A phone: one card per indicator, the same facts as the table's row, so nothing scrolls sideways.
  if (!wide)
    return (
      <Card withBorder padding="md">
        <Text size="sm" c="gray.9" mb="xs">
          {caption}
        </Text>
        <List listStyleType="none" spacing="sm" styles={CARD_LIST_STYLES} aria-label={caption}>
          {rows.map((r) => (
            <List.Item key={r.ind.code}>
              <Card withBorder padding="sm">
                <Stack gap={4}>
                  {r.link}
                  <Text size="sm">Self-rating: {r.selfRating}</Text>
                  <Group gap="xs">
                    <Text size="sm">Your score:</Text>
                    {typeof r.score === 'string' ? <Text size="sm">{r.score}</Text> : r.score}
                  </Group>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm">Comment:</Text>
                    {r.comment}
                  </Group>
                </Stack>
              </Card>
            </List.Item>
          ))}
        </List>
      </Card>
    );
  return (
    <Card withBorder padding="lg">
      <Table striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Indicator</Table.Th>
            <Table.Th scope="col">Self-rating</Table.Th>
            <Table.Th scope="col">Your score</Table.Th>
            <Table.Th scope="col">Comment</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.ind.code}>
              <Table.Td>{r.link}</Table.Td>
              <Table.Td>{r.selfRating}</Table.Td>
              <Table.Td>{r.score}</Table.Td>
              <Table.Td>{r.comment}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const client = useQueryClient();
  // Declaring releases this reviewer, so the application closes to them: leave the page first, then refresh the reads.
  const declare = useMutation({
    mutationFn: () => write('POST', '/reviewers/me/conflicts', { applicationId: app.id, reason }),
    // A refused reason goes back to the form, where its field and the summary say what to fix.
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 400) setConfirming(false);
    },
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
  const summary: SummaryItem[] = reasonError && !confirming ? [{ message: reasonError, targetId: 'coi-reason' }] : [];
  const what = app.blindReview
    ? `this application from ${app.region}, ${app.country} (its identity is withheld: blind review)`
    : `${app.institutionName} (${app.region}, ${app.country}), led by ${app.leaderName}`;
  return (
    <Card withBorder padding="lg" maw={760} component="section" aria-labelledby="coi-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          declare.reset();
          setConfirming(true);
        }}
        noValidate
      >
        <Stack>
          <ErrorSummary items={summary} />
          <Title order={2} size="h3" id="coi-heading">
            Conflict of interest
          </Title>
          <Text c="gray.9">
            You are asked to score {what}. Do you work there, or have a close personal or financial tie to it or its leader?
          </Text>
          {declaring && (
            <Textarea
              id="coi-reason"
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
          {declare.error && !reasonError && !confirming && <ProblemAlert error={declare.error} />}
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
                <Button type="submit" color="red.8">
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
      <ConfirmFinal
        opened={confirming}
        title="Declare a conflict of interest?"
        confirmLabel="Yes, declare the conflict"
        onConfirm={() => declare.mutate()}
        onClose={() => setConfirming(false)}
        pending={declare.isPending}
        error={declare.error && !reasonError ? declare.error : undefined}
      >
        <Text>
          You step back from {what}: you are released from it, cannot score it, and staff assign another reviewer. Your declaration and its
          reason are recorded for staff and auditors.
        </Text>
      </ConfirmFinal>
    </Card>
  );
}
