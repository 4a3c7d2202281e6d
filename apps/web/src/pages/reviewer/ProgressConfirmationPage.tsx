import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Anchor, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEvidence, useRubric, useWrite, write } from '../../api/queries';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { indicatorsOf } from '../../lib/rubric';
import type { ConfirmationAssignmentView, ProgressVerdict } from '@cert/contracts';
import { useProgressConfirmations } from '../applicant/progress-api';

/** The reviewer's list of progress confirmations, shown beside their review assignments. */
export function ProgressConfirmationsSection() {
  const list = useProgressConfirmations();
  if (!list.data || list.data.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="confirm-heading">
      <Title order={2} size="h3" id="confirm-heading">
        Yearly progress to confirm
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.data.map((c) => (
          <Card key={`${c.applicationId}-${c.updateSubmittedAt}`} withBorder padding="md">
            <Text fw={600}>
              {c.reference} · {c.institutionName}
            </Text>
            <Text size="sm" c="gray.8">
              Update of {exactDate(c.updateSubmittedAt)}; {c.recordedAt ? `answered ${exactDate(c.recordedAt)}` : 'waiting for your answer'}
            </Text>
            {!c.recordedAt && (
              <Anchor component={Link} to={`/reviews/progress/${c.applicationId}`}>
                Confirm or dispute
              </Anchor>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The reviewer asked confirms or disputes each indicator of a yearly update; a dispute needs a comment. */
export function ProgressConfirmationPage() {
  const { id } = useParams();
  const list = useProgressConfirmations();
  if (list.isPending) return <Loading what="Loading the update to confirm" />;
  if (list.error) return <ProblemAlert error={list.error} />;
  const item = list.data.find((c) => c.applicationId === id && !c.recordedAt);
  if (!item)
    return (
      <Page title="Nothing to confirm">
        <Text>No open progress confirmation for this application is on your list.</Text>
      </Page>
    );
  return <ConfirmationForm item={item} />;
}

function ConfirmationForm({ item }: { item: ConfirmationAssignmentView }) {
  const navigate = useNavigate();
  const rubric = useRubric();
  const evidence = useEvidence(item.applicationId);
  const [confirming, setConfirming] = useState(false);
  const [verdicts, setVerdicts] = useState<Record<string, ProgressVerdict>>(() =>
    Object.fromEntries(item.ratings.map((r) => [r.indicator, { indicator: r.indicator, verdict: 'confirmed', comment: '' }])),
  );
  const send = useWrite(
    () => write('POST', `/applications/${item.applicationId}/progress/confirmation`, { verdicts: Object.values(verdicts) }),
    {
      done: () => ({ title: 'Thank you', message: 'Your confirmation is recorded.' }),
    },
  );
  if (rubric.isPending) return <Loading what="Loading the IC Map" />;
  const titles = Object.fromEntries((rubric.data ? indicatorsOf(rubric.data) : []).map((i) => [i.code, i.title]));
  const set = (code: string, patch: Partial<ProgressVerdict>) => setVerdicts((prev) => ({ ...prev, [code]: { ...prev[code], ...patch } }));
  const disputed = Object.values(verdicts).filter((v) => v.verdict === 'disputed').length;
  const uncommented = Object.values(verdicts).filter((v) => v.verdict === 'disputed' && !v.comment.trim()).length;
  return (
    <Page title={`Confirm the yearly update: ${item.reference}`} intro={<>Update of {exactDate(item.updateSubmittedAt)}</>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (uncommented === 0) setConfirming(true);
        }}
        noValidate
      >
        <Stack>
          {item.ratings.map((r) => (
            <Card key={r.indicator} withBorder padding="md" component="fieldset" aria-label={r.indicator}>
              <Stack gap="xs">
                <Title order={2} size="h5">
                  {r.indicator}: {titles[r.indicator] ?? ''}
                </Title>
                <Text size="sm" c="gray.9">
                  Rated {r.level}. Evidence: {r.evidence}
                </Text>
                <EvidenceDocuments applicationId={item.applicationId} indicator={r.indicator} items={evidence.data} purpose="progress" />
                <Radio.Group label="Your verdict" value={verdicts[r.indicator].verdict} onChange={(v) => set(r.indicator, { verdict: v })}>
                  <Group mt={4}>
                    <Radio value="confirmed" label="Confirm" />
                    <Radio value="disputed" label="Dispute" />
                  </Group>
                </Radio.Group>
                {verdicts[r.indicator].verdict === 'disputed' && (
                  <Textarea
                    label="Why do you dispute this level?"
                    required
                    autosize
                    minRows={2}
                    maxLength={2000}
                    value={verdicts[r.indicator].comment}
                    onChange={(e) => set(r.indicator, { comment: e.currentTarget.value })}
                  />
                )}
              </Stack>
            </Card>
          ))}
          {send.error && !confirming && <ProblemAlert error={send.error} title="Not recorded" />}
          <Group>
            <Button type="submit" loading={send.isPending} disabled={uncommented > 0}>
              Send my confirmation
            </Button>
            {uncommented > 0 && (
              <Text c="gray.9">
                {uncommented === 1 ? '1 disputed indicator still needs' : `${uncommented} disputed indicators still need`} a comment.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title={`Send your confirmation of ${item.reference}?`}
        confirmLabel="Yes, send my confirmation"
        onConfirm={() =>
          // Awaited here: the refreshed list closes this form before a mutate() callback would run.
          void send.mutateAsync(undefined).then(
            () => navigate('/reviews'),
            () => undefined,
          )
        }
        onClose={() => setConfirming(false)}
        pending={send.isPending}
        error={send.error}
      >
        <Text>
          {disputed === 0
            ? `You confirm all ${item.ratings.length} indicators of the update.`
            : `You confirm ${item.ratings.length - disputed} indicators and dispute ${disputed}, with your comments.`}{' '}
          Your verdicts are recorded with your name.
        </Text>
      </ConfirmFinal>
    </Page>
  );
}
