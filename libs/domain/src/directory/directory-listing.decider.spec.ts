import { deciderSpec } from '../../../testing/src/decider-spec';
import { Actor } from '../decider';
import { Forbidden, InvalidState, RuleViolation } from '../errors';
import { APP_ID, applicant, staff } from '../application/application.fixtures';
import {
  DirectoryListingEvent,
  PublishDirectoryListing,
  WithdrawDirectoryListing,
  directoryListingDecider,
} from './directory-listing.decider';
import { DirectoryField, ListedProgram, SUMMARY_MAX_CHARS } from './directory-listing.types';

const now = '2027-02-01T09:00:00.000Z';
const later = '2027-03-01T09:00:00.000Z';
const TERM_ENDS = '2031-02-01T09:00:00.000Z';
const SUMMARY = 'Every student builds a robot with a mentor from the plant; teachers co-plan in weekly Fab Lab studios.';

const program = (overrides: Partial<ListedProgram> = {}): ListedProgram => ({
  applicationId: APP_ID,
  applicantEmail: 'leader@riverside.edu',
  leaderName: 'Dr. Ada Rivers',
  institution: 'Riverside STEM Academy',
  country: 'US',
  outcome: 'CharterMembership',
  standing: 'active',
  termEndsAt: TERM_ENDS,
  ...overrides,
});

const publish = (
  fields: DirectoryField[],
  o: { summary?: string | null; focusAreas?: string[]; program?: ListedProgram; actor?: Actor; at?: string } = {},
): PublishDirectoryListing => ({
  type: 'PublishDirectoryListing',
  data: {
    program: o.program ?? program(),
    fields,
    focusAreas: o.focusAreas ?? ['Robotics', 'Fab Labs'],
    summary: o.summary === undefined ? SUMMARY : o.summary,
  },
  metadata: { now: o.at ?? now, actor: o.actor ?? applicant },
});
const withdraw = (actor: Actor = applicant): WithdrawDirectoryListing => ({
  type: 'WithdrawDirectoryListing',
  data: { program: program() },
  metadata: { now: later, actor },
});

const published = (
  over: Partial<Extract<DirectoryListingEvent, { type: 'DirectoryListingPublished' }>['data']> = {},
): DirectoryListingEvent => ({
  type: 'DirectoryListingPublished',
  data: {
    applicationId: APP_ID,
    fields: ['leaderName', 'country', 'summary'],
    leaderName: 'Dr. Ada Rivers',
    institution: null,
    country: 'US',
    focusAreas: [],
    summary: SUMMARY,
    publishedAt: now,
    ...over,
  },
});

const spec = deciderSpec(directoryListingDecider);

