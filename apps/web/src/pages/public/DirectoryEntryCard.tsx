import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { DirectoryEntryView } from '@cert/contracts';

/** One who's-who entry as the public sees it: only what the leader chose to show. */
export function DirectoryEntryCard({ entry, headingLevel = 3 }: { entry: DirectoryEntryView; headingLevel?: 2 | 3 | 4 }) {
  const title = entry.leaderName ?? entry.institution ?? '';
  const facts = [entry.country, entry.designationYear !== undefined ? `Designated ${entry.designationYear}` : undefined].filter(Boolean);
  return (
    <Card withBorder padding="lg" component="article" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={headingLevel} size="h4">
            {title}
          </Title>
          {entry.verifyUrl && (
            <Badge
              component="a"
              href={entry.verifyUrl}
              color="green"
              variant="light"
              style={{ cursor: 'pointer' }}
              aria-label={`Verified: check ${title}'s credential`}
            >
              Verified
            </Badge>
          )}
        </Group>
        {entry.leaderName && entry.institution && (
          <Text fw={600} c="gray.9">
            {entry.institution}
          </Text>
        )}
        {facts.length > 0 && (
          <Text size="sm" c="gray.8">
            {facts.join(' · ')}
          </Text>
        )}
        {entry.focusAreas && entry.focusAreas.length > 0 && (
          <Group gap={6} aria-label="Focus areas">
            {entry.focusAreas.map((area) => (
              <Badge key={area} variant="light" color="blue" radius="sm">
                {area}
              </Badge>
            ))}
          </Group>
        )}
        {entry.awards && entry.awards.length > 0 && (
          <Text size="sm" c="gray.9">
            Awards: {entry.awards.map((a) => `${a.award} (${a.year})`).join('; ')}
          </Text>
        )}
        {entry.summary && (
          <Text c="gray.9" style={{ whiteSpace: 'pre-line' }}>
            {entry.summary}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
