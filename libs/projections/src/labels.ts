import { APPLICATION_STATUS, ApplicationStatus } from '@cert/domain';

export { APPLICATION_STATUSES } from '@cert/domain';

/** The lifecycle step people see for each status (docs/DOMAIN.md, The lifecycle (one application = one event stream)). */
export const STAGES = Object.fromEntries(Object.entries(APPLICATION_STATUS).map(([status, { stage }]) => [status, stage])) as Record<
  ApplicationStatus,
  string
>;

/**
 * Duplicate lookup key: docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1 compares leader
 * and institution, not their spelling.
 */
export const institutionKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A leader's name as the duplicate check compares it (docs/DOMAIN.md, The lifecycle, step 1): case, accents,
 * punctuation and a leading title ("Dr.", "Prof.") aside, so "Dr. Ada Rivers" and "ada rivers" match.
 */
export const leaderKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^((dr|prof|mr|mrs|ms|mx|miss|sir|dame)\s+)+/, '');
