import { Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReasonEntry, RecordOfReasonsView } from '@cert/contracts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { utcDate } from '../../lib/dates';

const STANDING: Record<RecordOfReasonsView['standing'], { label: string; color: string }> = {
  open: { label: 'Application open', color: 'blue.9' },
  kept: { label: 'Kept', color: 'teal.9' },
  shredded: { label: 'Shredded', color: 'gray.8' },
};

const SEALED: Record<ReasonEntry['sealedUnder'], string> = {
  record: 'The record',
  people: "The people's keys",
  none: 'Stored clear',
};

const reasonName = (r: ReasonEntry) => (r.count > 1 ? `${r.label} (${r.count})` : r.label);

/**
 * docs/DOMAIN.md, Personal data and the record of reasons: every reason of the application, whose keys seal it, how
 * it reads now, and what is kept until when, and why. Read from the log.
 */
export function RecordOfReasonsCard({ record, error }: { record: RecordOfReasonsView | undefined; error: unknown }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="record-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="record-heading">
            Record of reasons
          </Title>
          {record && (
            <Badge color={STANDING[record.standing].color} variant="outline" radius="sm">
              {STANDING[record.standing].label}
            </Badge>
          )}
        </Group>
        {error !== null && error !== undefined && <ProblemAlert error={error} title="The record of reasons cannot be read" />}
        {record && (
          <>
            <Text fw={600}>{record.until}</Text>
            <Text size="sm" c="gray.9">
              {record.why}
            </Text>
            {record.reasons.length === 0 ? (
              <Text size="sm">No reasons are recorded for this application yet.</Text>
            ) : (
              <>
                <Text size="sm" id="record-counts">
                  {record.counts.kept} kept, {record.counts.shredded} shredded, {record.counts.erasedWithPerson} erased with a person,{' '}
                  {record.counts.underPeoplesKeys} under people's keys
                </Text>
                {/* A table where it fits; on a phone the same rows as a list, so nothing scrolls sideways. */}
                <Table striped verticalSpacing="xs" visibleFrom="sm" aria-describedby="record-counts">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">#</Table.Th>
                      <Table.Th scope="col">Written</Table.Th>
                      <Table.Th scope="col">Reason</Table.Th>
                      <Table.Th scope="col">Sealed under</Table.Th>
                      <Table.Th scope="col">How it reads now</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {record.reasons.map((r) => (
                      <Table.Tr key={`${r.version}-${r.field}`}>
                        <Table.Td>{r.version}</Table.Td>
                        <Table.Td>{utcDate(r.occurredAt)}</Table.Td>
                        <Table.Td>{reasonName(r)}</Table.Td>
                        <Table.Td>{SEALED[r.sealedUnder]}</Table.Td>
                        <Table.Td>{r.note}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <List hiddenFrom="sm" spacing="sm" listStyleType="none" aria-describedby="record-counts">
                  {record.reasons.map((r) => (
                    <List.Item key={`${r.version}-${r.field}`}>
                      <Text size="sm" fw={600}>
                        {reasonName(r)}, event {r.version}
                      </Text>
                      <Text size="sm">
                        {utcDate(r.occurredAt)} · {SEALED[r.sealedUnder]}
                      </Text>
                      <Text size="sm">{r.note}</Text>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
