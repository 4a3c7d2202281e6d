import { Global, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { observeCommands } from '@cert/event-store';

/**
 * Operators' view of one process, in Prometheus' text format at `/metrics` (docs/ARCHITECTURE.md, Operations): what
 * the commands did, how long they took, what was refused, the work side's jobs and mail, and verification runs.
 * A registry of its own per process (not prom-client's global one), so two apps in one test process never share
 * counters. Gauges that describe state (projection lag, queue depths) are set by whoever serves a scrape.
 */
@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

  readonly commands = new Counter({
    name: 'iasl_commands_total',
    help: 'Commands handled through the one write path, by command type and outcome (appended, unchanged, refused, conflict, failed)',
    labelNames: ['command', 'outcome'] as const,
    registers: this.registers,
  });
  readonly commandRefusals = new Counter({
    name: 'iasl_command_refusals_total',
    help: 'Commands the domain refused, by refusal code',
    labelNames: ['code'] as const,
    registers: this.registers,
  });
  readonly commandSeconds = new Histogram({
    name: 'iasl_command_duration_seconds',
    help: 'Time to read, decide and append one command, conflicts retried included',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: this.registers,
  });
  readonly httpProblems = new Counter({
    name: 'iasl_http_problems_total',
    help: 'Requests answered with a problem (4xx and 5xx), by status and problem code',
    labelNames: ['status', 'code'] as const,
    registers: this.registers,
  });
  readonly projectionLag = new Gauge({
    name: 'iasl_projection_lag_events',
    help: "How far this process's read models trail the log head, in log positions (events, for SQLite)",
    registers: this.registers,
  });
  readonly queueDepth = new Gauge({
    name: 'iasl_queue_jobs',
    help: 'Jobs in each queue by state (waiting, delayed, active, failed)',
    labelNames: ['queue', 'state'] as const,
    registers: this.registers,
  });
  readonly jobs = new Counter({
    name: 'iasl_jobs_total',
    help: 'Job runs in this process by queue and outcome (done, retried: failed and will run again, failed: gave up)',
    labelNames: ['queue', 'outcome'] as const,
    registers: this.registers,
  });
  readonly mail = new Counter({
    name: 'iasl_mail_total',
    help: 'Notification mail handed to the transport, by outcome (sent, failed)',
    labelNames: ['outcome'] as const,
    registers: this.registers,
  });
  readonly verifications = new Counter({
    name: 'iasl_verifications_total',
    help: 'Hash-chain verifications run, by scope (log, stream) and result (intact, tampered)',
    labelNames: ['scope', 'result'] as const,
    registers: this.registers,
  });

  private readonly stopObserving = observeCommands((seen) => {
    this.commands.inc({ command: seen.command, outcome: seen.outcome });
    this.commandSeconds.observe({ command: seen.command }, seen.seconds);
    if (seen.code) this.commandRefusals.inc({ code: seen.code });
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'iasl_' });
  }

  onModuleDestroy(): void {
    this.stopObserving();
  }
}

/** Global, so the work side and the api record into the same registry of their process. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
