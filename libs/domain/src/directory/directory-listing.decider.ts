import { CommandMeta, Decider, assertNever } from '../decider';
import { Forbidden, InvalidState, RuleViolation } from '../errors';
import { normalizeEmail } from '../application/application.state';
import { isPast } from '../time';
import {
  DIRECTORY_FIELDS,
  DirectoryField,
  FOCUS_AREAS_MAX,
  FOCUS_AREA_MAX_CHARS,
  IDENTITY_FIELDS,
  ListedProgram,
  ListingContent,
  SUMMARY_MAX_CHARS,
} from './directory-listing.types';

/**
 * docs/DOMAIN.md, Who's-who directory: a designated leader's opt-in to the public directory, on a stream of its own
 * per application (`directory-listing-<applicationId>`), so the application's lifecycle and the listing never contend
 * for one stream. Every opt-in, change and withdrawal is an event an auditor can replay.
 */
export type DirectoryListingPublished = {
  type: 'DirectoryListingPublished';
  data: ListingContent & { applicationId: string; publishedAt: string };
};
export type DirectoryListingWithdrawn = { type: 'DirectoryListingWithdrawn'; data: { applicationId: string; withdrawnAt: string } };
export type DirectoryListingEvent = DirectoryListingPublished | DirectoryListingWithdrawn;

/** The leader's choice as sent: which fields to show, and the texts only they can write. */
export type PublishDirectoryListing = {
  type: 'PublishDirectoryListing';
  data: { program: ListedProgram; fields: DirectoryField[]; focusAreas: string[]; summary: string | null };
  metadata: CommandMeta;
};
export type WithdrawDirectoryListing = { type: 'WithdrawDirectoryListing'; data: { program: ListedProgram }; metadata: CommandMeta };
export type DirectoryListingCommand = PublishDirectoryListing | WithdrawDirectoryListing;

export type DirectoryListing = { listed: false } | { listed: true; content: ListingContent };

export const directoryListingStream = (applicationId: string) => `directory-listing-${applicationId}`;

const DESIGNATED = ['ProgramOfExcellence', 'CharterMembership'];

const requireLeader = ({ actor }: CommandMeta, program: ListedProgram): void => {
  if (actor.role !== 'applicant' || !actor.email || normalizeEmail(actor.email) !== program.applicantEmail) {
    throw new Forbidden('directory.not_applicant', 'only the leader named on the survey may list their program');
  }
};

/**
 * The who's who is of designated leaders (charter members and Programs of Excellence). A suspended one may still edit
 * its entry: the public does not see it until the designation is reinstated (the projection hides it). A term already
 * over has ended even while its expiry timer is late and the status still reads active.
 */
const requireDesignated = (program: ListedProgram, now: string): void => {
  if (!program.outcome || !DESIGNATED.includes(program.outcome) || program.standing === null || program.standing === 'ended') {
    throw new InvalidState('directory.not_designated', program.standing ?? program.outcome ?? 'undecided', {
      outcome: program.outcome,
      standing: program.standing,
    });
  }
  if (program.termEndsAt && isPast(program.termEndsAt, now)) {
    throw new InvalidState('directory.term_ended', program.standing, { termEndsAt: program.termEndsAt });
  }
};

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Only what the leader chose is kept: a field left unticked has no value in the event, whatever was sent. */
export function listingContent(
  program: ListedProgram,
  fields: DirectoryField[],
  focusAreas: string[],
  summary: string | null,
): ListingContent {
  const unknown = fields.filter((f) => !DIRECTORY_FIELDS.includes(f));
  if (unknown.length > 0) throw new RuleViolation('directory.unknown_field', 'unknown directory fields', { unknown });
  const shown = DIRECTORY_FIELDS.filter((f) => fields.includes(f));
  if (!IDENTITY_FIELDS.some((f) => shown.includes(f))) {
    throw new RuleViolation(
      'directory.identity_required',
      "show the leader's name, the institution, or both: a who's-who entry names somebody",
    );
  }
  const show = (f: DirectoryField) => shown.includes(f);
  // The first spelling of a repeated area is kept.
  const areas = show('focusAreas')
    ? focusAreas.map(clean).filter((a, i, all) => a && all.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i)
    : [];
  if (show('focusAreas') && (areas.length === 0 || areas.length > FOCUS_AREAS_MAX || areas.some((a) => a.length > FOCUS_AREA_MAX_CHARS))) {
    throw new RuleViolation(
      'directory.focus_areas_invalid',
      `between 1 and ${FOCUS_AREAS_MAX} focus areas of at most ${FOCUS_AREA_MAX_CHARS} characters`,
      { count: areas.length },
    );
  }
  const text = show('summary') ? (summary ?? '').trim() : null;
  if (text !== null && (text.length === 0 || text.length > SUMMARY_MAX_CHARS)) {
    throw new RuleViolation('directory.summary_invalid', `a best-practice summary of 1 to ${SUMMARY_MAX_CHARS} characters`, {
      length: text.length,
    });
  }
  return {
    fields: [...shown],
    leaderName: show('leaderName') ? program.leaderName : null,
    institution: show('institution') ? program.institution : null,
    country: show('country') ? program.country : null,
    focusAreas: areas,
    summary: text,
  };
}

const sameContent = (a: ListingContent, b: ListingContent) => JSON.stringify(a) === JSON.stringify(b);

const decide = (command: DirectoryListingCommand, state: DirectoryListing): DirectoryListingEvent[] => {
  const { program } = command.data;
  switch (command.type) {
    case 'PublishDirectoryListing': {
      requireLeader(command.metadata, program);
      requireDesignated(program, command.metadata.now);
      const content = listingContent(program, command.data.fields, command.data.focusAreas, command.data.summary);
      // The same choice again (a double click, a retried request) changes nothing.
      if (state.listed && sameContent(state.content, content)) return [];
      return [
        {
          type: 'DirectoryListingPublished',
          data: { applicationId: program.applicationId, ...content, publishedAt: command.metadata.now },
        },
      ];
    }
    case 'WithdrawDirectoryListing': {
      requireLeader(command.metadata, program);
      // Withdrawing needs no designation: a leader may always take their name out of the book.
      if (!state.listed) return [];
      return [{ type: 'DirectoryListingWithdrawn', data: { applicationId: program.applicationId, withdrawnAt: command.metadata.now } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (_state: DirectoryListing, event: DirectoryListingEvent): DirectoryListing => {
  switch (event.type) {
    case 'DirectoryListingPublished': {
      const { fields, leaderName, institution, country, focusAreas, summary } = event.data;
      return { listed: true, content: { fields, leaderName, institution, country, focusAreas, summary } };
    }
    case 'DirectoryListingWithdrawn':
      return { listed: false };
    default:
      return assertNever(event);
  }
};

export const directoryListingDecider: Decider<DirectoryListing, DirectoryListingCommand, DirectoryListingEvent> = {
  decide,
  evolve,
  initialState: () => ({ listed: false }),
};
