import { Outcome } from '../application/application.types';

/**
 * docs/DOMAIN.md, Who's-who directory: a who's who of STEM leaders, printed yearly as a book of best practices, and an
 * opt-in public directory where nothing is shown that the leader did not opt in to. These are the fields they may
 * choose.
 */
export const DIRECTORY_FIELDS = ['leaderName', 'institution', 'country', 'focusAreas', 'designationYear', 'awards', 'summary'] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/** A who's-who entry names somebody: the leader, their institution, or both. */
export const IDENTITY_FIELDS: readonly DirectoryField[] = ['leaderName', 'institution'];

/** A short best-practice summary, about a printed half page in the book. */
export const SUMMARY_MAX_CHARS = 1200;
export const FOCUS_AREAS_MAX = 10;
export const FOCUS_AREA_MAX_CHARS = 60;

/**
 * Where a designation stands, as the handler reads it from the application: `ended` covers whatever the lifecycle
 * adds later for a designation that no longer holds (expired, revoked); null when there never was one.
 */
export type DesignationStanding = 'active' | 'suspended' | 'ended';

/** Facts about the application the listing belongs to, looked up by the handler (the decider never fetches). */
export type ListedProgram = {
  applicationId: string;
  /** The leader named on the survey (normalized email): only they opt in, change or withdraw. */
  applicantEmail: string;
  leaderName: string;
  institution: string;
  country: string;
  outcome: Outcome | null;
  standing: DesignationStanding | null;
  /**
   * Where the designation's term ends (null: none, or recorded before terms existed): the expiry timer may fire late,
   * so the decider, which knows the time, treats a term already over as ended whatever `standing` still says.
   */
  termEndsAt: string | null;
};

/**
 * What the public sees, exactly: a value for every field shown and nothing else. Designation year and awards are
 * flags here (their values come from the application's own events), so the listing holds no copy of them.
 */
export type ListingContent = {
  fields: DirectoryField[];
  leaderName: string | null;
  institution: string | null;
  country: string | null;
  focusAreas: string[];
  summary: string | null;
};
