import { Link } from 'react-router';
import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useAssignments } from '../../api/queries';
import type { OwnAssignmentView } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ProgressConfirmationsSection } from './ProgressConfirmationPage';
import { shortDate } from '../../lib/dates';

const stateOf = (a: OwnAssignmentView) => (a.status === 'finished' ? 'Finished' : a.progress.scored > 0 ? 'In progress' : 'Not started');

/** A reviewer's worklist: open work first by due date, each with its progress; finished work below. */
export function AssignmentsPage() {
  const assignments = useAssignments();
  if (assignments.isPending) return <Loading what="Loading your assignments" />;
  if (assignments.error) return <ProblemAlert error={assignments.error} />;
  const open = assignments.data.filter((a) => a.status === 'assigned');
  const finished = assignments.data.filter((a) => a.status === 'finished');
  return (
    <Page title="My assignments" intro={`${open.length} to score · ${finished.length} finished`}>
      <Alert color="blue" variant="light" title="Before you open an application">
        <Text c="gray.9">
          Check for a conflict of interest: your own institution, a close personal or financial tie. If you have one, do not score it; tell
          the certification staff, who will release you and assign someone else.
        </Text>
      </Alert>
      <Stack component="section" aria-labelledby="open-heading">
        <Title order={2} size="h3" id="open-heading">
          To score
        </Title>
        {open.length === 0 ? (
          <Text>Nothing to score right now. We email you when an application is assigned.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {open.map((a) => (
              <AssignmentCard key={a.applicationId} assignment={a} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <ProgressConfirmationsSection />
      {finished.length > 0 && (
        <Stack component="section" aria-labelledby="finished-heading">
          <Title order={2} size="h3" id="finished-heading">
            Finished
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {finished.map((a) => (
              <AssignmentCard key={a.applicationId} assignment={a} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}

function AssignmentCard({ assignment: a }: { assignment: OwnAssignmentView }) {
  const state = stateOf(a);
  const pct = a.progress.total ? (a.progress.scored / a.progress.total) * 100 : 0;
  const labelId = `progress-${a.applicationId}`;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Title order={3} size="h4">
              {a.institutionName ?? `Application ${a.reference ?? ''}`}
            </Title>
            {a.blindReview && (
              <Text size="sm" c="gray.9">
                Blind review: the applicant's identity is withheld.
              </Text>
            )}
            <Text size="sm" c="gray.8">
              {a.reference} · {a.purpose === 'adjudication' ? 'Adjudication' : 'Review'} · assigned {shortDate(a.assignedAt)}
            </Text>
          </Stack>
          <Badge color={state === 'Finished' ? 'green' : state === 'In progress' ? 'blue' : 'gray'} variant="outline" radius="sm">
            {state}
          </Badge>
        </Group>
        {a.status !== 'finished' ? (
          <DueBadge dueAt={a.dueAt} label="Scores" />
        ) : (
          a.submittedAt && <Text size="sm">Finished {shortDate(a.submittedAt)}</Text>
        )}
        <div>
          <Text size="sm" id={labelId}>
            {a.progress.scored} of {a.progress.total} indicators scored
          </Text>
          <Progress
            value={pct}
            aria-label={`${a.progress.scored} of ${a.progress.total} indicators scored`}
            mt={4}
            color={state === 'Finished' ? 'teal.9' : 'blue'}
          />
        </div>
        <Button
          component={Link}
          to={`/reviews/${a.applicationId}`}
          variant={a.status === 'finished' ? 'default' : 'filled'}
          w="fit-content"
          aria-label={`${a.status === 'finished' ? 'View' : state === 'In progress' ? 'Continue' : 'Start'} review of ${a.reference ?? ''}`}
        >
          {a.status === 'finished' ? 'View your scores' : state === 'In progress' ? 'Continue scoring' : 'Start scoring'}
        </Button>
      </Stack>
    </Card>
  );
}
