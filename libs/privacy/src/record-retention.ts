import { Module } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@cert/config';
import { Actor, Application, ShredRecordOfReasons, applicationDecider, applicationStream } from '@cert/domain';
import { EventStore, handle } from '@cert/event-store';
import { Mailer } from '@cert/mail';
import type { CommandResult } from '@cert/contracts';
import { reasonsSealing } from './record-of-reasons';
import { SubjectKeys, recordSubject } from './subject-keys';

/** The retention timer of an application's record of reasons, for the date it was set for. */
export class ShredRecordOfReasonsCommand extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly retainedUntil: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * docs/DOMAIN.md, Personal data and the record of reasons: at the end of the retention the application's record key
 * is destroyed, its kept mail that quotes a reason deleted, and RecordOfReasonsShredded recorded through handle().
 * The key goes first, as in an erasure (docs/DOMAIN.md, Erasure): the read models rebuilt on the event then read the
 * reasons as erased, and a repeat after a crash finds the key gone and records the event. Destroying is irreversible,
 * so it happens only when the decider, asked first on the same state, would record the shredding; the append is made
 * at that state's version, so a stream that moved meanwhile retries the job.
 */
@CommandHandler(ShredRecordOfReasonsCommand)
export class ShredRecordOfReasonsHandler implements ICommandHandler<ShredRecordOfReasonsCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly keys: SubjectKeys,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute({ applicationId, retainedUntil, actor }: ShredRecordOfReasonsCommand): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    const stream = applicationStream(applicationId);
    const { version, events } = await this.store.readStream(stream);
    const unchanged = { applicationId, version, position: null, events: [] };
    if (version === 0) return unchanged;
    const command: ShredRecordOfReasons = {
      type: 'ShredRecordOfReasons',
      data: { retainedUntil, ...reasonsSealing(applicationId, events) },
      metadata: { now, actor },
    };
    const state = events.reduce<Application>((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    if (applicationDecider.decide(command, state).length === 0) return unchanged;

    const subject = recordSubject(this.keys, applicationId);
    await this.keys.destroy([subject]);
    await this.mailer.purge({ subjects: [subject], emails: [] });
    const result = await handle(this.store, stream, applicationDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
      expectedVersion: version,
    });
    return { applicationId, version: result.version, position: result.position, events: result.events.map((e) => e.type) };
  }
}

/** The retention timer's handler, for the work side; needs the global EventStore, SubjectKeys, Mailer and Clock. */
@Module({ providers: [ShredRecordOfReasonsHandler] })
export class RecordRetentionModule {}
