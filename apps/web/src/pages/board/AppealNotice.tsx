import { Alert, Text } from '@mantine/core';
import type { AppealedDecision } from '@cert/contracts';
import { exactDate } from '../../lib/dates';
import { OUTCOME_LABEL } from '../../lib/labels';

/** docs/DOMAIN.md, Appeals: the board sees that it decides on an appeal, and which decision the appeal answers. */
export function AppealNotice({ appealOf, statement }: { appealOf: AppealedDecision | null | undefined; statement?: string | null }) {
  if (!appealOf) return null;
  return (
    <Alert color="grape" variant="light" title="Appeal" component="section" role="region" aria-label="Appeal">
      <Text c="gray.9">
        This decision answers an appeal of the decision of {exactDate(appealOf.decidedAt)} ({OUTCOME_LABEL[appealOf.outcome]}). It is final
        once recorded.
      </Text>
      {statement && (
        <Text c="gray.9" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          Applicant’s statement: {statement}
        </Text>
      )}
    </Alert>
  );
}
