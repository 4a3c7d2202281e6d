import { FormEvent, useState } from 'react';
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DirectoryEntryCard } from './DirectoryEntryCard';
import type { DirectoryQuery } from '@cert/contracts';
import { useDirectory } from './directory-api';

/**
 * docs/DOMAIN.md, Who's-who directory: the public directory of designated programs and its yearly book. Open to
 * everyone, no sign-in; every entry shows only what its leader chose to show, so filters match only what is shown.
 */
export function DirectoryPage() {
  const [draft, setDraft] = useState<DirectoryQuery>({});
  const [filter, setFilter] = useState<DirectoryQuery>({});
  const directory = useDirectory(filter);
  const all = useDirectory({});
  const years = all.data?.years ?? [];
  const countries = [...new Set((all.data?.entries ?? []).map((e) => e.country).filter((c): c is string => !!c))].sort();

  function search(event: FormEvent) {
    event.preventDefault();
    setFilter({ q: draft.q?.trim() || undefined, country: draft.country || undefined, year: draft.year || undefined });
  }

  return (
    <Page
      title="Who's who of STEM leaders"
      intro="Designated STEM programs and award recipients, and the best practices their leaders chose to share."
    >
      <Card withBorder padding="lg" component="section" aria-labelledby="search-heading">
        <form onSubmit={search} role="search" aria-labelledby="search-heading">
          <Stack>
            <Title order={2} size="h3" id="search-heading">
              Search the directory
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Words"
                description="A name, an institution, a focus area"
                value={draft.q ?? ''}
                onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
              />
              <Select
                label="Country"
                description="As the entries show it"
                clearable
                data={countries}
                value={draft.country ?? null}
                onChange={(v) => setDraft({ ...draft, country: v ?? undefined })}
              />
              <Select
                label="Year"
                description="Of designation or an award"
                clearable
                data={years.map(String)}
                value={draft.year ? String(draft.year) : null}
                onChange={(v) => setDraft({ ...draft, year: v ? Number(v) : undefined })}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit">Search</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft({});
                  setFilter({});
                }}
              >
                Show all
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {years.length > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="books-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="books-heading">
              The book of best practices
            </Title>
            <Text c="gray.9">One book a year, by country, with the programs designated or awarded that year.</Text>
            <Group gap="sm">
              {/* Plain links: the API answers a page load of a PDF path with the PDF, so it opens, saves and shares as any file. */}
              {years.map((year) => (
                <Button key={year} variant="light" component="a" href={`/directory/books/${year}.pdf`}>
                  Download the {year} book (PDF)
                </Button>
              ))}
            </Group>
          </Stack>
        </Card>
      )}

      <section aria-labelledby="entries-heading">
        <Stack>
          <Title order={2} size="h3" id="entries-heading">
            {directory.data ? `${directory.data.count} ${directory.data.count === 1 ? 'program' : 'programs'}` : 'Programs'}
          </Title>
          {directory.isPending && <Loading what="Loading the directory" />}
          {directory.error && <ProblemAlert error={directory.error} title="The directory could not be loaded" />}
          {directory.data && directory.data.count === 0 && (
            <Alert color="blue" variant="light">
              <Text c="gray.9">No program matches. Leaders choose whether to appear here.</Text>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {directory.data?.entries.map((entry, i) => (
              <DirectoryEntryCard key={`${entry.leaderName ?? ''}|${entry.institution ?? ''}|${i}`} entry={entry} />
            ))}
          </SimpleGrid>
        </Stack>
      </section>
    </Page>
  );
}
