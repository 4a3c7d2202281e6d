import { useState } from 'react';
import { Anchor, Badge, Button, Card, Checkbox, Group, List, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useWrite, write } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ConfirmFinal } from '../../components/ConfirmFinal';
import { useSession } from '../../session-context';
import { exactDate } from '../../lib/dates';
import { MIN_SELECTION_JUSTIFICATION } from '@cert/domain';
import type { AwardCycleDetail, AwardNominationView } from '@cert/contracts';
import { CYCLE_STATUS, INVITATION_LABEL, useAwardCycle, useAwardCycles } from '../common/AwardApi';

const LEVELS = ['1', '2', '3', '4', '5'];

/** docs/DOMAIN.md, Awards and summit: the advisory board scores the nominations, closes the scoring and selects the award recipients. */
export function AwardBoardPage() {
  const cycles = useAwardCycles();
  const year = cycles.data?.[0]?.year ?? null;
  const cycle = useAwardCycle(year);
  if (cycles.isPending || (year && cycle.isPending)) return <Loading what="Loading the award nominations" />;
  const error = cycles.error ?? cycle.error;
  if (error)
    return (
      <Page title="Leadership awards">
        <ProblemAlert error={error} />
      </Page>
    );
  if (!cycle.data)
    return (
      <Page title="Leadership awards">
        <Text c="gray.9">No award cycle is open yet.</Text>
      </Page>
    );
  const c = cycle.data;
  return (
    <Page
      title={`Leadership awards ${c.year}`}
      intro={
        <>
          {c.award}: {CYCLE_STATUS[c.status]}. Nominations close {exactDate(c.nominationsCloseAt)}.
        </>
      }
    >
      {c.nominations.length === 0 && <Text c="gray.9">No nominations yet.</Text>}
      {c.nominations.map((n) => (
        <NominationCard key={n.nominationId} cycle={c} nomination={n} />
      ))}
      {c.status === 'Nominating' && <CloseScoring year={c.year} />}
      {c.status === 'Selecting' && <Selection cycle={c} />}
      {c.status === 'Selected' && c.overridesRanking && (
        <Text c="gray.9">The board chose other than the ranking: {c.selectionJustification}</Text>
      )}
    </Page>
  );
}

