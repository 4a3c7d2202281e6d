import { useState } from 'react';
import { Accordion, Alert, Badge, Box, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AssessmentItemView, BoardAdjudicationView, EvidenceItemView, FinishedReviewView, Level, Rubric } from '@cert/contracts';
import { EvidenceDocuments } from '../../components/EvidenceDocuments';
import { exactDate } from '../../lib/dates';
import { indicatorsOf, outcomeName } from '../../lib/rubric';

type Props = {
  applicationId: string;
  rubric: Rubric;
  self: AssessmentItemView[] | undefined;
  evidence: EvidenceItemView[] | undefined;
  reviews: FinishedReviewView[];
  disputed: string[];
  adjudication: BoardAdjudicationView | null | undefined;
};

/** A reviewer as the api names them ("[erased person]" once erased); an adjudicating extra reviewer says so. */
export const reviewerLabel = (r: FinishedReviewView) =>
  `${r.reviewerName ?? 'A reviewer'}${r.purpose === 'adjudication' ? ' (extra reviewer)' : ''}`;

/**
 * The evidence and the reviews, indicator by indicator (HotCRP / Award Force): each row's heading sums up the levels
 * (self, each reviewer's, the spread, a ruling); opened, it shows the self-rating and evidence with its documents beside
 * every reviewer's level and comment, and the ruling with its justification. Disputed indicators start open.
 */
export function IndicatorReviews({ applicationId, rubric, self, evidence, reviews, disputed, adjudication }: Props) {
  const indicators = indicatorsOf(rubric);
  const ruled = new Map(adjudication?.rulings.map((r) => [r.indicator, r.level]) ?? []);
  // Items keyed by position: codes hold spaces, and Mantine derives the controls' ids (aria-controls) from the key.
  const key = (n: number) => `indicator-${n + 1}`;
  const [open, setOpen] = useState<string[]>(() =>
    indicators.flatMap((i, n) => (disputed.includes(i.code) || ruled.has(i.code) ? [key(n)] : [])),
  );
  const allOpen = open.length === indicators.length;
  const levelName = (l: Level | undefined) => (l ? `Level ${l} · ${rubric.levelNames[l]}` : 'Not rated');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="indicators-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="indicators-heading">
            Evidence and reviews by indicator
          </Title>
          <Button variant="default" size="compact-sm" onClick={() => setOpen(allOpen ? [] : indicators.map((_, n) => key(n)))}>
            {allOpen ? 'Close every indicator' : 'Open every indicator'}
          </Button>
        </Group>
        <Text size="sm" c="gray.8">
          Levels 1 ({rubric.levelNames[1]}) to 5 ({rubric.levelNames[5]}). The spread is how far apart the reviewers are.
          {reviews.length === 0 && ' No reviewer has finished yet.'}
        </Text>
        <Accordion multiple value={open} onChange={setOpen} order={3} variant="separated" chevronPosition="right">
          {indicators.map((ind, n) => {
            const rating = self?.find((s) => s.indicator === ind.code);
            const levels = reviews.map((r) => r.scores.find((s) => s.indicator === ind.code));
            const known = levels.flatMap((s) => (s ? [s.level] : []));
            const spread = known.length > 1 ? Math.max(...known) - Math.min(...known) : 0;
            const isDisputed = disputed.includes(ind.code);
            const ruling = ruled.get(ind.code);
            return (
              <Accordion.Item key={ind.code} value={key(n)} bg={isDisputed ? 'orange.0' : undefined}>
                <Accordion.Control>
                  <Text span fw={600} display="block">
                    {ind.code}: {ind.title}
                  </Text>
                  <Text span size="sm" c="gray.9" display="block">
                    Self {rating?.level ?? '—'}
                    {reviews.map((r, i) => ` · ${r.reviewerName ?? `Reviewer ${i + 1}`} ${levels[i]?.level ?? '—'}`).join('')} · spread{' '}
                    {spread}
                    {ruling !== undefined && ` · ruled ${ruling}`}
                  </Text>
                  {isDisputed && (
                    <Badge mt={4} color="orange" variant="outline" size="sm" component="span">
                      disputed
                    </Badge>
                  )}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    <Text size="sm" c="gray.8">
                      {outcomeName(ind.outcome)}
                    </Text>
                    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                      <Paper withBorder p="sm" component="section" aria-label={`Applicant's self-rating for ${ind.code}`}>
                        <Stack gap="xs">
                          <Text fw={600}>Applicant's self-rating</Text>
                          <Text>{levelName(rating?.level)}</Text>
                          <Text size="sm" className="pre-wrap" style={{ overflowWrap: 'anywhere' }}>
                            {rating?.evidence || 'No evidence written.'}
                          </Text>
                        </Stack>
                      </Paper>
                      <EvidenceDocuments applicationId={applicationId} indicator={ind.code} items={evidence} purpose="assessment" />
                    </SimpleGrid>
                    {reviews.length > 0 && (
                      <SimpleGrid cols={{ base: 1, sm: Math.min(reviews.length, 3) }} spacing="md">
                        {reviews.map((r, i) => (
                          <Paper key={r.reviewerId} withBorder p="sm" component="section" aria-label={`${reviewerLabel(r)} on ${ind.code}`}>
                            <Stack gap={4}>
                              <Text fw={600}>{reviewerLabel(r)}</Text>
                              <Text>{levelName(levels[i]?.level)}</Text>
                              <Box>
                                <Text size="sm" className="pre-wrap" style={{ overflowWrap: 'anywhere' }}>
                                  {levels[i]?.comment || 'No comment.'}
                                </Text>
                              </Box>
                            </Stack>
                          </Paper>
                        ))}
                      </SimpleGrid>
                    )}
                    {ruling !== undefined && adjudication && (
                      <Alert color="orange" variant="light" title={`Ruled at level ${ruling}`}>
                        <Text size="sm" c="gray.9">
                          {adjudication.method === 'board-ruling'
                            ? `By ${adjudication.ruledByName ?? 'the board'} on ${exactDate(adjudication.resolvedAt)}: ${adjudication.justification ?? ''}`
                            : `Settled by an extra reviewer: the middle of the reviewers' levels, on ${exactDate(adjudication.resolvedAt)}.`}
                        </Text>
                      </Alert>
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </Stack>
    </Card>
  );
}
