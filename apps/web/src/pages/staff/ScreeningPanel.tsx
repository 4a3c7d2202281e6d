import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import { usePolicy, useWrite, write } from '../../api/queries';
import type { ApplicationSummaryView } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Screen the intake survey: accept (the applicant is invited to the self-assessment) or reject with a reason. */
export function ScreeningPanel({ app }: { app: ApplicationSummaryView }) {
  const [rejecting, setRejecting] = useState(false);
  // The assessment window is the pinned policy's.
  const windowDays = usePolicy(app.policyVersion).data?.assessmentWindowDays;
  const [reason, setReason] = useState('');
  const accept = useWrite(() => write('POST', `/applications/${app.id}/screening/accept`), {
    done: () => ({ title: 'Accepted', message: `${app.reference} is invited to the self-assessment.` }),
  });
  const reject = useWrite((why: string) => write('POST', `/applications/${app.id}/screening/reject`, { reason: why }), {
    done: () => ({ title: 'Not accepted', message: 'The applicant is told by email, with your reason.' }),
  });
  const rejectError = reject.error instanceof ApiProblem ? reject.error.fieldMessage('reason') : undefined;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="screening-heading">
      <Stack>
        <Title order={2} size="h3" id="screening-heading">
          Screen the survey
        </Title>
        <Text c="gray.9">
          Accepting invites {app.leaderName} to the self-assessment{windowDays ? `, due in ${windowDays} days` : ''}.
        </Text>
        {accept.error && <ProblemAlert error={accept.error} />}
        {reject.error && !rejectError && <ProblemAlert error={reject.error} />}
        {rejecting && (
          <Textarea
            label="Reason for not accepting"
            description="Sent to the applicant (at least 5 characters)."
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={rejectError}
          />
        )}
        <Group>
          <Button loading={accept.isPending} disabled={reject.isPending} onClick={() => accept.mutate(undefined)}>
            Accept survey
          </Button>
          {!rejecting ? (
            <Button variant="default" onClick={() => setRejecting(true)}>
              Do not accept…
            </Button>
          ) : (
            <Button color="red" loading={reject.isPending} onClick={() => reject.mutate(reason)}>
              Do not accept, with this reason
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
