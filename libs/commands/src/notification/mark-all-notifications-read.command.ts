import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, notificationDecider, notificationStream } from '@cert/domain';
import { Clock } from '@cert/config';
import { EventStore, handle } from '@cert/event-store';
import { LogRunner, ReadDb, unreadNotificationIds } from '@cert/projections';
import type { NotificationsReadResult } from '@cert/contracts';

export class MarkAllNotificationsReadCommand extends Command<NotificationsReadResult> {
  constructor(readonly actor: Actor) {
    super();
  }
}

/**
 * docs/DOMAIN.md, Notifications: "mark all read" is the single mark, once per unread notification of the caller's feed.
 * Each goes through handle() on its own stream, so the decider still checks it is the caller's, and a notification
 * already read (by another tab, or a repeat of this call) decides nothing.
 */
@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<MarkAllNotificationsReadCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly readDb: ReadDb,
    private readonly runner: LogRunner,
  ) {}

  async execute({ actor }: MarkAllNotificationsReadCommand): Promise<NotificationsReadResult> {
    // "All" is the feed as the read tables hold it: first up to every notification written before this command.
    await this.runner.catchUpToHead();
    const now = this.clock.now().toISOString();
    let marked = 0;
    let position: string | null = null;
    for (const id of unreadNotificationIds(this.readDb.db, { userId: actor.id, email: actor.email })) {
      const command = { type: 'MarkNotificationRead' as const, data: {}, metadata: { now, actor } };
      const result = await handle(this.store, notificationStream(id), notificationDecider, command, {
        actorId: actor.id,
        actorRole: actor.role,
        now,
      });
      if (result.events.length > 0) marked += 1;
      position = result.position ?? position;
    }
    return { marked, position };
  }
}
