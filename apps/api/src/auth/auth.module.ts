import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { FirstStaffBootstrap } from './bootstrap';
import { SignInLinks } from './sign-in-links';

/** Sign-in, sessions and the global access guard. Needs the global Config, Identity and Mail modules. */
@Module({
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, SignInLinks, FirstStaffBootstrap],
})
export class AuthModule {}
