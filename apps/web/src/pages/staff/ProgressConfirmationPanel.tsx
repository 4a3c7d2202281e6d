import { useState } from 'react';
import { Button, Card, Select, Stack, Text, Title } from '@mantine/core';
import { useReviewers, useWrite, write } from '../../api/queries';
import type { ApplicationSummaryView } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { ProgressChangeTable } from '../applicant/ProgressChangeTable';
import { useProgress } from '../applicant/progress-api';

/**
 * Staff see a designation's yearly progress and may ask a reviewer to confirm the latest update. The API
 * refuses a reviewer with a conflict, by the same rules as review assignment.
 */
export function ProgressConfirmationPanel({ app }: { app: ApplicationSummaryView }) {
  const progress = useProgress(app.id, app.status === 'Decided');
  const reviewers = useReviewers();
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const ask = useWrite(() => write('POST', `/applications/${app.id}/progress/confirmation-requests`, { reviewerId }), {
    done: () => ({ title: 'Confirmation requested', message: 'The reviewer is asked by email and sees it in their assignments.' }),
  });
  const p = progress.data;
  if (!p?.designation) return null;
  const latest = p.updates.at(-1);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="progress-heading">
      <Stack>
        <Title order={2} size="h3" id="progress-heading">
          Yearly progress
        </Title>
        <Text c="gray.9">
          Designation {p.designation.status}
          {p.designation.termEndsAt ? `, term ends ${exactDate(p.designation.termEndsAt)}` : ''}.
          {latest ? ` Latest update ${exactDate(latest.submittedAt)}${latest.late ? ' (late)' : ''}.` : ' No yearly update yet.'}
        </Text>
        <ProgressChangeTable indicators={p.indicators} caption="Change per indicator" />
        {latest && (
          <>
            {latest.confirmations.map((c) => (
              <Text key={c.reviewerId} size="sm" c="gray.9">
                Reviewer {c.reviewerName ?? ''}:{' '}
                {c.recordedAt
                  ? `${c.verdicts?.filter((v) => v.verdict === 'disputed').length ?? 0} indicators disputed`
                  : 'asked, no answer yet'}
              </Text>
            ))}
            <Select
              label="Ask a reviewer to confirm the latest update"
              placeholder="Choose a reviewer"
              value={reviewerId}
              onChange={setReviewerId}
              data={(reviewers.data ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.institution ? ` (${r.institution})` : ''}` }))}
            />
            {ask.error && <ProblemAlert error={ask.error} title="Not requested" />}
            <Button w="fit-content" disabled={!reviewerId} loading={ask.isPending} onClick={() => ask.mutate(undefined)}>
              Ask to confirm
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
