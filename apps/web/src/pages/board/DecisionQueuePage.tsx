import { Link } from 'react-router';
import { Anchor, Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { useBoardQueue } from '../../api/queries';
import type { BoardItemView } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { shortDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';
import { CARD_LIST_STYLES } from '../../lib/wide';

/** Work before the board, oldest first, each with the engine's recommendation; decided items after. */
export function DecisionQueuePage() {
  const queue = useBoardQueue();
  if (queue.isPending) return <Loading what="Loading the decision queue" />;
  if (queue.error) return <ProblemAlert error={queue.error} />;
  const waiting = queue.data.filter((i) => i.status !== 'Decided');
  return (
    <Page title="Decision queue" intro={`${waiting.length} waiting for the board`}>
      <DecisionTable items={queue.data} />
    </Page>
  );
}

/** On wide screens a table; on phones the same rows as stacked cards, so nothing scrolls sideways. */
export function DecisionTable({
  items,
  caption = 'Applications before the board, oldest first',
}: {
  items: BoardItemView[];
  caption?: string;
}) {
  return (
    <>
      <Card withBorder padding={0} visibleFrom="sm">
        <Table striped verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Application</Table.Th>
              <Table.Th scope="col">Waiting for</Table.Th>
              <Table.Th scope="col">Recommendation</Table.Th>
              <Table.Th scope="col">Overall mean</Table.Th>
              <Table.Th scope="col">Largest spread</Table.Th>
              <Table.Th scope="col">Since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>Nothing before the board.</Table.Td>
              </Table.Tr>
            )}
            {items.map((i) => (
              <Table.Tr key={i.applicationId}>
                <Table.Td>
                  <ItemLink item={i} />
                  <Text size="sm">{i.institutionName}</Text>
                </Table.Td>
                <Table.Td>
                  <WaitingFor item={i} />
                </Table.Td>
                <Table.Td>{i.recommendation ? OUTCOME_LABEL[i.recommendation] : '—'}</Table.Td>
                <Table.Td>{i.overallMean?.toFixed(2) ?? '—'}</Table.Td>
                <Table.Td>{i.maxSpread}</Table.Td>
                <Table.Td>{shortDate(i.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Stack hiddenFrom="sm" gap="sm">
        <Text size="sm" c="gray.8">
          {caption}
        </Text>
        {items.length === 0 && <Text>Nothing before the board.</Text>}
        <List listStyleType="none" spacing="sm" styles={CARD_LIST_STYLES} aria-label={caption}>
          {items.map((i) => (
            <List.Item key={i.applicationId}>
              <Card withBorder padding="sm">
                <Stack gap={4}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <ItemLink item={i} />
                    <WaitingFor item={i} />
                  </Group>
                  <Text size="sm">{i.institutionName}</Text>
                  <Text size="sm" c="gray.9">
                    Recommendation: {i.recommendation ? OUTCOME_LABEL[i.recommendation] : '—'} · overall mean{' '}
                    {i.overallMean?.toFixed(2) ?? '—'} · largest spread {i.maxSpread} · since {shortDate(i.updatedAt)}
                  </Text>
                </Stack>
              </Card>
            </List.Item>
          ))}
        </List>
      </Stack>
    </>
  );
}

function ItemLink({ item }: { item: BoardItemView }) {
  return (
    <Anchor component={Link} to={`/board/applications/${item.applicationId}`} fw={600} c="blue.9">
      {item.reference}
    </Anchor>
  );
}

function WaitingFor({ item: i }: { item: BoardItemView }) {
  if (i.status === 'Decided')
    return (
      <Badge color="green" variant="outline" radius="sm">
        Decided: {i.decisionOutcome ? OUTCOME_LABEL[i.decisionOutcome] : ''}
      </Badge>
    );
  if (i.status === 'NeedsAdjudication')
    return (
      <Badge color="orange" variant="outline" radius="sm">
        Adjudication
      </Badge>
    );
  return (
    <Badge color="blue" variant="outline" radius="sm">
      {i.appealOf ? 'Appeal decision' : 'Decision'}
    </Badge>
  );
}
