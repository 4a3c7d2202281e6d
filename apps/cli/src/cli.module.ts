import { Module } from '@nestjs/common';
import { ConfigModule, loadConfig } from '@cert/config';
import { IdentityModule } from '@cert/identity';
import { CreateUserCommand } from './users/create-user.command';
import { ListUsersCommand } from './users/list-users.command';
import { PasswordLinkCommand } from './users/password-link.command';

const config = loadConfig();

/** Operator commands. Same config and stores as the api, no HTTP. */
@Module({
  imports: [ConfigModule.forRoot(config), IdentityModule.forRoot(config)],
  providers: [CreateUserCommand, ListUsersCommand, PasswordLinkCommand],
})
export class CliModule {}
