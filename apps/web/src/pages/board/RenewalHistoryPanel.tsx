import { Card, Stack, Text, Title } from '@mantine/core';
import type { ApplicationSummaryView } from '@cert/contracts';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';
import { ProgressChangeTable } from '../applicant/ProgressChangeTable';
import { useRenewalHistory } from '../applicant/progress-api';

/**
 * docs/DOMAIN.md, Renewal and term: a renewal is reviewed and decided with the earlier designation in view. On a
 * renewal, its reviewers and the board see the designation it renews and each year's levels; nothing shows on other applications.
 */
export function RenewalHistoryPanel({ app }: { app: Pick<ApplicationSummaryView, 'id' | 'renewalOf'> }) {
  // Only a renewal has earlier years: asking for any other application's would be a 404 on every page load.
  const history = useRenewalHistory(app.id, !!app.renewalOf);
  const h = history.data;
  if (!app.renewalOf || !h) return null;
  return (
    <Card withBorder padding="lg" mt="md" component="section" aria-labelledby="earlier-heading">
      <Stack>
        <Title order={2} size="h3" id="earlier-heading">
          Earlier years: a renewal of {h.previous.reference}
        </Title>
        <Text c="gray.9">
          {OUTCOME_LABEL[h.previous.outcome]} since {exactDate(h.previous.decidedAt)}, term ending {exactDate(h.previous.termEndsAt)}.{' '}
          {h.years.length} yearly {h.years.length === 1 ? 'update' : 'updates'}
          {h.years.some((y) => y.late) ? ', some late' : ''}.
        </Text>
        {h.years.map((y) => (
          <Text key={y.submittedAt} size="sm" c="gray.9">
            {exactDate(y.submittedAt)}
            {y.late ? ' (late)' : ''}
            {y.disputed.length > 0 ? `: reviewers disputed ${y.disputed.join(', ')}` : ''}
          </Text>
        ))}
        <ProgressChangeTable indicators={h.indicators} caption="The earlier designation, per indicator" />
      </Stack>
    </Card>
  );
}