describe("directory listing decider: the who's who is opt-in, field by field", () => {
  it('a designated leader opts in: the event holds a value only for each field shown', () => {
    spec([])
      .when(publish(['summary', 'leaderName', 'country'], { focusAreas: ['Robotics'] }))
      .then([published()]);
  });

  it('shows focus areas as written, trimmed and without repeats', () => {
    const [event] = spec([])
      .when(publish(['institution', 'focusAreas'], { focusAreas: [' Robotics ', 'robotics', 'Fab   Labs', ''] }))
      .thenEvents();
    expect(event.data).toEqual(
      expect.objectContaining({
        institution: 'Riverside STEM Academy',
        leaderName: null,
        focusAreas: ['Robotics', 'Fab Labs'],
        summary: null,
      }),
    );
  });

  it('a summary sent with the field unticked is not kept', () => {
    const [event] = spec([])
      .when(publish(['leaderName']))
      .thenEvents();
    expect(event.data).toEqual(
      expect.objectContaining({ fields: ['leaderName'], summary: null, country: null, institution: null, focusAreas: [] }),
    );
  });

  it('changing the choice records it again; the same choice twice records nothing', () => {
    spec([published()])
      .when(publish(['leaderName', 'country', 'summary'], { at: later }))
      .then([]);
    spec([published()])
      .when(publish(['leaderName', 'institution'], { at: later }))
      .then([
        published({
          fields: ['leaderName', 'institution'],
          institution: 'Riverside STEM Academy',
          country: null,
          summary: null,
          publishedAt: later,
        }),
      ]);
  });

  it('a suspended designation may still edit its entry (the public sees it again once reinstated)', () => {
    spec([])
      .when(publish(['leaderName'], { program: program({ standing: 'suspended' }) }))
      .then([published({ fields: ['leaderName'], country: null, summary: null })]);
  });

  it('refuses a program that is not designated, or whose designation ended', () => {
    spec([])
      .when(publish(['leaderName'], { program: program({ outcome: 'NotYetReady', standing: null }) }))
      .thenThrows(InvalidState, 'directory.not_designated');
    spec([])
      .when(publish(['leaderName'], { program: program({ outcome: null, standing: null }) }))
      .thenThrows(InvalidState, 'directory.not_designated');
    spec([published()])
      .when(publish(['leaderName'], { program: program({ standing: 'ended' }) }))
      .thenThrows(InvalidState, 'directory.not_designated');
  });

  it('refuses a designation whose term is over while its expiry timer is late (the status still reads active)', () => {
    const ended = program({ standing: 'active', termEndsAt: now });
    spec([])
      .when(publish(['leaderName'], { program: ended }))
      .thenThrows(InvalidState, 'directory.term_ended');
    spec([])
      .when(publish(['leaderName'], { program: program({ termEndsAt: later }) }))
      .then([published({ fields: ['leaderName'], country: null, summary: null })]);
    // Designations recorded before terms existed have no end: the status alone decides.
    spec([])
      .when(publish(['leaderName'], { program: program({ termEndsAt: null }) }))
      .then([published({ fields: ['leaderName'], country: null, summary: null })]);
  });

  it('only the leader named on the survey opts in or withdraws', () => {
    const other: Actor = { id: 'user-other', role: 'applicant', email: 'someone@else.org' };
    spec([])
      .when(publish(['leaderName'], { actor: other }))
      .thenThrows(Forbidden, 'directory.not_applicant');
    spec([])
      .when(publish(['leaderName'], { actor: staff }))
      .thenThrows(Forbidden, 'directory.not_applicant');
    spec([published()]).when(withdraw(other)).thenThrows(Forbidden, 'directory.not_applicant');
  });

  it('an entry names somebody, and its texts stay within bounds', () => {
    spec([])
      .when(publish(['country', 'summary']))
      .thenThrows(RuleViolation, 'directory.identity_required');
    spec([])
      .when(publish(['leaderName', 'summary'], { summary: 'x'.repeat(SUMMARY_MAX_CHARS + 1) }))
      .thenThrows(RuleViolation, 'directory.summary_invalid');
    spec([])
      .when(publish(['leaderName', 'summary'], { summary: '   ' }))
      .thenThrows(RuleViolation, 'directory.summary_invalid');
    spec([])
      .when(publish(['leaderName', 'focusAreas'], { focusAreas: [] }))
      .thenThrows(RuleViolation, 'directory.focus_areas_invalid');
    spec([])
      .when(publish(['leaderName', 'focusAreas'], { focusAreas: ['x'.repeat(61)] }))
      .thenThrows(RuleViolation, 'directory.focus_areas_invalid');
    spec([])
      .when(publish(['leaderName', 'birthday' as DirectoryField]))
      .thenThrows(RuleViolation, 'directory.unknown_field');
    const [event] = spec([])
      .when(publish(['leaderName', 'summary'], { summary: 'x'.repeat(SUMMARY_MAX_CHARS) }))
      .thenEvents();
    expect(event.type).toBe('DirectoryListingPublished');
  });

  it('withdrawing removes the listing; withdrawing again, or before ever opting in, records nothing', () => {
    spec([published()])
      .when(withdraw())
      .then([{ type: 'DirectoryListingWithdrawn', data: { applicationId: APP_ID, withdrawnAt: later } }]);
    spec([published(), { type: 'DirectoryListingWithdrawn', data: { applicationId: APP_ID, withdrawnAt: later } }])
      .when(withdraw())
      .then([]);
    spec([]).when(withdraw()).then([]);
  });

  it('after a withdrawal the leader may opt in again', () => {
    spec([published(), { type: 'DirectoryListingWithdrawn', data: { applicationId: APP_ID, withdrawnAt: later } }])
      .when(publish(['leaderName', 'country', 'summary'], { at: later }))
      .then([published({ publishedAt: later })]);
  });
});
