import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

// A refused command (bad role, taken email) prints one plain line and exits non-zero, so scripts notice.
void CommandFactory.run(CliModule, {
  logger: ['warn', 'error'],
  serviceErrorHandler: (error) => {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  },
});
