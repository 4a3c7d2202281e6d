import { Controller, Get, Inject, Optional, Req, ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { IdentityStore } from '@cert/identity';
import type { HealthView } from '@cert/contracts';
import { bearerToken } from '../auth/auth.guard';
import { BrowserSessions } from '../auth/browser-sessions';
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
    private readonly identity: IdentityStore,
    private readonly sessions: BrowserSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Only where this process runs the work side; a separate worker logs its own sweeps.
    @Optional() private readonly sweep?: BlobSweep,
  ) {}

  private async userOf(req: Request) {
    const token = bearerToken(req.headers.authorization) ?? this.sessions.tokenFrom(req);
    // An identity store that does not answer leaves the caller anonymous: up or down is still answered.
    return token ? this.identity.resolveSession(token).catch(() => null) : null;
  }

  @Get()
  @Public()
  @HealthCheck()
  @Operation('Whether the log answers, the read models keep up and the job queues', 'HealthView', { refuses: ['request.failed'] })
  async check(@Req() req: Request): Promise<HealthView> {
    // In production a load balancer needs up or down, not the log head and queue depths: those are for operators and staff.
    if (!this.config.production || ['operator', 'staff'].includes((await this.userOf(req))?.role ?? '')) return this.measure();
    try {
      return { status: (await this.measure()).status };
    } catch {
      throw new ServiceUnavailableException({ status: 'error' });
    }
  }

  private measure(): Promise<HealthView> {
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
