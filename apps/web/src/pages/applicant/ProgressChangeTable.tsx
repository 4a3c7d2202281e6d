import { Table, Text } from '@mantine/core';
import type { IndicatorProgressView } from '@cert/contracts';
import { change } from './progress-api';

/**
 * docs/DOMAIN.md, Yearly progress: the change per indicator, year on year. Per indicator the level at designation (the
 * program's own rating in the assessment the designation was decided on, with the reviewers' consensus beside it), last
 * year, this year, and the change since each.
 */
export function ProgressChangeTable({ indicators, caption }: { indicators: IndicatorProgressView[]; caption: string }) {
  // In a narrow column (a renewal's reviewer reads it beside the application) the table scrolls sideways: the
  // scrolling box takes focus so keyboard users can scroll it too (axe: scrollable-region-focusable).
  const viewportProps = { tabIndex: 0, role: 'region', 'aria-label': caption };
  return (
    <Table.ScrollContainer minWidth={640} scrollAreaProps={{ viewportProps }}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Indicator</Table.Th>
            <Table.Th scope="col">At designation (own / reviewers)</Table.Th>
            <Table.Th scope="col">Last year</Table.Th>
            <Table.Th scope="col">This year</Table.Th>
            <Table.Th scope="col">Change since last year</Table.Th>
            <Table.Th scope="col">Change since designation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((i) => (
            <Table.Tr key={i.indicator}>
              <Table.Th scope="row">
                <Text fw={600} size="sm">
                  {i.indicator}
                </Text>
                <Text size="sm" c="gray.8" lineClamp={1}>
                  {i.title}
                </Text>
              </Table.Th>
              <Table.Td>
                {i.atDesignation ?? '—'} / {i.consensusAtDesignation ?? '—'}
              </Table.Td>
              <Table.Td>{i.lastYear ?? '—'}</Table.Td>
              <Table.Td>{i.thisYear ?? '—'}</Table.Td>
              <Table.Td>{change(i.changeSinceLastYear)}</Table.Td>
              <Table.Td>{change(i.changeSinceDesignation)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
