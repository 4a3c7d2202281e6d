import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessPolicy } from './access-policy';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { FirstStaffBootstrap } from './bootstrap';
import { BrowserSessions } from './browser-sessions';
import { SignInLinks } from './sign-in-links';

/**
 * Sign-in, sessions (bearer and browser cookie), the global access guard and the one access policy. Needs the global
 * Config, Identity and Mail modules. Rate limits count in this process's memory: right for the embedded default;
 * behind several api replicas each counts its own share (the lockout, kept in the identity database, does not).
 */
@Module({
  imports: [ThrottlerModule.forRoot({ throttlers: [{ name: 'default', limit: 30, ttl: 60_000 }] })],
  controllers: [AuthController],
  providers: [AccessPolicy, BrowserSessions, { provide: APP_GUARD, useClass: AuthGuard }, SignInLinks, FirstStaffBootstrap],
  exports: [AccessPolicy, BrowserSessions],
})
export class AuthModule {}
