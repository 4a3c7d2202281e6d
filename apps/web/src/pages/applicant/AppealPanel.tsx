import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem, summaryOf } from '../../api/problem';
import { useWrite, write } from '../../api/queries';
import type { ApplicantApplicationView } from '@cert/contracts';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { DueBadge } from '../../components/DueBadge';
import { ErrorSummary, SummaryItem } from '../../components/ErrorSummary';
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
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState<SummaryItem[]>([]);
  const file = useWrite(() => write('POST', `/applications/${app.id}/appeals`, { statement }), {
    done: () => ({ title: 'Appeal filed', message: 'IASL has your appeal and will write with the outcome.' }),
  });
  const problem = file.error instanceof ApiProblem ? file.error : null;
  const tooShort = statement.trim().length > 0 && statement.trim().length < MIN;
  const fieldError =
    problem?.fieldMessage('statement') ??
    (statement.trim().length < MIN ? checked[0]?.message : undefined) ??
    (tooShort ? `At least ${MIN} characters` : undefined);
  const summary = confirming ? [] : [...checked, ...summaryOf(file.error, () => 'appeal-statement')];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="appeal-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          file.reset();
          const length = statement.trim().length;
          const items =
            length < MIN
              ? [
                  {
                    message: `Enter the grounds for your appeal${length > 0 ? ` of at least ${MIN} characters` : ''}`,
                    targetId: 'appeal-statement',
                  },
                ]
              : [];
          setChecked(items);
          if (items.length === 0) setConfirming(true);
        }}
        noValidate
      >
        <Stack>
          <ErrorSummary items={summary} />
          <Title order={2} size="h3" id="appeal-heading">
            Appeal this decision
          </Title>
          <DueBadge dueAt={app.appealUntil!} label="Appeal window" />
          <Text c="gray.9">
            If you believe the decision missed something, tell the advisory board why. Staff send your appeal to a fresh review by new
            reviewers or to the board itself. You can appeal once; the decision on your appeal is final.
          </Text>
          <Textarea
            id="appeal-statement"
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
          {file.error && !confirming && !problem?.fieldMessage('statement') && (
            <ProblemAlert error={file.error} title="The appeal was not filed" />
          )}
          <Button type="submit" loading={file.isPending} w="fit-content">
            File the appeal
          </Button>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="File your appeal?"
        confirmLabel="Yes, file my appeal"
        onConfirm={() => file.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
        pending={file.isPending}
      >
        <Text c="gray.9">
          You can appeal once. IASL staff send your statement to a fresh review by new reviewers or to the advisory board, and the decision
          on your appeal is final. By filing you confirm that what you wrote is accurate to the best of your knowledge.
        </Text>
      </ConfirmFinal>
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
