import type { Database } from 'better-sqlite3';
import { ApplicationEvent, DirectoryListingEvent, NotificationEvent, ReviewCycleEvent, ReviewerEvent, AwardCycleEvent } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';

/**
 * A read model fed from the log (docs/ARCHITECTURE.md, Read side). `handles` lets the runner skip events a
 * projection ignores, and events of other categories the log may hold later.
 */
export type Projection = {
  name: string;
  /** Bump when the schema or the meaning of a column changes: the runner then rebuilds from the log. */
  version: number;
  /** CREATE TABLE/INDEX IF NOT EXISTS statements. */
  schema: string[];
  tables: string[];
  handles: readonly LoggedEvent['type'][];
  apply(db: Database, event: RecordedEvent<LoggedEvent>): void;
};

/** Every event type the log holds: applications, the notification ledger, reviewers' conflicts and cycle settings. */
export type LoggedEvent = ApplicationEvent | NotificationEvent | ReviewerEvent | ReviewCycleEvent | DirectoryListingEvent | AwardCycleEvent;

export class ProjectionFailed extends Error {
  constructor(
    readonly projection: string,
    readonly event: { id: string; type: string; position: string },
    override readonly cause: unknown,
  ) {
    super(
      `projection ${projection} failed on event ${event.id} (${event.type} at ${event.position}): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'ProjectionFailed';
  }
}

/** Applies one event to every projection that handles it; the caller owns the transaction. */
export const applyEvent = (db: Database, projections: Projection[], event: RecordedEvent): void => {
  const typed = event as RecordedEvent<LoggedEvent>;
  for (const p of projections) {
    if (!p.handles.includes(typed.type)) continue;
    try {
      p.apply(db, typed);
    } catch (err) {
      throw new ProjectionFailed(p.name, event, err);
    }
  }
};

export const createSchema = (db: Database, projections: Projection[]): void => {
  for (const p of projections) for (const statement of p.schema) db.exec(statement);
};
