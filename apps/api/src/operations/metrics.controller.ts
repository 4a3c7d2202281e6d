import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JobQueue } from '@cert/jobs';
import { Metrics } from '@cert/metrics';
import { LogRunner } from '@cert/projections';
import { Access } from '../auth/access.decorators';
import { Operation } from '../http/operation.decorator';

/**
 * Prometheus' scrape target, for operators (docs/ARCHITECTURE.md, Operations). The state gauges (projection lag,
 * queue depths) are read at each scrape; the counters count since this process started.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly runner: LogRunner,
    private readonly queue: JobQueue,
  ) {}

  @Get()
  @Access('operations.metrics')
  @Operation("This process's metrics in Prometheus' text format (operators, or the METRICS_TOKEN scraper)", { file: 'text/plain' })
  async scrape(): Promise<StreamableFile> {
    const lag = await this.runner.lag();
    this.metrics.projectionLag.set(lag.head === null ? 0 : Number(BigInt(lag.head) - BigInt(lag.checkpoint ?? '0')));
    const depth = await this.queue.depth().catch(() => null);
    if (depth)
      for (const [queue, states] of Object.entries(depth))
        for (const [state, count] of Object.entries(states)) this.metrics.queueDepth.set({ queue, state }, count);
    const text = await this.metrics.registry.metrics();
    return new StreamableFile(Buffer.from(text), { type: this.metrics.registry.contentType });
  }
}
