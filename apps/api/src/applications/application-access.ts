import { NotFoundException } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { Actor, normalizeEmail } from '@cert/domain';
import { ApplicationSummaryView, getApplication, isAssigned } from '@cert/projections';

/**
 * How much of an application an actor may see (DOMAIN.md, Who uses it): the applicant everything of their own,
 * a nominator only that it was received, an assigned reviewer what they review, staff/board/auditor everything.
 */
export type Visibility = 'full' | 'acknowledgement' | 'review';

export const visibilityOf = (db: Database, actor: Actor, app: ApplicationSummaryView): Visibility | null => {
  switch (actor.role) {
    case 'staff':
    case 'board':
    case 'auditor':
      return 'full';
    case 'applicant':
      if (actor.email && normalizeEmail(actor.email) === app.applicantEmail) return 'full';
      return app.submittedBy === actor.id || app.nominators.includes(actor.id) ? 'acknowledgement' : null;
    case 'reviewer':
      return isAssigned(db, app.id, actor.id) ? 'review' : null;
    default:
      return null;
  }
};

/** 404 for an application the actor may not see, so its existence is not revealed. */
export const visibleApplication = (db: Database, actor: Actor, id: string, allowed: Visibility[] = ['full', 'review', 'acknowledgement']) => {
  const app = getApplication(db, id);
  const visibility = app ? visibilityOf(db, actor, app) : null;
  if (!app || !visibility || !allowed.includes(visibility)) throw new NotFoundException(`application ${id} not found`);
  return { app, visibility };
};
