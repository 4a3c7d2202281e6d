import { useState } from 'react';
import { Button, Card, Radio, Stack, Text, Title } from '@mantine/core';
import { useWrite, write } from '../../api/queries';
import type { AppealRoute, ApplicationSummaryView } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

/** docs/DOMAIN.md, Appeals: staff route a filed appeal to a fresh review (new reviewers only) or to the board. */
export function AppealRoutingPanel({ app }: { app: ApplicationSummaryView }) {
  const [route, setRoute] = useState<AppealRoute>('fresh-review');
  const send = useWrite(() => write('POST', `/applications/${app.id}/appeals/route`, { route }), {
    done: () => ({
      title: 'Appeal routed',
      message: route === 'board' ? 'It is back before the board.' : 'Assign new reviewers: the earlier ones are excluded.',
    }),
  });
  if (!app.appealStatus) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="appeal-route-heading">
      <Stack>
        <Title order={2} size="h3" id="appeal-route-heading">
          Appeal
        </Title>
        {app.appealOf && (
          <Text c="gray.9">
            Against the decision of {exactDate(app.appealOf.decidedAt)}: {OUTCOME_LABEL[app.appealOf.outcome]}.
          </Text>
        )}
        {app.appealFiledAt && (
          <Text size="sm" c="gray.8">
            Filed {exactDate(app.appealFiledAt)}.
          </Text>
        )}
        <Text c="gray.9" style={{ whiteSpace: 'pre-wrap' }}>
          {app.appealStatement}
        </Text>
        {app.appealStatus === 'filed' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate(undefined);
            }}
          >
            <Stack>
              <Radio.Group label="Send the appeal to" value={route} onChange={(v) => setRoute(v)} required>
                <Stack gap="xs" mt="xs">
                  <Radio value="fresh-review" label="A fresh review by new reviewers (none of the earlier ones)" />
                  <Radio value="board" label="The advisory board, to decide directly" />
                </Stack>
              </Radio.Group>
              {send.error && <ProblemAlert error={send.error} title="The appeal was not routed" />}
              <Button type="submit" loading={send.isPending} w="fit-content">
                Route the appeal
              </Button>
            </Stack>
          </form>
        ) : (
          <Text fw={600}>
            {app.appealStatus === 'decided'
              ? 'Decided; the appeal’s decision is final.'
              : app.appealRoute === 'board'
                ? 'Routed to the board.'
                : 'Routed to a fresh review.'}
            {app.earlierReviewers && app.earlierReviewers.length > 0 && ` Earlier reviewers, excluded: ${app.earlierReviewers.length}.`}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
