import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@cert/config';
import { IdentityStore } from '@cert/identity';
import { JobQueue } from '@cert/jobs';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';
import { mountQueuesDashboard } from './operations/queues-dashboard';

async function bootstrap() {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  // bull-board at /admin/queues for operators, when the queues are on Redis.
  const identity = app.get(IdentityStore);
  await mountQueuesDashboard(app, app.get(JobQueue), (token) => identity.resolveSession(token));
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  app.get(Logger).log(`IASL certification engine listening on ${config.publicUrl} (API docs at ${config.publicUrl}/docs)`);
}

bootstrap().catch((error) => {
  // Configuration errors list every bad key; print them plainly and exit non-zero.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
