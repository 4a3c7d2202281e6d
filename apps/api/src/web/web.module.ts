import { DynamicModule, Inject, Logger, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { findWebDist, webAppMiddleware } from './web-app.middleware';

const WEB_DIST = Symbol('WEB_DIST');

/**
 * The web app (apps/web, built by `npm run web:build`) served by the api at `/`. Without a build the api runs
 * as before and says so once; the API, /docs, /health and /admin/queues are never shadowed (see the middleware).
 */
@Module({})
export class WebModule implements NestModule {
  static forRoot(distDir: string | null = findWebDist()): DynamicModule {
    return { module: WebModule, providers: [{ provide: WEB_DIST, useValue: distDir }] };
  }

  constructor(@Inject(WEB_DIST) private readonly distDir: string | null) {}

  configure(consumer: MiddlewareConsumer): void {
    if (!this.distDir) {
      new Logger('Web').log('no web app build found (run `npm run web:build`); serving the API only');
      return;
    }
    consumer.apply(webAppMiddleware(this.distDir)).forRoutes('{*path}');
  }
}
