import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import { useWrite, write } from '../../api/queries';
import type { ApplicantApplicationView } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

const MIN = 20;
const MAX = 4000;

/** Whether the applicant may still appeal (the API decides; this only chooses what to show). */
export const canAppeal = (app: ApplicantApplicationView) =>
  app.status === 'Decided' && !app.decisionFinal && !app.appealStatus && !!app.appealUntil && Date.parse(app.appealUntil) > Date.now();

/**
 * docs/DOMAIN.md, Appeals: the applicant may appeal a decision within the appeal window, with a statement; after that the
 * panel shows where the appeal stands. The appeal's own decision is final at once.
 */
export function AppealPanel({ app }: { app: ApplicantApplicationView }) {
  if (app.appealStatus) return <AppealStanding app={app} />;
  if (!canAppeal(app)) return null;
  return <AppealForm app={app} />;
}

function AppealForm({ app }: { app: ApplicantApplicationView }) {
  const [statement, setStatement] = useState('');
  const file = useWrite(() => write('POST', `/applications/${app.id}/appeals`, { statement }), {
    done: () => ({ title: 'Appeal filed', message: 'IASL has your appeal and will write with the outcome.' }),
  });
  const problem = file.error instanceof ApiProblem ? file.error : null;
  const tooShort = statement.trim().length > 0 && statement.trim().length < MIN;
  const fieldError = problem?.fieldMessage('statement') ?? (tooShort ? `At least ${MIN} characters` : undefined);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="appeal-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          file.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="appeal-heading">
            Appeal this decision
          </Title>
          <DueBadge dueAt={app.appealUntil!} label="Appeal window" />
          <Text c="gray.9">
            If you believe the decision missed something, tell the advisory board why. Staff send your appeal to a fresh review by new
            reviewers or to the board itself. You can appeal once; the decision on your appeal is final.
          </Text>
          <Textarea
            label="Your statement"
            description={`Between ${MIN} and ${MAX} characters.`}
            required
            autosize
            minRows={4}
            maxLength={MAX}
            value={statement}
            onChange={(e) => setStatement(e.currentTarget.value)}
            error={fieldError}
          />
          {file.error && !problem?.fieldMessage('statement') && <ProblemAlert error={file.error} title="The appeal was not filed" />}
          <Button type="submit" loading={file.isPending} disabled={statement.trim().length < MIN} w="fit-content">
            File the appeal
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

const STANDING: Record<NonNullable<ApplicantApplicationView['appealStatus']>, string> = {
  filed: 'Your appeal is with IASL staff, who will send it to a fresh review or to the advisory board.',
  routed: 'Your appeal is being considered.',
  decided: 'The advisory board has decided your appeal. This decision is final.',
};

function AppealStanding({ app }: { app: ApplicantApplicationView }) {
  const route =
    app.appealStatus === 'routed' && app.appealRoute
      ? app.appealRoute === 'board'
        ? ' The advisory board decides it directly.'
        : ' New reviewers, none of the earlier ones, are scoring your self-assessment.'
      : '';
  return (
    <Alert color="grape" variant="light" title="Your appeal" component="section" role="region" aria-label="Your appeal">
      <Stack gap="xs">
        <Text c="gray.9">
          {STANDING[app.appealStatus!]}
          {route}
        </Text>
        {app.appealOf && (
          <Text c="gray.9">
            Decision appealed: {OUTCOME_LABEL[app.appealOf.outcome]}, {exactDate(app.appealOf.decidedAt)}.
          </Text>
        )}
        {app.appealFiledAt && (
          <Text size="sm" c="gray.8">
            Filed {exactDate(app.appealFiledAt)}.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
