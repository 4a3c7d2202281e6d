import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor } from '@cert/domain';
import { Clock } from '@cert/config';
import { ReadDb, overdueAssessments } from '@cert/projections';
import { DecideApplicationCommand } from '../application/decide-application.command';

const TIMER: Actor = { id: 'assessment-deadlines', role: 'system' };
const EVERY_MS = 60_000;

/**
 * DOMAIN.md, Deadlines: an application lapses when its assessment window closes. The due dates live in the
 * read model, so nothing is lost across restarts; a late, repeated or stale expiry decides nothing (the decider
 * compares the due date). The durable job queue of the workers issue supersedes this periodic sweep.
 */
@Injectable()
export class AssessmentDeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('deadlines');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.error(error)), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  /** Expires every assessment whose due date has passed; returns how many applications lapsed. */
  async sweep(): Promise<number> {
    let lapsed = 0;
    for (const { id, dueAt } of overdueAssessments(this.readDb.db, this.clock.now().toISOString())) {
      const result = await this.commands.execute(new DecideApplicationCommand(id, { type: 'ExpireAssessment', data: { dueAt } }, TIMER));
      if (result.events.length > 0) {
        lapsed += 1;
        this.logger.log(`application ${id} lapsed: assessment was due ${dueAt}`);
      }
    }
    return lapsed;
  }
}
