import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, ConflictTarget, DomainError, NotFound, reviewerDecider, reviewerStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import { IdentityStore } from '@cert/identity';
import { ReadDb, assignmentsFor } from '@cert/projections';
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
  ) {}

  async execute({ reviewerId, target, reason, pin, actor }: DeclareConflictCommand): Promise<ConflictResult> {
    if (this.identity.findById(reviewerId)?.role !== 'reviewer') throw new NotFound('reviewer', reviewerId);
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

    const covered = assignmentsFor(this.readDb.db, reviewerId).filter(
      (a) =>
        a.status === 'assigned' &&
        (target.applicationId !== null ? a.applicationId === target.applicationId : sameInstitution(a.institutionName, target.institution)),
    );
    const released: string[] = [];
    for (const a of covered) {
      const body = { type: 'ReleaseReviewer' as const, data: { reviewerId, reason: `conflict of interest declared: ${reason}` } };
      try {
        const r = await executeOnApplication(this.store, this.clock, a.applicationId, body, actor);
        if (r.events.length > 0) released.push(a.applicationId);
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
}
