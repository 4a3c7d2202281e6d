import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, notificationDecider, notificationStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import type { NotificationReadResult } from '@cert/contracts';

export class MarkNotificationReadCommand extends Command<NotificationReadResult> {
  constructor(
    readonly notificationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ notificationId, actor }: MarkNotificationReadCommand) {
    const now = this.clock.now().toISOString();
    const command = { type: 'MarkNotificationRead' as const, data: {}, metadata: { now, actor } };
    const result = await handle(this.store, notificationStream(notificationId), notificationDecider, command, {
      actorId: actor.id,
      actorRole: actor.role,
      now,
    });
    return { position: result.position };
  }
}
