import { Command, CommandRunner, Option } from 'nest-commander';
import { EventStore } from '@cert/event-store';
import { ALL_PROJECTIONS, LogRunner, ReadDb, rebuildAndCompare } from '@cert/projections';

/**
 * docs/DOMAIN.md, What auditors need: replay the log into fresh read models and compare them with the live ones.
 * Exits 0 when the live read models equal a replay from zero, 2 when they differ (and were not swapped).
 */
@Command({
  name: 'projections:rebuild',
  description: 'replay the whole log into fresh read models, compare with the live ones, optionally swap',
})
export class RebuildProjectionsCommand extends CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly readDb: ReadDb,
    private readonly runner: LogRunner,
  ) {
    super();
  }

  async run(_: string[], options: { swap?: boolean } = {}): Promise<void> {
    await this.runner.catchUp();
    const started = Date.now();
    const report = await rebuildAndCompare(this.store, ALL_PROJECTIONS, this.readDb.db, {
      swap: options.swap,
      onProgress: (applied) => process.stderr.write(`\rreplayed ${applied} events`),
    });
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`\rreplayed ${report.events} events in ${seconds.toFixed(1)} s\n`);
    if (report.differences.length === 0) {
      console.log('read models match the log');
      return;
    }
    for (const d of report.differences) console.log(`${d.table}: ${d.missing} missing, ${d.extra} extra, ${d.changed} changed`);
    console.log(
      options.swap
        ? 'live read models replaced by the rebuilt ones'
        : 'differences found; run again with --swap to replace the live read models',
    );
    if (!options.swap) process.exitCode = 2;
  }

  @Option({ flags: '--swap', description: 'replace the live read models with the rebuilt ones' })
  parseSwap(): boolean {
    return true;
  }
}
