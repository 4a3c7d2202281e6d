import { Module } from '@nestjs/common';
import { ConfigModule, loadConfig } from '@cert/config';
import { MailModule } from '@cert/mail';
import { BlobStoreModule } from '@cert/blob-store';
import { ErasureModule, PrivacyModule } from '@cert/privacy';
import { IdentityModule } from '@cert/identity';
import { ProjectionsModule } from '@cert/projections';
import { CheckpointsModule } from '@cert/audit';
import { CheckpointCommand } from './audit/checkpoint.command';
import { VerifyCommand } from './audit/verify.command';
import { EraseSubjectCommand } from './privacy/erase.command';
import { ReconcileErasuresCommand } from './privacy/reconcile.command';
import { RebuildProjectionsCommand } from './projections/rebuild.command';
import { CopyDeploymentCommand } from './deployment/copy.command';
import { CreateUserCommand } from './users/create-user.command';
import { ListUsersCommand } from './users/list-users.command';
import { PasswordLinkCommand } from './users/password-link.command';

const config = loadConfig();

/** Operator commands. Same config and stores as the api, no HTTP. */
@Module({
  imports: [
    ConfigModule.forRoot(config),
    IdentityModule.forRoot(config),
    PrivacyModule.forRoot(config),
    // The CLI catches up on demand; it never runs the polling runner.
    ProjectionsModule.forRoot(config, { runLogRunner: false }),
    // An erasure also deletes the outbox's copies of the person's mail.
    MailModule.forRoot(config),
    // Verification checks every stored document; an erasure deletes the person's.
    BlobStoreModule.forRoot(config),
    // Verification checks the signed checkpoints; audit:checkpoint signs one.
    CheckpointsModule.forRoot(config),
    ErasureModule,
  ],
  providers: [
    CreateUserCommand,
    ListUsersCommand,
    PasswordLinkCommand,
    RebuildProjectionsCommand,
    VerifyCommand,
    CheckpointCommand,
    EraseSubjectCommand,
    ReconcileErasuresCommand,
    CopyDeploymentCommand,
  ],
})
export class CliModule {}
