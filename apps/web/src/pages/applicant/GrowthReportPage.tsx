import { Link, useParams } from 'react-router';
import { Badge, Box, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ApplicantApplicationView } from '@cert/contracts';
import { useApplication, useGrowthReport, useRubric } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

/** The board's decision with the growth report: for each indicator, where the program stands and what comes next. */
export function GrowthReportPage() {
  const { id } = useParams();
  const app = useApplication<ApplicantApplicationView>(id);
  const report = useGrowthReport(id, app.data?.status === 'Decided');
  const rubric = useRubric(app.data?.rubricVersion);
  if (app.isPending) return <Loading what="Loading the decision" />;
  if (app.error)
    return (
      <Page title="Growth report">
        <ProblemAlert error={app.error} title="This application cannot be opened" />
      </Page>
    );
  if (app.data.status !== 'Decided') {
    return (
      <Page title="Growth report">
        <Text>The growth report comes with the board's decision, which has not been made yet.</Text>
        <Button component={Link} to={`/applications/${app.data.id}`} variant="default" w="fit-content">
          Back to the application
        </Button>
      </Page>
    );
  }
  const a = app.data;
  return (
    <Page title="Decision and growth report" intro={`${a.institutionName} · Application ${a.reference}`}>
      <Card withBorder padding="lg" bg="green.0" component="section" aria-labelledby="decision-heading">
        <Stack gap="xs">
          <Title order={2} size="h3" id="decision-heading">
            {a.decisionOutcome ? OUTCOME_LABEL[a.decisionOutcome] : 'Decided'}
          </Title>
          {a.decidedAt && <Text c="gray.9">The advisory board decided on {exactDate(a.decidedAt)}.</Text>}
          {a.decisionJustification && <Text c="gray.9">The board's reasons: {a.decisionJustification}</Text>}
          {a.appealUntil && (
            <Text c="gray.9">{a.decisionFinal ? 'The decision is final.' : `You may appeal until ${exactDate(a.appealUntil)}.`}</Text>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="growth-heading">
        <Stack>
          <Title order={2} size="h3" id="growth-heading">
            Your growth report
          </Title>
          <Text c="gray.9">For each IC Map indicator: the level the reviewers agreed on, and the next level to aim for.</Text>
          {report.isPending ? (
            <Loading what="Loading the growth report" />
          ) : report.error ? (
            <ProblemAlert error={report.error} />
          ) : (
            <>
              {/* Phones: one summary list per indicator, so the next goal is read in place instead of in a sideways scroll. */}
              <Stack gap="md" hiddenFrom="sm">
                {report.data.items.map((item) => (
                  <Box key={item.indicator} component="section" aria-labelledby={`goal-${item.indicator}`}>
                    <Title order={3} size="h5" id={`goal-${item.indicator}`}>
                      {item.indicator}: {item.title}
                    </Title>
                    <dl className="summary-list summary-list--two">
                      <div className="summary-list__row">
                        <dt>
                          <Text fw={600}>Where you are</Text>
                        </dt>
                        <dd>
                          <Text>
                            Level {item.currentLevel} · {rubric.data?.levelNames[item.currentLevel]}
                          </Text>
                          <Text size="xs" c="gray.8">
                            Reviewers' consensus {item.consensusLevel}
                          </Text>
                        </dd>
                      </div>
                      <div className="summary-list__row">
                        <dt>
                          <Text fw={600}>Next goal</Text>
                        </dt>
                        <dd>
                          {item.nextLevel && <Text fw={600}>Aim for level {item.nextLevel}</Text>}
                          <Text size="sm">{item.goal}</Text>
                        </dd>
                      </div>
                    </dl>
                  </Box>
                ))}
              </Stack>
              <Box visibleFrom="sm">
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Indicator</Table.Th>
                      <Table.Th scope="col">Where you are</Table.Th>
                      <Table.Th scope="col">Next goal</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.data.items.map((item) => (
                      <Table.Tr key={item.indicator}>
                        <Table.Td w="30%">
                          <Text fw={600}>{item.indicator}</Text>
                          <Text size="sm" c="gray.8">
                            {item.title}
                          </Text>
                        </Table.Td>
                        <Table.Td w={200}>
                          <Badge color="blue" variant="outline" radius="sm">
                            Level {item.currentLevel}
                          </Badge>
                          <Text size="sm" mt={4}>
                            {rubric.data?.levelNames[item.currentLevel]}
                          </Text>
                          <Text size="xs" c="gray.8">
                            Reviewers' consensus {item.consensusLevel}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {item.nextLevel && (
                            <Badge color="teal" variant="outline" radius="sm" mb={4}>
                              Aim for level {item.nextLevel}
                            </Badge>
                          )}
                          <Text size="sm">{item.goal}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            </>
          )}
        </Stack>
      </Card>
    </Page>
  );
}
