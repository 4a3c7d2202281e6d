import { useMemo, useState } from 'react';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { Link, useParams } from 'react-router';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { summaryOf } from '../../api/problem';
import { useApplication, useEvidence, useEvidencePolicy, usePolicy, useRubric, useWrite, write } from '../../api/queries';
import type { ApplicantApplicationView, Level, ProgressView } from '@cert/contracts';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { DueBadge } from '../../components/DueBadge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { IndicatorNavigator } from '../../components/IndicatorNavigator';
import { LevelCards } from '../../components/LevelCards';
import type { RubricEntries, RubricEntry } from '../../hooks/useRubricDraft';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';
import { indicatorsOf } from '../../lib/rubric';
import { ProgressChangeTable } from './ProgressChangeTable';
import { useProgress } from './progress-api';
import { RenewalPanel } from './RenewalPanel';

const STANDING: Record<NonNullable<ProgressView['designation']>['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  suspended: { label: 'Suspended: yearly update missing', color: 'orange' },
  expired: { label: 'Expired', color: 'red' },
  renewed: { label: 'Renewed', color: 'blue' },
};

/** The applicant's progress page: the yearly update and the change it shows (docs/DOMAIN.md, Yearly progress). */
export function ProgressPage() {
  const { id } = useParams();
  const progress = useProgress(id);
  // The application says which decision policy it is pinned to: its windows are the ones that apply.
  const policyVersion = useApplication<ApplicantApplicationView>(id).data?.policyVersion;
  if (progress.isPending) return <Loading what="Loading your yearly progress" />;
  if (progress.error)
    return (
      <Page title="Yearly progress">
        <ProblemAlert error={progress.error} title="This progress cannot be opened" />
      </Page>
    );
  const p = progress.data;
  const d = p.designation;
  return (
    <Page title="Yearly progress on the IC Map" intro={<>Application {p.reference}</>}>
      {!d ? (
        <Alert color="blue" variant="light">
          <Text c="gray.9">There is no designation yet: yearly updates start once the board designates the program.</Text>
        </Alert>
      ) : (
        <Card withBorder padding="lg" component="section" aria-labelledby="standing-heading">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h3" id="standing-heading">
                {OUTCOME_LABEL[d.outcome]}
              </Title>
              <Badge color={STANDING[d.status].color} variant="light">
                {STANDING[d.status].label}
              </Badge>
            </Group>
            <Text c="gray.9">
              Designated {exactDate(d.designatedAt)}.{d.termEndsAt && <> The term ends {exactDate(d.termEndsAt)} unless renewed.</>}
            </Text>
            {d.progressDueAt && (d.status === 'active' || d.status === 'suspended') && (
              <DueBadge dueAt={d.progressDueAt} label="Next yearly update" />
            )}
          </Stack>
        </Card>
      )}
      {d && <RenewalPanel progress={p} policyVersion={policyVersion} />}
      <Card withBorder padding="lg" component="section" aria-labelledby="change-heading">
        <Title order={2} size="h3" id="change-heading" mb="sm">
          Change per indicator
        </Title>
        <ProgressChangeTable
          indicators={p.indicators}
          caption={`${p.updates.length} yearly ${p.updates.length === 1 ? 'update' : 'updates'} so far`}
        />
        {p.updates.length > 0 && (
          <Stack gap={4} mt="md">
            {p.updates.map((u) => (
              <Text key={u.submittedAt} size="sm" c="gray.9">
                Update of {exactDate(u.submittedAt)}
                {u.late ? ' (late)' : ''}:{' '}
                {u.confirmations.length === 0
                  ? 'no reviewer asked to confirm it'
                  : `${u.confirmations.filter((c) => c.recordedAt).length} of ${u.confirmations.length} reviewer confirmations in`}
                {u.confirmations.some((c) => c.verdicts?.some((v) => v.verdict === 'disputed')) ? ', some indicators disputed' : ''}.
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      {d && (d.status === 'active' || d.status === 'suspended') && (
        <ThisYear key={p.updates.length} progress={p} policyVersion={policyVersion} />
      )}
      <Button variant="default" component={Link} to={`/applications/${p.applicationId}`} w="fit-content">
        Back to your application
      </Button>
    </Page>
  );
}

/**
 * One update a year. The API accepts it from `progressUpdateOpensDaysBefore` days before it is due (and any
 * time after, when a late update reinstates); before that the page says when the window opens instead of a form the
 * API would refuse.
 */
function ThisYear({ progress, policyVersion }: { progress: ProgressView; policyVersion: string | undefined }) {
  const d = progress.designation!;
  const latest = progress.updates.at(-1);
  const policy = usePolicy(policyVersion);
  if (!policy.data) return <Loading what="Loading the update window" />;
  const opensDaysBefore = policy.data.progressUpdateOpensDaysBefore;
  const opensAt = d.progressDueAt ? new Date(Date.parse(d.progressDueAt) - opensDaysBefore * 86_400_000).toISOString() : null;
  // eslint-disable-next-line react-hooks/purity -- the clock at each render decides what to show; the API enforces the date
  const open = d.status === 'suspended' || !opensAt || Date.parse(opensAt) <= Date.now();
  if (open) return <ProgressUpdateForm progress={progress} />;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="update-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="update-heading">
          {latest ? "This year's update is in" : 'Yearly update'}
        </Title>
        <Text c="gray.9">
          {latest && <>You sent it {exactDate(latest.submittedAt)}. </>}
          The next is due {exactDate(d.progressDueAt!)}; the update window opens on {exactDate(opensAt)}, {opensDaysBefore} days before.
        </Text>
      </Stack>
    </Card>
  );
}

/** Re-rate every indicator of the pinned rubric with this year's evidence; levels start from last year's. */
function ProgressUpdateForm({ progress }: { progress: ProgressView }) {
  const rubric = useRubric(progress.rubricVersion);
  const indicators = useMemo(() => (rubric.data ? indicatorsOf(rubric.data) : []), [rubric.data]);
  const [index, setIndex] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const evidence = useEvidence(progress.applicationId);
  const evidencePolicy = useEvidencePolicy(progress.applicationId);
  const [entries, setEntries] = useState<RubricEntries>(() =>
    Object.fromEntries(
      progress.indicators.map((i) => [i.indicator, { level: (i.thisYear ?? i.atDesignation ?? null) as Level | null, text: '' }]),
    ),
  );
  const submit = useWrite(
    () =>
      write('POST', `/applications/${progress.applicationId}/progress-updates`, {
        ratings: indicators.map((i) => ({ indicator: i.code, level: entries[i.code]?.level, evidence: entries[i.code]?.text ?? '' })),
      }),
    {
      done: (r) => ({
        title: 'Yearly update received',
        message: r.events.includes('DesignationReinstated')
          ? 'Your designation is active again.'
          : 'Thank you: see the change per indicator above.',
      }),
    },
  );
  if (rubric.isPending) return <Loading what="Loading the IC Map" />;
  if (rubric.error) return <ProblemAlert error={rubric.error} />;
  const indicator = indicators[index];
  const entry = entries[indicator.code] ?? { level: null, text: '' };
  const isDone = (code: string) => !!entries[code]?.level && !!entries[code]?.text.trim();
  const complete = indicators.every((i) => isDone(i.code));
  const update = (patch: Partial<RubricEntry>) => setEntries((prev) => ({ ...prev, [indicator.code]: { ...entry, ...patch } }));
  // A refused rating names its place in the list; the form shows one indicator at a time, so it links to the level and evidence.
  const summary = summaryOf(submit.error, (field) => (field.endsWith('.level') ? 'progress-level' : 'progress-evidence'));
  const send = () =>
    submit.mutate(undefined, {
      onSettled: () => setConfirming(false),
    });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="update-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.reset();
          setConfirming(true);
        }}
        noValidate
      >
        <Stack>
          <ErrorSummary items={confirming ? [] : summary} />
          <Title order={2} size="h3" id="update-heading">
            This year's update
          </Title>
          <Text c="gray.9">Rate every indicator again, with evidence of this year's work. The levels start from your last rating.</Text>
          <IndicatorNavigator indicators={indicators} index={index} onGo={setIndex} done={isDone} completeLabel="rated with evidence" />
          <Title order={3} size="h4">
            {indicator.code}: {indicator.title}
          </Title>
          <div id="progress-level" tabIndex={-1}>
            <LevelCards
              indicator={indicator}
              levelNames={rubric.data.levelNames}
              value={entry.level}
              onChange={(level) => update({ level })}
            />
          </div>
          <Textarea
            id="progress-evidence"
            label="Evidence for this year"
            autosize
            minRows={3}
            maxLength={4000}
            value={entry.text}
            onChange={(e) => update({ text: e.currentTarget.value })}
          />
          <EvidenceDocuments
            applicationId={progress.applicationId}
            indicator={indicator.code}
            items={evidence.data?.filter((i) => !i.submittedAt)}
            purpose="progress"
            editable={{ policy: evidencePolicy.data }}
          />
          {submit.error && summary.length === 0 && !confirming && <ProblemAlert error={submit.error} title="The update was not sent" />}
          <Group>
            <Button type="submit" loading={submit.isPending} disabled={!complete}>
              Send the yearly update
            </Button>
            {!complete && (
              <Text c="gray.9">{indicators.filter((i) => !isDone(i.code)).length} indicators still need a level and evidence.</Text>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="Send this year's update?"
        confirmLabel="Yes, send the yearly update"
        onConfirm={send}
        onClose={() => setConfirming(false)}
        pending={submit.isPending}
      >
        <Text c="gray.9">
          You are sending {indicators.length} ratings with this year's evidence. By sending you confirm the evidence is accurate to the best
          of your knowledge; reviewers may be asked to confirm it.
        </Text>
      </ConfirmFinal>
    </Card>
  );
}
