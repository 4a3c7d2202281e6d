import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { AppConfig, Clock } from '@cert/config';
import { EventLog, EventStore } from '@cert/event-store';
import { CheckpointSigner } from './checkpoint-key';
import { CheckpointMaker } from './checkpoint-maker';
import { FileWitness, Witness } from './witness';
import { CredentialIssuer } from '../credentials/credential-issuer';

/**
 * The checkpoint key, the witness and the maker (and the credential issuer's key), for every process: the api and the CLI verify against them, the
 * work side and `audit:checkpoint` make checkpoints (docs/ARCHITECTURE.md, Checkpoints and the witness). Needs the
 * global EventLog, EventStore and Clock.
 */
@Global()
@Module({})
export class CheckpointsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CheckpointsModule,
      providers: [
        {
          provide: CheckpointSigner,
          useFactory: () => {
            const signer = CheckpointSigner.openOrCreate(config.checkpoints.keyPath);
            const logger = new Logger('checkpoints');
            const backUp = 'back it up separately from the log and its backups: whoever holds it can sign checkpoints';
            if (signer.created) logger.warn(`created the checkpoint key at ${signer.path} (key id ${signer.keyId}); ${backUp}`);
            else logger.log(`checkpoint key ${signer.keyId} at ${signer.path}; ${backUp}`);
            return signer;
          },
        },
        { provide: Witness, useFactory: () => new FileWitness(config.checkpoints.witnessDir) },
        {
          // docs/DOMAIN.md, Verifiable credentials: the issuer's key is kept like the checkpoint key, in a file of its own.
          provide: CredentialIssuer,
          useFactory: async () => {
            const issuer = await CredentialIssuer.open(config.credentials.keyPath, config.publicUrl);
            const backUp = 'back it up separately from the log and its backups: whoever holds it can issue credentials';
            new Logger('credentials')[issuer.created ? 'warn' : 'log'](
              `${issuer.created ? 'created the' : 'using the'} credential key at ${issuer.path}; ${backUp}`,
            );
            return issuer;
          },
        },
        {
          provide: CheckpointMaker,
          useFactory: (log: EventLog, store: EventStore, signer: CheckpointSigner, witness: Witness, clock: Clock) =>
            new CheckpointMaker({ log, store, signer, witness, now: () => clock.now(), every: config.checkpoints.every }),
          inject: [EventLog, EventStore, CheckpointSigner, Witness, Clock],
        },
      ],
      exports: [CheckpointSigner, Witness, CheckpointMaker, CredentialIssuer],
    };
  }
}
