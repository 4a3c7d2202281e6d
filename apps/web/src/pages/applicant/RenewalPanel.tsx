import { Link, useNavigate } from 'react-router';
import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { usePolicy, useWrite, write } from '../../api/queries';
import { DueBadge } from '../../components/DueBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import { exactDate } from '../../lib/dates';
import type { ProgressView } from '@cert/contracts';

/**
 * docs/DOMAIN.md, Renewal and term: a designation has a term; renewal runs a new assessment and review with the earlier years in view. The
 * applicant starts it here before the term ends; it opens as a new application, linked to this one.
 */
export function RenewalPanel({ progress, policyVersion }: { progress: ProgressView; policyVersion: string | undefined }) {
  const navigate = useNavigate();
  const d = progress.designation!;
  const policy = usePolicy(policyVersion);
  const start = useWrite(() => write('POST', `/applications/${progress.applicationId}/renewal`), {
    done: () => ({ title: 'Renewal started', message: 'A new self-assessment is open for the renewal.' }),
  });
  if (d.renewalId) {
    return (
      <Alert color="blue" variant="light" title="Renewal" component="section" role="region" aria-label="Renewal">
        <Text c="gray.9">
          {d.status === 'renewed' ? 'This designation was renewed.' : 'A renewal is under way.'}{' '}
          {/* The light alert's background needs the darker blue and an underline to read as a link (WCAG 1.4.3, 1.4.1). */}
          <Anchor component={Link} to={`/applications/${d.renewalId}`} c="blue.9" underline="always">
            Open the renewal application
          </Anchor>
        </Text>
      </Alert>
    );
  }
  if (!d.termEndsAt || (d.status !== 'active' && d.status !== 'suspended') || !policy.data) return null;
  // The pinned policy says how long before the term ends a renewal may start.
  const windowDays = policy.data.renewalWindowDays;
  const opensAt = new Date(Date.parse(d.termEndsAt) - windowDays * 86_400_000).toISOString();
  // eslint-disable-next-line react-hooks/purity -- the clock at each render decides what to show; the API enforces the date
  const open = Date.parse(opensAt) <= Date.now();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="renewal-heading">
      <Stack>
        <Title order={2} size="h3" id="renewal-heading">
          Renew the designation
        </Title>
        <DueBadge dueAt={d.termEndsAt} label="Term ends" />
        <Text c="gray.9">
          Renewal is a new IC Map self-assessment and review; reviewers and the board see your earlier years. It must be decided before the
          term ends, or the designation expires.
        </Text>
        {!open && (
          <Text c="gray.9">
            Renewal opens on {exactDate(opensAt)}, {windowDays} days before the term ends.
          </Text>
        )}
        {start.error && <ProblemAlert error={start.error} title="The renewal was not started" />}
        {open && (
          <Button
            w="fit-content"
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onSuccess: (r) => void navigate(`/applications/${r.applicationId}/assessment`) })}
          >
            Start the renewal
          </Button>
        )}
      </Stack>
    </Card>
  );
}