function NominationCard({ cycle, nomination: n }: { cycle: AwardCycleDetail; nomination: AwardNominationView }) {
  const { user } = useSession();
  const mine = n.scores?.find((s) => s.boardMemberId === user?.id);
  const [levels, setLevels] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(
      cycle.criteria.map((c) => [c.code, mine ? String(mine.scores.find((s) => s.criterion === c.code)?.level ?? '') : null]),
    ),
  );
  const [comment, setComment] = useState(mine?.comment ?? '');
  const score = useWrite(
    () =>
      write('POST', `/award-cycles/${cycle.year}/nominations/${n.nominationId}/scores`, {
        scores: cycle.criteria.map((c) => ({ criterion: c.code, level: Number(levels[c.code]) })),
        comment: comment.trim() || undefined,
      }),
    { done: () => ({ title: 'Scores saved', message: `${n.leaderName}, ${n.institutionName}` }) },
  );
  const headingId = `nomination-${n.nominationId}`;
  const complete = cycle.criteria.every((c) => !!levels[c.code]);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id={headingId}>
            {n.leaderName}, {n.institutionName}
          </Title>
          <Group gap="xs">
            {n.rank !== null && (
              <Badge variant="light">
                Rank {n.rank}
                {n.meanScore !== null ? ` · mean ${n.meanScore}` : ''}
              </Badge>
            )}
            {n.invitation && (
              <Badge color={INVITATION_LABEL[n.invitation.status].color} variant="light">
                {INVITATION_LABEL[n.invitation.status].label}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="gray.9">
          {n.designation === 'ProgramOfExcellence' ? 'STEM Program of Excellence' : 'Charter member'} · {n.country} ·{' '}
          {n.scores?.length ?? 0} board scores
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <div>
            <Title order={3} size="h5">
              Teachers
            </Title>
            {n.teachers.length === 0 ? (
              <Text size="sm" c="gray.9">
                None named.
              </Text>
            ) : (
              <List size="sm">
                {n.teachers.map((t, i) => (
                  <List.Item key={i}>
                    {t.name} ({t.subject}): {t.statement}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <Title order={3} size="h5">
              Student portfolios
            </Title>
            {n.portfolios.length === 0 ? (
              <Text size="sm" c="gray.9">
                None named.
              </Text>
            ) : (
              <List size="sm">
                {n.portfolios.map((p, i) => (
                  <List.Item key={i}>
                    <Anchor href={p.link} target="_blank" rel="noreferrer">
                      {p.title}
                    </Anchor>
                    : {p.summary}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </SimpleGrid>
        {cycle.status === 'Nominating' && user?.role === 'board' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              score.mutate(undefined);
            }}
            noValidate
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                {cycle.criteria.map((c) => (
                  <Select
                    key={c.code}
                    label={c.title}
                    description={c.question}
                    data={LEVELS}
                    value={levels[c.code]}
                    onChange={(v) => setLevels((l) => ({ ...l, [c.code]: v }))}
                    placeholder="1-5"
                  />
                ))}
              </SimpleGrid>
              <Textarea
                label="Comment (optional)"
                autosize
                minRows={2}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
              {score.error && <ProblemAlert error={score.error} title="The scores were not saved" />}
              <Button type="submit" w="fit-content" disabled={!complete} loading={score.isPending}>
                {mine ? 'Update my scores' : 'Save my scores'}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function CloseScoring({ year }: { year: number }) {
  const close = useWrite(() => write('POST', `/award-cycles/${year}/scoring/close`), {
    done: () => ({ title: 'Scoring closed', message: 'The ranking is fixed; select the recipients.' }),
  });
  return (
    <Group>
      <Button variant="default" onClick={() => close.mutate(undefined)} loading={close.isPending}>
        Close scoring
      </Button>
      {close.error && <ProblemAlert error={close.error} title="Scoring stays open" />}
    </Group>
  );
}

/** Up to the number of awards; passing over a higher-ranked nomination needs a written justification. Confirmed as final. */
function Selection({ cycle }: { cycle: AwardCycleDetail }) {
  const [chosen, setChosen] = useState<string[]>(() => cycle.nominations.slice(0, cycle.awardsAvailable).map((n) => n.nominationId));
  const [justification, setJustification] = useState('');
  const [confirming, setConfirming] = useState(false);
  const select = useWrite(
    () =>
      write('POST', `/award-cycles/${cycle.year}/selection`, { nominationIds: chosen, justification: justification.trim() || undefined }),
    {
      done: () => ({ title: 'Recipients selected', message: 'Each is invited to the summit by mail.' }),
    },
  );
  const top = new Set(cycle.nominations.slice(0, chosen.length).map((n) => n.nominationId));
  const overrides = chosen.some((id) => !top.has(id));
  const picked = cycle.nominations.filter((n) => chosen.includes(n.nominationId));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="select-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          select.reset();
          setConfirming(true);
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="select-heading">
            Select the recipients (up to {cycle.awardsAvailable})
          </Title>
          <Checkbox.Group value={chosen} onChange={setChosen} label="Recipients, in ranking order">
            <Stack gap="xs" mt="xs">
              {cycle.nominations.map((n) => (
                <Checkbox
                  key={n.nominationId}
                  value={n.nominationId}
                  label={`${n.rank ?? '—'}. ${n.leaderName}, ${n.institutionName}${n.meanScore !== null ? ` (mean ${n.meanScore})` : ''}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {overrides && (
            <Textarea
              label={`Why the board passes over a higher-ranked nomination (at least ${MIN_SELECTION_JUSTIFICATION} characters)`}
              autosize
              minRows={2}
              maxLength={4000}
              value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)}
            />
          )}
          {select.error && !confirming && <ProblemAlert error={select.error} title="Nobody was selected" />}
          <Button type="submit" w="fit-content" disabled={chosen.length === 0 || chosen.length > cycle.awardsAvailable}>
            Select and invite to the summit
          </Button>
        </Stack>
      </form>
      <ConfirmFinal
        opened={confirming}
        title="Select these recipients?"
        confirmLabel={`Yes, select and invite ${picked.length === 1 ? 'them' : `all ${picked.length}`}`}
        onConfirm={() => select.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
        pending={select.isPending}
        error={select.error}
      >
        <Text>The board selects for the {cycle.award}:</Text>
        <List>
          {picked.map((n) => (
            <List.Item key={n.nominationId}>
              {n.leaderName}, {n.institutionName}
              {n.rank !== null ? ` (rank ${n.rank})` : ''}
            </List.Item>
          ))}
        </List>
        <Text>
          {overrides
            ? `This passes over a higher-ranked nomination; your justification is recorded with the selection.`
            : 'This follows the ranking.'}{' '}
          Each recipient is invited to the summit by email at once.
        </Text>
      </ConfirmFinal>
    </Card>
  );
}
