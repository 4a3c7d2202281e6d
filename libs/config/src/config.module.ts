import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { AppConfig, loadConfig } from './env';

/** The validated config as a DI token: `@Inject(APP_CONFIG)`; tests pass their own. */
export const APP_CONFIG = 'APP_CONFIG';

/**
 * Config and the one clock, for every module; specs replace the clock with `overrideProvider(Clock)`, and the demo
 * seeder passes a clock it moves (README.md, Quick start).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig(), clock?: Clock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        clock ? { provide: Clock, useValue: clock } : { provide: Clock, useClass: SystemClock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
