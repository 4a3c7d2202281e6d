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
