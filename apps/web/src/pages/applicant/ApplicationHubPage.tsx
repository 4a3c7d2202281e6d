import { useParams } from 'react-router';
import { Alert, Text } from '@mantine/core';
import { useApplication } from '../../api/queries';
import type { ApplicantApplicationView, NominationAcknowledgement } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { shortDate } from '../../lib/dates';
import { ApplicationHub } from './ApplicationHub';

export function ApplicationHubPage() {
  const { id } = useParams();
  const app = useApplication<ApplicantApplicationView | NominationAcknowledgement>(id);
  if (app.isPending) return <Loading what="Loading your application" />;
  if (app.error)
    return (
      <Page title="Application not found">
        <ProblemAlert error={app.error} title="This application cannot be opened" />
      </Page>
    );
  const data = app.data;
  if ('received' in data) {
    return (
      <Page title={`Nomination ${data.reference}`}>
        <Alert color="green" variant="light" title="Nomination received">
          <Text c="gray.9">IASL received this nomination on {shortDate(data.submittedAt)} and contacts the leader directly.</Text>
        </Alert>
      </Page>
    );
  }
  return <ApplicationHub application={data} />;
}
