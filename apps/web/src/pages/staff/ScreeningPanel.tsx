import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import { usePolicy, useWrite, write } from '../../api/queries';
import type { ApplicationSummaryView, PossibleDuplicate } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { STATUS_LABEL } from '../../lib/labels';

const WHY: Record<PossibleDuplicate['why'], string> = {
  'same-leader': 'same leader and institution, still open',
  designated: 'same leader and institution, holds a designation',
};

/**
 * Screen the intake survey: accept (the applicant is invited to the self-assessment) or reject with a reason. A
 * nomination is accepted only once its leader has claimed it; possible duplicates are shown, never merged
 * (docs/DOMAIN.md, The lifecycle, step 1).
 */
export function ScreeningPanel({ app }: { app: ApplicationSummaryView & { possibleDuplicates?: PossibleDuplicate[] } }) {
  const unclaimed = app.nominationStatus === 'pending';
  const duplicates = app.possibleDuplicates ?? [];
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
  const notDuplicate = useWrite(
    (otherApplicationId: string) => write('POST', `/applications/${app.id}/not-duplicates`, { otherApplicationId }),
    {
      done: () => ({ title: 'Marked as not a duplicate', message: 'It is no longer flagged on either application.' }),
    },
  );
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
        {unclaimed && (
          <Alert color="yellow" variant="light" title="Waiting for the leader to claim this nomination">
            <Text c="gray.9">
              It was nominated {exactDate(app.submittedAt)}. It can be accepted once {app.leaderName} signs in with the nominated email and
              claims it with their own answers; you may turn it down now.
            </Text>
          </Alert>
        )}
        {duplicates.length > 0 && (
          <Alert color="orange" variant="light" title="Possible duplicate">
            <Text c="gray.9">Check before screening; nothing is merged. Mark one that is not the same program, and its flag goes.</Text>
            {notDuplicate.error && <ProblemAlert error={notDuplicate.error} />}
            <List size="sm" mt="xs">
              {duplicates.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/staff/applications/${d.id}`}>
                    {d.reference}
                  </Anchor>{' '}
                  · {d.leaderName}, {d.institutionName} · {STATUS_LABEL[d.status]} ({WHY[d.why]}){' '}
                  <Button
                    size="compact-xs"
                    variant="default"
                    loading={notDuplicate.isPending && notDuplicate.variables === d.id}
                    onClick={() => notDuplicate.mutate(d.id)}
                    aria-label={`${d.reference} is not a duplicate`}
                  >
                    Not a duplicate
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
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
          <Button loading={accept.isPending} disabled={reject.isPending || unclaimed} onClick={() => accept.mutate(undefined)}>
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
