import { Link } from 'react-router';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { useAssessment, useRubric, useTimeline } from '../../api/queries';
import type { ApplicantApplicationView, AssessmentItemView, Rubric } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
import { EventTimeline } from '../../components/EventTimeline';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { exactDate, shortDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';
import { outcomeName } from '../../lib/rubric';
import { DirectoryListingPanel, offersDirectory } from './DirectoryListingPanel';
import { CredentialsPanel } from './CredentialsPanel';
import { AppealPanel } from './AppealPanel';
import { ProgressLink } from './ProgressLink';

type TaskStatus = 'Completed' | 'In progress' | 'Not started' | 'Cannot start yet' | 'Closed';
type Task = { title: string; hint: string; status: TaskStatus; href?: string };

const TASK_COLOR: Record<TaskStatus, string> = {
  Completed: 'green',
  'In progress': 'blue',
  'Not started': 'gray',
  'Cannot start yet': 'gray',
  Closed: 'red',
};

const STAGES = ['Intake survey', 'Screening', 'Self-assessment', 'Review', 'Board decision'];
const stageIndex = (app: ApplicantApplicationView) =>
  ({
    Screening: 1,
    Rejected: 1,
    AwaitingAssessment: 2,
    Lapsed: 2,
    UnderReview: 3,
    NeedsAdjudication: 3,
    AwaitingDecision: 4,
    Decided: 5,
    Appealed: 5,
  })[app.status];

/** GOV.UK-style task list: each task with its status, "3 of 5 tasks completed", tasks in any order. */
export function tasksFor(app: ApplicantApplicationView, rubric: Rubric, items: AssessmentItemView[] | undefined): Task[] {
  const open = app.status === 'AwaitingAssessment';
  const submitted = !!app.assessmentSubmittedAt;
  const beforeAssessment = app.status === 'Screening' || app.status === 'Rejected';
  const done = (code: string) => items?.some((i) => i.indicator === code && i.level && i.evidence.trim());
  const started = (code: string) => items?.some((i) => i.indicator === code);
  const outcomeTasks: Task[] = rubric.outcomes.map((outcome, n) => {
    const codes = outcome.indicators.map((i) => i.code);
    const finished = codes.filter(done).length;
    let status: TaskStatus;
    if (submitted) status = 'Completed';
    else if (beforeAssessment) status = 'Cannot start yet';
    else if (!open) status = 'Closed';
    else if (finished === codes.length) status = 'Completed';
    else status = codes.some(started) ? 'In progress' : 'Not started';
    const first = rubric.outcomes.slice(0, n).reduce((sum, o) => sum + o.indicators.length, 0);
    return {
      title: `Rate ${outcome.code}: ${outcomeName(outcome)}`,
      hint: `${finished} of ${codes.length} indicators rated with evidence`,
      status,
      href: open ? `/applications/${app.id}/assessment?indicator=${first + 1}` : undefined,
    };
  });
  const allRated = outcomeTasks.every((t) => t.status === 'Completed');
  return [
    { title: 'Describe your STEM program', hint: `Intake survey sent ${shortDate(app.submittedAt)}`, status: 'Completed' },
    ...outcomeTasks,
    {
      title: 'Check and submit your self-assessment',
      hint: submitted ? `Submitted ${shortDate(app.assessmentSubmittedAt!)}` : 'Once every indicator has a level and evidence',
      status: submitted
        ? 'Completed'
        : !open
          ? beforeAssessment
            ? 'Cannot start yet'
            : 'Closed'
          : allRated
            ? 'Not started'
            : 'Cannot start yet',
      href: open && allRated ? `/applications/${app.id}/assessment?review=1` : undefined,
    },
  ];
}

export function ApplicationHub({ application: app }: { application: ApplicantApplicationView }) {
  const rubric = useRubric(app.rubricVersion);
  const assessment = useAssessment(app.id, !['Screening', 'Rejected'].includes(app.status));
  const timeline = useTimeline(app.id);

  const tasks = rubric.data ? tasksFor(app, rubric.data, assessment.data) : null;
  const completed = tasks?.filter((t) => t.status === 'Completed').length ?? 0;

  return (
    <Page
      title={app.institutionName}
      intro={
        <>
          Application {app.reference} · <StatusBadge status={app.status} />
        </>
      }
    >
      <Stepper active={stageIndex(app)} size="sm" allowNextStepsSelect={false} aria-label="Where your application is">
        {STAGES.map((label) => (
          <Stepper.Step key={label} label={label} />
        ))}
      </Stepper>

      <StatusMessage app={app} />
      <AppealPanel app={app} />
      <ProgressLink app={app} />

      {app.decisionOutcome && <CredentialsPanel applicationId={app.id} />}
      {offersDirectory(app) && <DirectoryListingPanel app={app} />}

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="tasks-heading">
            <Stack>
              <Group justify="space-between">
                <Title order={2} size="h3" id="tasks-heading">
                  Your tasks
                </Title>
                {app.dueAt && app.status === 'AwaitingAssessment' && <DueBadge dueAt={app.dueAt} label="Self-assessment" />}
              </Group>
              {!tasks ? (
                <Loading what="Loading your tasks" />
              ) : (
                <>
                  <Text fw={600} id="tasks-progress">
                    {completed} of {tasks.length} tasks completed
                  </Text>
                  <Progress value={(completed / tasks.length) * 100} aria-label={`${completed} of ${tasks.length} tasks completed`} />
                  <List listStyleType="none" spacing="sm" p={0} m={0}>
                    {tasks.map((task) => (
                      <List.Item key={task.title} styles={{ itemWrapper: { width: '100%' }, itemLabel: { width: '100%' } }}>
                        <Group
                          justify="space-between"
                          wrap="nowrap"
                          py={6}
                          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                        >
                          <Stack gap={0}>
                            {task.href ? (
                              <Anchor component={Link} to={task.href} fw={600}>
                                {task.title}
                              </Anchor>
                            ) : (
                              <Text fw={600}>{task.title}</Text>
                            )}
                            <Text size="sm" c="gray.8">
                              {task.hint}
                            </Text>
                          </Stack>
                          <Badge color={TASK_COLOR[task.status]} variant="outline" radius="sm" style={{ flexShrink: 0 }}>
                            {task.status}
                          </Badge>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                  {app.status === 'AwaitingAssessment' && (
                    <Button component={Link} to={`/applications/${app.id}/assessment`} w="fit-content">
                      {app.assessmentRated > 0 ? 'Continue your self-assessment' : 'Start your self-assessment'}
                    </Button>
                  )}
                </>
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="timeline-heading">
            <Title order={2} size="h3" id="timeline-heading" mb="md">
              What has happened
            </Title>
            {timeline.data ? <EventTimeline entries={timeline.data} /> : <Loading what="Loading the timeline" />}
          </Card>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function StatusMessage({ app }: { app: ApplicantApplicationView }) {
  switch (app.status) {
    case 'Screening':
      // docs/DOMAIN.md, The lifecycle, step 1: a nomination waits for the leader's claim; their own survey they may
      // change until it is screened.
      if (app.nominationStatus === 'pending')
        return (
          <Alert color="yellow" variant="light" title="You have been nominated: nothing goes forward until you claim it">
            <Stack gap="xs" align="flex-start">
              <Text c="gray.9">
                Someone nominated you and {app.institutionName}. Check the answers, put them in your own words, and claim the nomination;
                IASL screens it only then.
              </Text>
              <Button component={Link} to={`/applications/${app.id}/survey?claim=1`}>
                Check the answers and claim the nomination
              </Button>
            </Stack>
          </Alert>
        );
      return (
        <Alert color="blue" variant="light" title="IASL is reading your survey">
          <Stack gap="xs" align="flex-start">
            <Text c="gray.9">
              You will get an email when it is screened, usually within two weeks. Until then you can change your answers.
            </Text>
            <Button component={Link} to={`/applications/${app.id}/survey`} variant="light">
              Change your answers
            </Button>
          </Stack>
        </Alert>
      );
    case 'Rejected':
      return (
        <Alert color="red" variant="light" title="Your survey was not accepted">
          <Text c="gray.9">The reason is in the timeline below and in the email IASL sent you.</Text>
        </Alert>
      );
    case 'Lapsed':
      return (
        <Alert color="orange" variant="light" title="The self-assessment window has closed">
          <Text c="gray.9">IASL staff can reopen it: reply to your invitation email.</Text>
        </Alert>
      );
    case 'UnderReview':
    case 'NeedsAdjudication':
      return (
        <Alert color="blue" variant="light" title="Reviewers are scoring your self-assessment">
          <Text c="gray.9">The advisory board decides once the reviews are in. We will email you.</Text>
        </Alert>
      );
    case 'AwaitingDecision':
      return (
        <Alert color="blue" variant="light" title="The advisory board is deciding">
          <Text c="gray.9">We will email you the decision and your growth report.</Text>
        </Alert>
      );
    case 'Decided':
      return (
        <Card withBorder padding="lg" bg="green.0" component="section" aria-labelledby="decision-heading">
          <Stack gap="xs">
            <Title order={2} size="h3" id="decision-heading">
              Decision: {app.decisionOutcome ? OUTCOME_LABEL[app.decisionOutcome] : '—'}
            </Title>
            {app.decidedAt && <Text c="gray.9">Decided {exactDate(app.decidedAt)}.</Text>}
            {app.appealUntil && !app.decisionFinal && <Text c="gray.9">You may appeal until {exactDate(app.appealUntil)}.</Text>}
            <Button component={Link} to={`/applications/${app.id}/growth-report`} w="fit-content">
              Read your growth report
            </Button>
          </Stack>
        </Card>
      );
    default:
      return null;
  }
}
