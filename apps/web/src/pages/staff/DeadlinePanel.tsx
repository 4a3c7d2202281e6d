import { useState } from 'react';
import { Button, Card, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import { useWrite, write } from '../../api/queries';
import type { ApplicationSummaryView } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fromLocalInput, toLocalInput } from '../../lib/dates';

/** Extend the self-assessment window, or reopen a lapsed one, with a reason (recorded as DeadlineExtended). */
export function DeadlinePanel({ app }: { app: ApplicationSummaryView }) {
  const [dueAt, setDueAt] = useState(() => {
    const base = app.dueAt && Date.parse(app.dueAt) > Date.now() ? Date.parse(app.dueAt) : Date.now();
    return toLocalInput(new Date(base + 14 * 86_400_000).toISOString());
  });
  const [reason, setReason] = useState('');
  const extend = useWrite(() => write('POST', `/applications/${app.id}/deadline-extensions`, { dueAt: fromLocalInput(dueAt), reason }), {
    done: () => ({ title: 'Deadline moved', message: 'The applicant is told by email.' }),
  });
  const problem = extend.error instanceof ApiProblem ? extend.error : null;
  const dueError =
    problem?.fieldMessage('dueAt') ??
    (problem?.code === 'assessment.extension_not_later' ? 'Must be later than now and than the current due date' : undefined);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="deadline-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          extend.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="deadline-heading">
            {app.status === 'Lapsed' ? 'Reopen the self-assessment' : 'Extend the deadline'}
          </Title>
          {app.dueAt && <DueBadge dueAt={app.dueAt} label="Now" />}
          <TextInput
            type="datetime-local"
            label="New due date and time"
            description={`In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`}
            required
            value={dueAt}
            onChange={(e) => setDueAt(e.currentTarget.value)}
            error={dueError}
          />
          <Textarea
            label="Reason"
            description="Recorded and shown to the applicant (at least 5 characters)."
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problem?.fieldMessage('reason')}
          />
          {extend.error && !dueError && !problem?.fieldMessage('reason') && <ProblemAlert error={extend.error} />}
          {extend.isSuccess && (
            <Text c="teal.9" role="status">
              Deadline moved.
            </Text>
          )}
          <Button type="submit" loading={extend.isPending} w="fit-content">
            {app.status === 'Lapsed' ? 'Reopen until this date' : 'Extend the deadline'}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
