import { FormEvent, useState } from 'react';
import { Alert, Button, Card, Checkbox, Grid, Group, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { useWrite, write } from '../../api/queries';
import { DIRECTORY_FIELDS, SUMMARY_MAX_CHARS } from '@cert/domain';
import type {
  ApplicantApplicationView,
  DirectoryEntryView,
  DirectoryField,
  DirectoryListingRequest,
  DirectoryListingView,
} from '@cert/contracts';
import { ApiProblem, summaryOf } from '../../api/problem';
import { Loading } from '../../components/Loading';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DirectoryEntryCard } from '../public/DirectoryEntryCard';
import { FIELD_LABEL, useOwnListing } from '../public/directory-api';

const DESIGNATED = ['ProgramOfExcellence', 'CharterMembership'];

/** Whether the hub offers the who's-who opt-in: designated programs only (docs/DOMAIN.md, Who's-who directory). */
// A renewed or expired designation lists no more (the directory hides it for good; a renewal lists on its own page).
export const offersDirectory = (app: ApplicantApplicationView) =>
  !!app.decisionOutcome &&
  DESIGNATED.includes(app.decisionOutcome) &&
  (app.designationStatus === 'active' || app.designationStatus === 'suspended');

/** The opt-in as the form holds it: every field of the request, the summary as typed. */
type Choice = Required<DirectoryListingRequest> & { summary: string };

/** The entry the public would see for this choice: the same card the directory shows, built from the same values. */
export function previewEntry(app: ApplicantApplicationView, listing: DirectoryListingView | undefined, choice: Choice): DirectoryEntryView {
  const show = (f: DirectoryField) => choice.fields.includes(f);
  const entry: DirectoryEntryView = {};
  if (show('leaderName')) entry.leaderName = app.survey.leaderName;
  if (show('institution')) entry.institution = app.survey.institution.name;
  if (show('country')) entry.country = app.survey.institution.country;
  if (show('focusAreas')) entry.focusAreas = choice.focusAreas;
  if (show('designationYear') && listing?.designation) entry.designationYear = listing.designation.designationYear;
  if (show('awards')) entry.awards = listing?.designation?.awards ?? [];
  if (show('summary') && choice.summary.trim()) entry.summary = choice.summary.trim();
  return entry;
}

/**
 * docs/DOMAIN.md, Who's-who directory: the leader chooses, field by field, what the public directory and the yearly book show; nothing
 * is shown that is not ticked here. The preview beside the form is the entry exactly as the public would see it.
 */
