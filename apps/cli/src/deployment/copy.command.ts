import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { copyDeployment, embeddedFiles } from './copy-deployment';

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * docs/ARCHITECTURE.md, Distributed: moving up from the embedded shape is one command, run with the distributed
 * shape's configuration (EVENT_STORE=postgres, DATABASE_URL, KEYS_DATABASE_URL) and the embedded data folder as
 * --from. Exits non-zero, naming what, when a target is not empty or the copy does not check out.
 */
@Command({
  name: 'deployment:copy',
  description:
    "copy a stopped embedded deployment (log, accounts, keys, documents) into this configuration's empty PostgreSQL databases, and verify it",
})
export class CopyDeploymentCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(_: string[], options: { from?: string }): Promise<void> {
    const { databaseUrl, keysDatabaseUrl } = this.config;
    if (this.config.eventStore !== 'postgres' || !databaseUrl || !keysDatabaseUrl) {
      throw new Error(
        'deployment:copy writes into the PostgreSQL shape: run it with EVENT_STORE=postgres, DATABASE_URL and KEYS_DATABASE_URL set',
      );
    }
    if (!options.from) throw new Error("--from: the embedded deployment's data folder (its DATA_DIR), e.g. --from ./data");
    const started = Date.now();
    const report = await copyDeployment(embeddedFiles(options.from), { databaseUrl, keysDatabaseUrl }, (line) =>
      process.stderr.write(`${line}\n`),
    );
    console.log(
      `copied in ${((Date.now() - started) / 1000).toFixed(1)} s: ${n(report.events, 'event')} in ${n(report.streams, 'stream')}, ` +
        `${n(report.accounts, 'account')} (${n(report.sessions, 'session')}, ${n(report.links, 'one-time link')}), ` +
        `${n(report.keys, 'personal-data key')}, ${n(report.documents, 'document')}`,
    );
    console.log(
      `verified: log intact, head ${report.head ? `${report.head.position}:${report.head.globalHash}` : 'none (empty log)'}, the same as the source's`,
    );
    console.log(
      'copy the checkpoint key (CHECKPOINT_KEY_PATH), the witness folder (WITNESS_DIR) and the credentials key (CREDENTIAL_KEY_PATH) to where the new shape reads them',
    );
  }

  @Option({ flags: '--from <dir>', description: "the embedded deployment's data folder (DATA_DIR)" })
  from(value: string): string {
    return value;
  }
}
