import type { DirectoryField } from '@cert/domain';
import type { ReadQuery } from './application';

export type DirectoryAward = { year: number; award: string };

/**
 * One public entry: a key for every field the leader opted in to, and no other key (nothing shows that the leader
 * did not opt in to). No application id either: the entry does not lead back to the application.
 */
export type DirectoryEntryView = {
  leaderName?: string;
  institution?: string;
  country?: string;
  focusAreas?: string[];
  designationYear?: number;
  awards?: DirectoryAward[];
  summary?: string;
  /** The public verification page of the designation's credential: the entry's "verified" mark links there. */
  verifyUrl?: string;
};

/** What the leader sees of their own listing: their choice, the entry as the public sees it, and whether it shows. */
export type OwnListingView = {
  listed: boolean;
  fields: DirectoryField[];
  focusAreas: string[];
  summary: string | null;
  /** `hidden`: listed but not shown while the designation is suspended, expired or revoked. */
  visibility: 'shown' | 'hidden' | 'not-listed';
  entry: DirectoryEntryView | null;
  updatedAt: string | null;
};

/** Whether the application holds a designation the directory knows of (for the opt-in form). */
export type DirectoryStandingView = { designationYear: number; standing: 'active' | 'suspended' | 'ended'; awards: DirectoryAward[] };

/** GET /applications/:id/directory-listing: the leader's listing with the designation it rests on (null when none). */
export type DirectoryListingView = OwnListingView & { designation: DirectoryStandingView | null };

/** GET /directory: the entries the filters find, and every year a book can be made for. */
export type DirectoryPageView = { count: number; years: number[]; entries: DirectoryEntryView[] };

/** Filters over what entries show (a hidden field is never matched). */
export type DirectoryQuery = ReadQuery & { year?: number; country?: string; q?: string };

/** The leader's opt-in: only the fields listed show; a text sent for a field not listed is dropped. */
export type DirectoryListingRequest = { fields: DirectoryField[]; focusAreas?: string[]; summary?: string | null };
