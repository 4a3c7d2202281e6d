import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { get } from '../../api/client';
import { Badge, Button, Card, Group, List, MultiSelect, NumberInput, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { ApiProblem } from '../../api/problem';
import { usePolicy, useReviewers, useWrite, write } from '../../api/queries';
import type { ApplicationSummaryView, ConflictView, ReviewerEntry } from '@cert/contracts';
import { DueBadge } from '../../components/DueBadge';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { conflictOf, earlierRound, previewAutoAssignment } from '../../lib/assignment';

/** Who reviews this application; assign more (balanced automatic with a preview, or by hand) and release one. */
export function ReviewersPanel({ app }: { app: ApplicationSummaryView }) {
  const pool = useReviewers();
  const policy = usePolicy(app.policyVersion);
  // Declared and pinned conflicts per reviewer, so the preview and the hand-picked list match what the server will allow.
  const conflictQueries = useQueries({
    queries: (pool.data ?? []).map((r) => ({
      queryKey: [`/reviewers/${r.id}/conflicts`, {}],
      queryFn: () => get<ConflictView[]>(`/reviewers/${r.id}/conflicts`),
    })),
  });
  const conflicts = new Map((pool.data ?? []).map((r, i) => [r.id, conflictQueries[i]?.data ?? []]));
  const open = app.status === 'UnderReview' || app.status === 'NeedsAdjudication';
  const entries = app.reviewers ?? [];
  const active = entries.filter(
    (r) => r.status !== 'released' && r.purpose === (app.status === 'NeedsAdjudication' ? 'adjudication' : 'review'),
  );
  const required = policy.data?.reviewersRequired ?? 0;
  const needed = app.status === 'NeedsAdjudication' ? 1 : Math.max(required - active.length, 1);
  const enough = app.status === 'UnderReview' && active.length >= required;
  const [adding, setAdding] = useState(false);
  const [mode, setMode] = useState<'auto' | 'manual'>('auto');
  // Empty until staff choose: then what the pinned policy still needs, known once the policy has loaded.
  const [chosenCount, setCount] = useState<number | string>('');
  const count = chosenCount === '' ? needed : chosenCount;
  const [chosen, setChosen] = useState<string[]>([]);

  const assign = useWrite(
    () =>
      write('POST', `/applications/${app.id}/reviewers`, mode === 'auto' ? { mode, count: Number(count) } : { mode, reviewerIds: chosen }),
    { done: (r) => ({ title: 'Reviewers assigned', message: `${r.events.length} assigned; they are told by email.` }) },
  );
  const problem = assign.error instanceof ApiProblem ? assign.error : null;

  if (pool.isPending || policy.isPending) return <Loading what="Loading reviewers" />;
  const preview = pool.data && open ? previewAutoAssignment(app, pool.data, Number(count) || 0, policy.data, conflicts) : [];
  const assignedIds = new Set(entries.filter((r) => r.status !== 'released').map((r) => r.reviewerId));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="reviewers-heading">
      <Stack>
        <Title order={2} size="h3" id="reviewers-heading">
          Reviewers
        </Title>
        {entries.length === 0 ? (
          <Text>No reviewers assigned yet.</Text>
        ) : (
          <Stack gap="xs">
            {entries.map((r) => (
              <ReviewerRow key={r.reviewerId} app={app} entry={r} name={r.name ?? 'Reviewer'} />
            ))}
          </Stack>
        )}
        {app.status === 'NeedsAdjudication' && (
          <Text c="gray.9">
            The reviewers disagree by two levels or more on {app.disputed?.join(', ')}. The board can rule on it, or assign one extra
            reviewer here.
          </Text>
        )}
        {open && enough && !adding && (
          <Group>
            <Text c="gray.9">{active.length} reviewers are assigned, as the policy asks.</Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setCount(1);
                setAdding(true);
              }}
            >
              Assign another reviewer…
            </Button>
          </Group>
        )}
        {open && (!enough || adding) && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              assign.mutate(undefined, {
                onSuccess: () => {
                  setChosen([]);
                  setAdding(false);
                },
              });
            }}
            noValidate
          >
            <Stack>
              <SegmentedControl
                value={mode}
                onChange={(v) => setMode(v)}
                data={[
                  { value: 'auto', label: 'Automatic, balanced' },
                  { value: 'manual', label: 'Choose by hand' },
                ]}
                aria-label="How to assign"
                w="fit-content"
              />
              {mode === 'auto' ? (
                <>
                  <NumberInput
                    label="How many reviewers"
                    min={1}
                    max={10}
                    w={200}
                    value={count}
                    onChange={setCount}
                    error={problem?.fieldMessage('count')}
                  />
                  <div aria-live="polite">
                    <Text fw={600}>Preview: these reviewers will be assigned</Text>
                    {preview.length === 0 ? (
                      <Text c="red.9">No eligible reviewer is left.</Text>
                    ) : (
                      <List>
                        {preview.map((r) => (
                          <List.Item key={r.id}>
                            {r.name} · {r.institution ?? 'no institution'}, {r.region ?? 'no region'} · {r.openAssignments} open
                          </List.Item>
                        ))}
                      </List>
                    )}
                    <Text size="sm" c="gray.8" mt={4}>
                      Least open work first; reviewers from the same institution or with a declared conflict are never picked.
                    </Text>
                  </div>
                </>
              ) : (
                <MultiSelect
                  label="Reviewers"
                  placeholder="Choose one or more"
                  searchable
                  value={chosen}
                  onChange={setChosen}
                  error={problem?.fieldMessage('reviewerIds')}
                  data={(pool.data ?? [])
                    .filter((r) => !assignedIds.has(r.id))
                    .map((r) => {
                      const conflict =
                        conflictOf(app, r, policy.data, conflicts.get(r.id)) ??
                        (earlierRound(app).includes(r.id) ? 'reviewed an earlier round' : null);
                      return {
                        value: r.id,
                        label: `${r.name} · ${r.institution ?? '—'} · ${r.openAssignments} open${conflict ? ` (conflict: ${conflict})` : ''}`,
                        disabled: !!conflict,
                      };
                    })}
                />
              )}
              {assign.error && !problem?.fieldMessage('count') && !problem?.fieldMessage('reviewerIds') && (
                <ProblemAlert error={assign.error} />
              )}
              <Button
                type="submit"
                loading={assign.isPending}
                w="fit-content"
                disabled={mode === 'manual' ? chosen.length === 0 : preview.length === 0}
              >
                {mode === 'auto'
                  ? `Assign ${preview.length} reviewer${preview.length === 1 ? '' : 's'}`
                  : `Assign ${chosen.length || ''} chosen`}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function ReviewerRow({ app, entry, name }: { app: ApplicationSummaryView; entry: ReviewerEntry; name: string }) {
  const [releasing, setReleasing] = useState(false);
  const [reason, setReason] = useState('');
  const release = useWrite(() => write('POST', `/applications/${app.id}/reviewers/${entry.reviewerId}/release`, { reason }));
  const reasonError = release.error instanceof ApiProblem ? release.error.fieldMessage('reason') : undefined;
  return (
    <Stack gap={4} py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{name}</Text>
          <Badge
            variant="outline"
            radius="sm"
            color={entry.status === 'finished' ? 'green' : entry.status === 'released' ? 'gray' : 'blue'}
          >
            {entry.purpose === 'adjudication' ? 'Adjudicator, ' : ''}
            {entry.status}
          </Badge>
        </Group>
        {entry.status === 'assigned' && <DueBadge dueAt={entry.dueAt} />}
      </Group>
      {entry.status === 'assigned' &&
        (releasing ? (
          <Group align="flex-end">
            <Textarea
              label={`Why release ${name}?`}
              autosize
              minRows={1}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              style={{ flex: 1 }}
            />
            <Button color="red" variant="outline" loading={release.isPending} onClick={() => release.mutate(undefined)}>
              Release
            </Button>
          </Group>
        ) : (
          <Button size="xs" variant="subtle" w="fit-content" onClick={() => setReleasing(true)} aria-label={`Release ${name}`}>
            Release…
          </Button>
        ))}
      {release.error && !reasonError && <ProblemAlert error={release.error} />}
    </Stack>
  );
}
