import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { AwardCycleDetail } from '@cert/contracts';
import { useStaffQueue, useWrite, write } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate, shortDate } from '../../lib/dates';
import { CARD_LIST_STYLES, useWide } from '../../lib/wide';
import { AwardCycleDatesPanel } from './AwardCycleDatesPanel';
import { CYCLE_STATUS, INVITATION_LABEL, dayToInstant, useAwardCycle, useAwardCycles } from '../common/AwardApi';

/** Staff open a year's award cycle and run it: nominations, closing the scoring, the summit answers. */
export function AwardCyclesPage() {
  const cycles = useAwardCycles();
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? cycles.data?.[0]?.year ?? null;
  if (cycles.isPending) return <Loading what="Loading the award cycles" />;
  return (
    <Page
      title="Leadership awards"
      intro="Yearly award cycles: nominations from designated programs, board scoring and selection, the summit."
    >
      {cycles.error && <ProblemAlert error={cycles.error} />}
      {cycles.data && cycles.data.length > 0 && (
        <Select
          label="Award cycle"
          w={{ base: '100%', sm: 420 }}
          data={cycles.data.map((c) => ({ value: String(c.year), label: `${c.year}: ${c.award}` }))}
          value={shown ? String(shown) : null}
          onChange={(v) => setYear(v ? Number(v) : null)}
          allowDeselect={false}
        />
      )}
      {shown && <CyclePanel year={shown} />}
      <OpenCycleForm />
    </Page>
  );
}

function CyclePanel({ year }: { year: number }) {
  const cycle = useAwardCycle(year);
  const close = useWrite(() => write('POST', `/award-cycles/${year}/scoring/close`), {
    done: () => ({ title: 'Scoring closed', message: 'The board can now select the recipients.' }),
  });
  if (cycle.isPending) return <Loading what="Loading the cycle" />;
  if (cycle.error) return <ProblemAlert error={cycle.error} />;
  const c = cycle.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="cycle-heading">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="cycle-heading">
            {c.award}
          </Title>
          <Badge variant="light">{CYCLE_STATUS[c.status]}</Badge>
        </Group>
        <Text c="gray.9">
          {c.awardsAvailable} {c.awardsAvailable === 1 ? 'award' : 'awards'}. Nominations close {exactDate(c.nominationsCloseAt)};
          invitations must be answered by {exactDate(c.rsvpBy)}. The summit: {exactDate(c.summit.startsAt)}, {c.summit.place}.
        </Text>
        <NominateAsStaff year={year} nominated={c.nominations.map((n) => n.applicationId)} open={c.status === 'Nominating'} />
        <Nominations nominations={c.nominations} />
        {c.status === 'Nominating' && (
          <Group>
            <Button variant="default" onClick={() => close.mutate(undefined)} loading={close.isPending}>
              Close scoring
            </Button>
            <Text size="sm" c="gray.9">
              Possible once nominations have closed ({shortDate(c.nominationsCloseAt)}).
            </Text>
          </Group>
        )}
        {close.error && <ProblemAlert error={close.error} title="Scoring stays open" />}
        {/* Remounted when the dates change, so the inputs start from the dates as they now stand. */}
        <AwardCycleDatesPanel key={`${c.year}-${c.datesChanged?.at ?? 'opened'}`} cycle={c} />
      </Stack>
    </Card>
  );
}

type Nomination = AwardCycleDetail['nominations'][number];

