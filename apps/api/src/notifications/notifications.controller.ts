import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Actor } from '@cert/domain';
import { MarkAllNotificationsReadCommand, MarkNotificationReadCommand } from '@cert/commands';
import { ReadDb, feedFor } from '@cert/projections';
import type { FeedQuery } from '@cert/contracts';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { NotificationIdPipe } from './notification-id.pipe';

class FeedQueryDto extends ReadQueryDto implements FeedQuery {
  // `?unreadOnly=false` must mean false: Boolean('false') is true, so only the words true and false convert.
  @ApiProperty({ required: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly unreadOnly?: boolean;
}

/** docs/DOMAIN.md, Notifications: everyone's in-app feed; each person sees and marks only their own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  @Get()
  @Access('notifications.feed')
  @Operation('Your notifications, newest first', 'FeedView')
  feed(@Query() query: FeedQueryDto, @CurrentActor() actor: Actor) {
    return feedFor(this.readDb.db, { userId: actor.id, email: actor.email }, { unreadOnly: query.unreadOnly });
  }

  /** Every unread notification of the caller at once; a repeat marks nothing and answers `marked: 0`. */
  @Post('read-all')
  @HttpCode(200)
  @Access('notifications.mark-all-read')
  @Operation('Mark all your notifications read', 'NotificationsReadResult')
  markAllRead(@CurrentActor() actor: Actor) {
    return this.commands.execute(new MarkAllNotificationsReadCommand(actor));
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @Access('notifications.mark-read')
  @Operation('Mark a notification read', 'NotificationReadResult')
  markRead(@Param('notificationId', NotificationIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.commands.execute(new MarkNotificationReadCommand(id, actor));
  }
}
