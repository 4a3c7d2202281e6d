import { useParams } from 'react-router';
import { Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { StaffApplicationView } from '@cert/contracts';
import { useApplication, useTimeline } from '../../api/queries';
import { DueBadge } from '../../components/DueBadge';
import { EventTimeline } from '../../components/EventTimeline';
import { EvidenceByIndicator } from '../../components/EvidenceDocuments';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { SurveySummary } from '../../components/SurveySummary';
import { DeadlinePanel } from './DeadlinePanel';
import { ScheduleCard } from '../../components/ScheduleCard';
import { AppealRoutingPanel } from './AppealRoutingPanel';
import { ReviewersPanel } from './ReviewersPanel';
import { ProgressConfirmationPanel } from './ProgressConfirmationPanel';
import { ScreeningPanel } from './ScreeningPanel';

/** One application for staff: what to do next (screen, extend, assign), the evidence documents, the survey and the full timeline. */
export function StaffApplicationPage() {
  const { id } = useParams();
  const app = useApplication<StaffApplicationView>(id);
  const timeline = useTimeline(id);
  if (app.isPending) return <Loading what="Loading the application" />;
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
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {a.status === 'Screening' && <ScreeningPanel app={a} />}
            {(a.status === 'AwaitingAssessment' || a.status === 'Lapsed') && <DeadlinePanel app={a} />}
            <AppealRoutingPanel app={a} />
            {a.designationStatus && <ProgressConfirmationPanel app={a} />}
            {(a.status === 'UnderReview' || a.status === 'NeedsAdjudication' || (a.reviewers?.length ?? 0) > 0) && (
              <ReviewersPanel app={a} />
            )}
            {a.status !== 'Screening' && a.status !== 'Rejected' && (
              <Card withBorder padding="lg">
                <Group justify="space-between">
                  <Text fw={600}>
                    Self-assessment:{' '}
                    {a.assessmentSubmittedAt ? 'submitted' : `${a.assessmentRated} of ${a.assessmentTotal} indicators rated`}
                  </Text>
                  {a.dueAt && !a.assessmentSubmittedAt && <DueBadge dueAt={a.dueAt} />}
                </Group>
              </Card>
            )}
            {a.status !== 'Screening' && a.status !== 'Rejected' && <EvidenceByIndicator applicationId={a.id} />}
            <SurveySummary app={a} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="timeline-heading">
            <Title order={2} size="h3" id="timeline-heading" mb="md">
              Timeline
            </Title>
            {timeline.data ? <EventTimeline entries={timeline.data} showActor /> : <Loading what="Loading the timeline" />}
          </Card>
          <ScheduleCard applicationId={a.id} />
        </Grid.Col>
      </Grid>
    </Page>
  );
}
