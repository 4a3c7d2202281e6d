import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@cert/config';
import { AccessPolicy } from './access-policy';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { FirstStaffBootstrap } from './bootstrap';
import { BrowserSessions } from './browser-sessions';
import { SignInLinks } from './sign-in-links';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * Sign-in, sessions (bearer and browser cookie), the global access guard and the one access policy. Needs the global
 * Config, Identity and Mail modules. Rate limits count in this process's memory in the embedded default, and in
 * Redis when REDIS_URL is set, so several api replicas share one count (docs/ARCHITECTURE.md, Distributed).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => ({
        throttlers: [{ name: 'default', limit: 30, ttl: 60_000 }],
        storage: config.redisUrl ? await RedisThrottlerStorage.connect(config.redisUrl, config.jobs.redisPrefix) : undefined,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AccessPolicy, BrowserSessions, { provide: APP_GUARD, useClass: AuthGuard }, SignInLinks, FirstStaffBootstrap],
  exports: [AccessPolicy, BrowserSessions],
})
export class AuthModule {}
