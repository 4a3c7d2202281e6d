import { Controller, Get, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@cert/event-store';
import { JobQueue } from '@cert/jobs';
import { LogRunner } from '@cert/projections';
import { BlobSweep } from '@cert/work';
import { Public } from '../auth/access.decorators';
import { Operation } from '../http/operation.decorator';

/** For operators and load balancers: the log answers, the read models keep up with it, the job queues' depth, and the last sweep of orphaned documents. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStore,
    private readonly runner: LogRunner,
    private readonly queue: JobQueue,
    // Only where this process runs the work side; a separate worker logs its own sweeps.
    @Optional() private readonly sweep?: BlobSweep,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @Operation('Whether the log answers, the read models keep up and the job queues', 'HealthView', { refuses: ['request.failed'] })
  check() {
    return this.health.check([
      async () => {
        const session = this.indicators.check('eventStore');
        try {
          return session.up({ head: (await this.store.head())?.position ?? null });
        } catch (error) {
          return session.down({ error: (error as Error).message });
        }
      },
      async () => {
        const session = this.indicators.check('projections');
        const lag = await this.runner.lag();
        // Behind is normal for a moment after a write; it is reported, not failed, so a busy node stays in service.
        return session.up({ head: lag.head, checkpoint: lag.checkpoint, behind: lag.behind, running: this.runner.isRunning() });
      },
      async () => {
        const session = this.indicators.check('jobs');
        try {
          return session.up({ queues: await this.queue.depth() });
        } catch (error) {
          return session.down({ error: (error as Error).message });
        }
      },
      ...(this.sweep
        ? [
            async () => {
              // The last orphan sweep of the evidence files: what it found and deleted (null until the first has run).
              const last = this.sweep!.last;
              return this.indicators.check('documents').up({ lastSweep: last });
            },
          ]
        : []),
    ]);
  }
}
