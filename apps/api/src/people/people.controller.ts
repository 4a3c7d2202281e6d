import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, accountStream } from '@cert/domain';
import { EventStore } from '@cert/event-store';
import { IdentityStore, accountNames } from '@cert/identity';
import { historyEntries } from '@cert/audit';
import { Access } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { ChangeRoleDto, DeactivatePersonDto, InvitePersonDto } from './people.dto';
import { PeopleService } from './people.service';

/**
 * docs/DOMAIN.md, Who uses it: staff invite the people who run the cycle (staff, reviewers, the board, auditors,
 * operators), change their roles and deactivate them, each with who did it and why; auditors read that history.
 * Applicants are not here: they sign themselves in by email link.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly store: EventStore,
    private readonly identity: IdentityStore,
  ) {}

  @Get()
  @Access('people.list')
  @Operation('Everyone who signs in with a password, with their role and whether they are invited, active or deactivated', ['PersonView'])
  list(@Query() _query: ReadQueryDto) {
    return this.people.list();
  }

  @Post('invitations')
  @Access('people.invite')
  @Operation('Invite a person with a role; the invitation mail carries a single-use set-password link', 'PersonResult')
  invite(@Body() dto: InvitePersonDto, @CurrentActor() actor: Actor) {
    return this.people.invite(dto, actor);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @Access('people.invitation.resend')
  @Operation('Send an invitation again, with a new link (the earlier ones stop working)', 'PersonResult')
  resend(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.people.resend(id, actor);
  }

  @Put(':id/role')
  @Access('people.role.change')
  @Operation("Change a person's role, with the reason", 'PersonResult')
  changeRole(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto, @CurrentActor() actor: Actor) {
    return this.people.changeRole(id, dto.role, dto.reason, actor);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @Access('people.deactivate')
  @Operation('Deactivate a person, with the reason: their sessions end at once and their past actions keep their name', 'PersonResult')
  deactivate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DeactivatePersonDto, @CurrentActor() actor: Actor) {
    return this.people.deactivate(id, dto.reason, actor);
  }

  /** Read from the log itself: who invited, re-invited, changed or deactivated the person, when and why. */
  @Get(':id/history')
  @Access('people.history')
  @Operation('What staff changed about a person: who, when and why, from the log', ['HistoryEntry'])
  async history(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    const { events } = await this.store.readStream(accountStream(id));
    // A person erased since still has their history; a person never known has none.
    if (!events.length) await this.people.account(id);
    return historyEntries(events, { names: await accountNames(this.identity) });
  }
}
