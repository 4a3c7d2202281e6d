import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './env';

/** The validated config as a DI token: `@Inject(APP_CONFIG)`; tests pass their own. */
export const APP_CONFIG = 'APP_CONFIG';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()) {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
