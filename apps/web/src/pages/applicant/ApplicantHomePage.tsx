import { Link } from 'react-router';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMyApplications } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { shortDate } from '../../lib/dates';
import { useSession } from '../../session-context';
import { ApplicationHub } from './ApplicationHub';

/** The applicant's home: their current application as a task list; earlier ones and nominations below. */
export function ApplicantHomePage() {
  const { user } = useSession();
  const list = useMyApplications();
  if (list.isPending) return <Loading what="Loading your application" />;
  if (list.error) return <ProblemAlert error={list.error} />;

  const own = list.data.flatMap((i) => (i.role === 'applicant' ? [i.application] : []));
  const nominations = list.data.flatMap((i) => (i.role === 'nominator' ? [i.nomination] : []));
  const [current, ...earlier] = own;

  if (!current) {
    return (
      <Page title="Welcome" intro={`Signed in as ${user?.email}.`}>
        <Card withBorder padding="lg" maw={720}>
          <Stack>
            <Title order={2} size="h3">
              Apply for IASL certification
            </Title>
            <Text c="gray.9">
              It starts with a short intake survey about your STEM program. Once IASL accepts it, you rate your program on the IC Map, one
              indicator at a time; reviewers score it and the advisory board decides. You can save and come back at any point.
            </Text>
            <Group>
              <Button component={Link} to="/apply">
                Start the intake survey
              </Button>
              <Button component={Link} to="/apply?nominate=1" variant="default">
                Nominate someone else
              </Button>
            </Group>
          </Stack>
        </Card>
        <Nominations items={nominations} />
      </Page>
    );
  }

  return (
    <Stack gap="xl">
      <ApplicationHub application={current} />
      {earlier.length > 0 && (
        <Stack component="section" aria-labelledby="earlier-heading">
          <Title order={2} size="h3" id="earlier-heading">
            Earlier applications
          </Title>
          {earlier.map((app) => (
            <Card key={app.id} withBorder>
              <Group justify="space-between">
                <Text fw={600}>
                  {app.reference} · {app.institutionName}
                </Text>
                <Group>
                  {app.nominationStatus === 'pending' && app.status === 'Screening' && (
                    <Badge color="yellow.9" variant="outline" radius="sm">
                      Nomination waiting for your claim
                    </Badge>
                  )}
                  <StatusBadge status={app.status} />
                  <Button component={Link} to={`/applications/${app.id}`} variant="default" size="xs">
                    Open {app.reference}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Nominations items={nominations} />
    </Stack>
  );
}

function Nominations({
  items,
}: {
  items: { id: string; reference: string; leaderName: string; institutionName: string; submittedAt: string }[];
}) {
  if (items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="nominations-heading">
      <Title order={2} size="h3" id="nominations-heading">
        Your nominations
      </Title>
      {items.map((n) => (
        <Alert key={n.id} color="green" variant="light" title={`${n.reference}: nomination received`}>
          <Text c="gray.9">
            {n.leaderName}, {n.institutionName}, received {shortDate(n.submittedAt)}. IASL asks the leader to confirm it; for their privacy
            you will not hear what they do next.
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
