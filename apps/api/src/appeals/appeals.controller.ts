import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { DecideApplicationCommand } from '@cert/commands';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ExpectedVersion } from '../http/expected-version.decorator';
import { Operation } from '../http/operation.decorator';
import { FileAppealDto, RouteAppealDto } from './appeal.dto';

/**
 * docs/DOMAIN.md, Appeals: the applicant appeals within the window; staff route the appeal. The board decides it through
 * the ordinary decision route (POST /applications/:id/decision), which links the decision to the one appealed.
 */
@ApiTags('appeals')
@ApiBearerAuth()
@Controller('applications/:id/appeals')
export class AppealsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access('application.appeal.file')
  @Operation('Appeal the decision, with a statement', 'CommandResult')
  file(@Param('id', ParseUUIDPipe) id: string, @Body() dto: FileAppealDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'FileAppeal', data: { statement: dto.statement } }, actor, v));
  }

  @Post('route')
  @HttpCode(200)
  @Access('application.appeal.route')
  @Operation('Route an appeal to a fresh review or to the board', 'CommandResult')
  route(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RouteAppealDto, @CurrentActor() actor: Actor, @ExpectedVersion() v?: number) {
    return this.commands.execute(new DecideApplicationCommand(id, { type: 'RouteAppeal', data: { route: dto.route } }, actor, v));
  }
}
