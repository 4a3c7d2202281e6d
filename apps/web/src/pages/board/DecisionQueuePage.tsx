import { Link } from 'react-router';
import { Anchor, Badge, Card, Table, Text } from '@mantine/core';
import { useBoardQueue } from '../../api/queries';
import type { BoardItemView } from '@cert/contracts';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { shortDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

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

export function DecisionTable({
  items,
  caption = 'Applications before the board, oldest first',
}: {
  items: BoardItemView[];
  caption?: string;
}) {
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
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
                  <Anchor component={Link} to={`/board/applications/${i.applicationId}`} fw={600}>
                    {i.reference}
                  </Anchor>
                  <Text size="sm">{i.institutionName}</Text>
                </Table.Td>
                <Table.Td>
                  {i.status === 'Decided' ? (
                    <Badge color="green" variant="outline" radius="sm">
                      Decided: {i.decisionOutcome ? OUTCOME_LABEL[i.decisionOutcome] : ''}
                    </Badge>
                  ) : i.status === 'NeedsAdjudication' ? (
                    <Badge color="orange" variant="outline" radius="sm">
                      Adjudication
                    </Badge>
                  ) : (
                    <Badge color="blue" variant="outline" radius="sm">
                      {i.appealOf ? 'Appeal decision' : 'Decision'}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{i.recommendation ? OUTCOME_LABEL[i.recommendation] : '—'}</Table.Td>
                <Table.Td>{i.overallMean?.toFixed(2) ?? '—'}</Table.Td>
                <Table.Td>{i.maxSpread}</Table.Td>
                <Table.Td>{shortDate(i.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
