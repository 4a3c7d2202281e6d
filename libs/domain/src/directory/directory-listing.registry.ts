import { EventTable, applicant } from '../events/event-spec';
import { DirectoryListingEvent } from './directory-listing.decider';
import { DirectoryField } from './directory-listing.types';

const FIELD_NAMES: Record<DirectoryField, string> = {
  leaderName: 'name',
  institution: 'institution',
  country: 'country',
  focusAreas: 'focus areas',
  designationYear: 'designation year',
  awards: 'awards',
  summary: 'summary',
};

/** Every event of a leader's who's-who listing: what they chose to show, and their withdrawal. */
export const DIRECTORY_LISTING_EVENTS: EventTable<DirectoryListingEvent> = {
  DirectoryListingPublished: {
    schemaVersion: 1,
    // The name and institution the leader chose to show, and their best-practice summary. Country and focus areas
    // stay clear, as on the survey. Erasing the leader removes the entry from the directory entirely.
    personal: applicant('leaderName', 'institution', 'summary'),
    label: 'Directory listing published',
    describe: ({ data }) => `Listed in the public directory, showing: ${data.fields.map((f) => FIELD_NAMES[f]).join(', ')}`,
  },
  DirectoryListingWithdrawn: {
    schemaVersion: 1,
    label: 'Directory listing withdrawn',
    describe: () => 'Withdrawn from the public directory',
  },
};