export function DirectoryListingPanel({ app }: { app: ApplicantApplicationView }) {
  const listing = useOwnListing(app.id, true);
  const [choice, setChoice] = useState<Choice>({ fields: [], focusAreas: app.survey.focusAreas, summary: '' });
  // The listing as the server has it, each time it arrives, is what the form shows (set while rendering, not after).
  const [loaded, setLoaded] = useState<{ listing: typeof listing.data; focusAreas: string[] }>();
  if (!loaded || loaded.listing !== listing.data || loaded.focusAreas !== app.survey.focusAreas) {
    setLoaded({ listing: listing.data, focusAreas: app.survey.focusAreas });
    if (listing.data?.listed)
      setChoice({
        fields: listing.data.fields,
        focusAreas: listing.data.focusAreas.length ? listing.data.focusAreas : app.survey.focusAreas,
        summary: listing.data.summary ?? '',
      });
  }

  const publish = useWrite(
    (c: Choice) =>
      write('PUT', `/applications/${app.id}/directory-listing`, {
        fields: c.fields,
        focusAreas: c.focusAreas,
        summary: c.summary.trim() || null,
      }),
    {
      done: () => ({ title: 'Directory entry saved', message: 'The public directory shows exactly the fields you ticked.' }),
    },
  );
  const withdraw = useWrite(() => write('DELETE', `/applications/${app.id}/directory-listing`), {
    done: () => ({ title: 'Removed from the directory', message: 'Your entry is no longer shown.' }),
  });

  if (listing.isPending) return <Loading what="Loading your directory entry" />;
  if (listing.error) return <ProblemAlert error={listing.error} title="Your directory entry could not be loaded" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    withdraw.reset();
    publish.mutate(choice);
  };
  const problem = publish.error instanceof ApiProblem ? publish.error : null;
  const preview = previewEntry(app, listing.data, choice);
  const named = choice.fields.includes('leaderName') || choice.fields.includes('institution');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="directory-heading">
      <Stack>
        <Title order={2} size="h3" id="directory-heading">
          Who's who of STEM leaders
        </Title>
        <Text c="gray.9">
          Designated programs may appear in IASL's public directory and its yearly book of best practices. You choose what is shown; nothing
          else is. You can change it or withdraw at any time. The book of a year lists the entries that show their year of designation or an
          award of that year.
        </Text>
        <ListingStatus listing={listing.data} />
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <form onSubmit={submit} noValidate>
              <Stack>
                <ErrorSummary items={summaryOf(publish.error, (field) => `directory-${field.split('.')[0]}`)} />
                <Checkbox.Group
                  label="Show in the directory"
                  description="Your name or your institution, or both, so the entry names somebody."
                  value={choice.fields}
                  onChange={(v) => setChoice({ ...choice, fields: DIRECTORY_FIELDS.filter((f) => v.includes(f)) })}
                  error={problem?.fieldMessage('fields')}
                >
                  <Stack gap={6} mt="xs">
                    {DIRECTORY_FIELDS.map((f) => (
                      <Checkbox key={f} value={f} label={FIELD_LABEL[f]} id={f === DIRECTORY_FIELDS[0] ? 'directory-fields' : undefined} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                {choice.fields.includes('focusAreas') && (
                  <TagsInput
                    id="directory-focusAreas"
                    label="Focus areas"
                    description="Type one and press Enter; up to 10."
                    maxTags={10}
                    value={choice.focusAreas}
                    onChange={(v) => setChoice({ ...choice, focusAreas: v })}
                    error={problem?.fieldMessage('focusAreas')}
                  />
                )}
                {choice.fields.includes('summary') && (
                  <Textarea
                    id="directory-summary"
                    label="Best-practice summary"
                    description={`In your own words: what works in your program, for other leaders. ${choice.summary.length} of ${SUMMARY_MAX_CHARS} characters.`}
                    autosize
                    minRows={5}
                    maxLength={SUMMARY_MAX_CHARS}
                    value={choice.summary}
                    onChange={(e) => setChoice({ ...choice, summary: e.currentTarget.value })}
                    error={problem?.fieldMessage('summary')}
                  />
                )}
                {publish.error !== null && problem?.status !== 400 && (
                  <ProblemAlert error={publish.error} title="Your entry was not saved" />
                )}
                {withdraw.error !== null && <ProblemAlert error={withdraw.error} title="Your entry was not withdrawn" />}
                <Group>
                  <Button type="submit" loading={publish.isPending} disabled={!named}>
                    {listing.data?.listed ? 'Save my entry' : 'Publish my entry'}
                  </Button>
                  {listing.data?.listed && (
                    <Button
                      variant="outline"
                      color="red"
                      loading={withdraw.isPending}
                      onClick={() => {
                        publish.reset();
                        withdraw.mutate(undefined);
                      }}
                    >
                      Withdraw from the directory
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="xs" aria-live="polite">
              <Text fw={600}>Preview: what the public sees</Text>
              {named ? (
                <DirectoryEntryCard entry={preview} headingLevel={3} />
              ) : (
                <Text c="gray.8">Tick your name or your institution to see your entry.</Text>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
  );
}

function ListingStatus({ listing }: { listing: DirectoryListingView | undefined }) {
  if (!listing?.listed)
    return (
      <Alert color="gray" variant="light">
        <Text c="gray.9">You are not in the directory.</Text>
      </Alert>
    );
  if (listing.visibility === 'hidden') {
    return (
      <Alert color="orange" variant="light" title="Your entry is hidden for now">
        <Text c="gray.9">
          The directory shows designations in good standing only; your entry returns when your designation is reinstated or renewed.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="green" variant="light">
      <Text c="gray.9">Your entry is in the public directory.</Text>
    </Alert>
  );
}