/** The nominations: a table on a wide screen, one card each on a phone (nothing scrolls sideways). */
function Nominations({ nominations }: { nominations: Nomination[] }) {
  const wide = useWide();
  const caption = `${nominations.length} nominations`;
  const summit = (n: Nomination) =>
    n.invitation ? (
      <Badge color={INVITATION_LABEL[n.invitation.status].color} variant="light">
        {INVITATION_LABEL[n.invitation.status].label}
      </Badge>
    ) : (
      '—'
    );
  const scores = (n: Nomination) => `${n.scores?.length ?? 0} ${n.meanScore !== null ? `(mean ${n.meanScore})` : ''}`;
  if (!wide)
    return (
      <Stack gap="xs">
        <Text size="sm" c="gray.9">
          {caption}
        </Text>
        <List listStyleType="none" spacing="sm" styles={CARD_LIST_STYLES} aria-label={caption}>
          {nominations.map((n) => (
            <List.Item key={n.nominationId}>
              <Card withBorder padding="sm">
                <Stack gap={4}>
                  <Text fw={600}>
                    {n.leaderName}, {n.institutionName} ({n.country})
                  </Text>
                  <Text size="sm" c="gray.9">
                    Rank {n.rank ?? '—'} · board scores {scores(n)} · selected: {n.selected ? 'yes' : 'no'}
                  </Text>
                  {n.invitation && (
                    <Group gap="xs">
                      <Text size="sm">Summit:</Text>
                      {summit(n)}
                    </Group>
                  )}
                </Stack>
              </Card>
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  return (
    <Table striped>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Rank</Table.Th>
          <Table.Th scope="col">Leader and institution</Table.Th>
          <Table.Th scope="col">Board scores</Table.Th>
          <Table.Th scope="col">Selected</Table.Th>
          <Table.Th scope="col">Summit</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {nominations.map((n) => (
          <Table.Tr key={n.nominationId}>
            <Table.Td>{n.rank ?? '—'}</Table.Td>
            <Table.Td>
              {n.leaderName}, {n.institutionName} ({n.country})
            </Table.Td>
            <Table.Td>{scores(n)}</Table.Td>
            <Table.Td>{n.selected ? 'Yes' : 'No'}</Table.Td>
            <Table.Td>{summit(n)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Staff may put any designated program forward (charter members and Programs of Excellence in good standing). */
function NominateAsStaff({ year, nominated, open }: { year: number; nominated: string[]; open: boolean }) {
  const queue = useStaffQueue('Decided');
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const nominate = useWrite(() => write('POST', `/award-cycles/${year}/nominations`, { applicationId, teachers: [], portfolios: [] }), {
    done: () => ({ title: 'Nominated', message: 'The leader is told by mail and can see it on their awards page.' }),
  });
  if (!open) return null;
  const designated = (queue.data?.items ?? []).filter((a) => a.designationStatus === 'active' && !nominated.includes(a.id));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        nominate.mutate(undefined);
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Nominate a designated program"
          placeholder={designated.length ? 'Choose a program' : 'No designated program left to nominate'}
          w={420}
          data={designated.map((a) => ({ value: a.id, label: `${a.reference}: ${a.leaderName}, ${a.institutionName}` }))}
          value={applicationId}
          onChange={setApplicationId}
          searchable
        />
        <Button type="submit" disabled={!applicationId} loading={nominate.isPending}>
          Nominate
        </Button>
      </Group>
      {nominate.error && <ProblemAlert error={nominate.error} title="Not nominated" />}
    </form>
  );
}

function OpenCycleForm() {
  const [form, setForm] = useState({
    year: new Date().getFullYear() + 1,
    awardsAvailable: 3,
    closes: '',
    rsvpBy: '',
    summitDay: '',
    place: '',
  });
  const open = useWrite(
    () =>
      write('POST', '/award-cycles', {
        year: form.year,
        awardsAvailable: form.awardsAvailable,
        nominationsCloseAt: dayToInstant(form.closes),
        rsvpBy: dayToInstant(form.rsvpBy),
        summit: { startsAt: dayToInstant(form.summitDay), place: form.place },
      }),
    { done: () => ({ title: 'Award cycle opened', message: 'Designated programs can now be nominated.' }) },
  );
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="open-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate(undefined);
        }}
        noValidate
      >
        <Stack>
          <Title order={2} size="h3" id="open-heading">
            Open a new award cycle
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label="Year" min={2000} max={2199} value={form.year} onChange={(v) => set({ year: Number(v) })} />
            <NumberInput
              label="Number of awards"
              min={1}
              max={50}
              value={form.awardsAvailable}
              onChange={(v) => set({ awardsAvailable: Number(v) })}
            />
            <TextInput type="date" label="Nominations close" value={form.closes} onChange={(e) => set({ closes: e.currentTarget.value })} />
            <TextInput
              type="date"
              label="Answers due (RSVP)"
              value={form.rsvpBy}
              onChange={(e) => set({ rsvpBy: e.currentTarget.value })}
            />
            <TextInput type="date" label="Summit day" value={form.summitDay} onChange={(e) => set({ summitDay: e.currentTarget.value })} />
            <TextInput label="Summit place" value={form.place} onChange={(e) => set({ place: e.currentTarget.value })} />
          </SimpleGrid>
          <Alert color="blue" variant="light">
            <Text c="gray.9" size="sm">
              Each day is taken at 09:00 UTC. Nominations close before the RSVP date, which comes before the summit.
            </Text>
          </Alert>
          {open.error && <ProblemAlert error={open.error} title="The cycle was not opened" />}
          <Button type="submit" w="fit-content" loading={open.isPending}>
            Open the cycle
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
