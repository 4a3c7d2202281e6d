import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ApplicationSummaryView } from '@cert/contracts';
import { shortDate } from '../lib/dates';

/** The intake survey as submitted, for staff, the board and auditors. */
export function SurveySummary({ app }: { app: ApplicationSummaryView }) {
  const s = app.survey;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="survey-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="survey-heading">
          Intake survey
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text>
            <b>Leader:</b> {s.leaderName} ({s.contactEmail})
          </Text>
          <Text>
            <b>Institution:</b> {s.institution.name} ({s.institution.type})
          </Text>
          <Text>
            <b>Where:</b> {s.institution.region}, {s.institution.country}
          </Text>
          <Text>
            <b>Received:</b> {shortDate(app.submittedAt)}
          </Text>
          <Text>
            <b>Years running:</b> {s.yearsRunning}
          </Text>
          <Text>
            <b>Students served:</b> {s.studentsServed.toLocaleString()}
          </Text>
          <Text>
            <b>Focus areas:</b> {s.focusAreas.join(', ') || '—'}
          </Text>
          <Text>
            <b>Partners:</b> {s.partners.join(', ') || '—'}
          </Text>
        </SimpleGrid>
        <Text fw={600}>The program</Text>
        <Text className="pre-wrap">{s.programDescription}</Text>
        <Text fw={600}>Reach to under-represented students</Text>
        <Text className="pre-wrap">{s.underrepresentedReach || '—'}</Text>
      </Stack>
    </Card>
  );
}
