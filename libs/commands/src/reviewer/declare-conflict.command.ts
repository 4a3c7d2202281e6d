import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, CONFLICT_RELEASE_REASON, ConflictTarget, DomainError, NotFound, reviewerDecider, reviewerStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { LogRunner, ReadDb, assignmentsFor } from '@cert/projections';
import type { ConflictResult } from '@cert/contracts';
import { executeOnApplication } from '../application/execute';

/** A reviewer declares a conflict of interest, or staff pin one for them (docs/DOMAIN.md, Conflicts of interest). */
export class DeclareConflictCommand extends Command<ConflictResult> {
  constructor(
    readonly reviewerId: string,
    readonly target: ConflictTarget,
    readonly reason: string,
    readonly pin: boolean,
    readonly actor: Actor,
  ) {
    super();
  }
}

const sameInstitution = (a: string | null, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Records the conflict on the reviewer's stream, then releases the reviewer from open assignments it covers: a
 * reviewer who declares a conflict on an application already assigned to them loses it (and the review gets
 * another reviewer through the usual assignment). The access policy refuses them from the moment the conflict
 * is recorded, so a release that fails here (the scores were already in) leaves nothing open.
 */
@CommandHandler(DeclareConflictCommand)
export class DeclareConflictHandler implements ICommandHandler<DeclareConflictCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly identity: IdentityStore,
    private readonly readDb: ReadDb,
    private readonly runner: LogRunner,
  ) {}

  async execute({ reviewerId, target, reason, pin, actor }: DeclareConflictCommand): Promise<ConflictResult> {
    if ((await this.identity.findById(reviewerId))?.role !== 'reviewer') throw new NotFound('reviewer', reviewerId);
    const now = this.clock.now().toISOString();
    const command = {
      type: 'DeclareConflict' as const,
      data: { reviewerId, conflictId: randomUUID(), reason, pin, ...target },
      metadata: { now, actor },
    };
    const result = await handle(this.store, reviewerStream(reviewerId), reviewerDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    });
    const declared = result.state.conflicts.find((c) =>
      target.applicationId !== null ? c.applicationId === target.applicationId : sameInstitution(c.institution, target.institution),
    );

    const covered = await this.openAssignmentsCovered(reviewerId, target);
    const released: string[] = [];
    for (const applicationId of covered) {
      const body = { type: 'ReleaseReviewer' as const, data: { reviewerId, reason: `${CONFLICT_RELEASE_REASON}: ${reason}` } };
      try {
        const r = await executeOnApplication(this.store, this.clock, applicationId, body, actor);
        if (r.events.length > 0) released.push(applicationId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return {
      reviewerId,
      conflictId: declared?.conflictId ?? null,
      position: result.position,
      events: result.events.map((e) => e.type),
      released,
    };
  }

  /**
   * The applications whose open assignment the conflict covers, decided on the log: an assignment made a moment
   * ago may not be in the read models yet. A conflict with one application is that application, and its own
   * stream decides whether the reviewer holds an open slot there; an institution conflict reads the reviewer's
   * assignments once the read models have caught up to the log's head (which holds every assignment made before).
   */
  private async openAssignmentsCovered(reviewerId: string, target: ConflictTarget): Promise<string[]> {
    if (target.applicationId !== null) return [target.applicationId];
    // A failing catch-up is logged by the runner; the conflict stands, and the access policy already refuses them.
    await this.runner.catchUp().catch(() => undefined);
    return assignmentsFor(this.readDb.db, reviewerId)
      .filter((a) => a.status === 'assigned' && sameInstitution(a.institutionName, target.institution))
      .map((a) => a.applicationId);
  }
}
