import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Actor } from '@cert/domain';
import { Clock } from '@cert/config';
import { PublishDirectoryListingCommand } from '@cert/commands';
import { MINUTE } from '@cert/identity';
import { ReadDb, directoryStanding, directoryYears, listDirectory, ownListing } from '@cert/projections';
import { Access, Public } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadQueryDto } from '../http/read-query.dto';
import { Operation } from '../http/operation.decorator';
import { directoryBookPdf } from './directory-book.pdf';
import { CheckpointSigner, CredentialIssuer, Witness, credentialUrls, latestCheckpoint, readCredentialList } from '@cert/audit';
import { EventLog, EventStore } from '@cert/event-store';
import { DirectoryListingDto, DirectoryQueryDto } from './directory.dto';
import { DirectoryYearPipe } from './directory-year.pipe';

// Open to everyone, so capped per client address like the other public doors; a book costs more to make.
const PER_MINUTE = (limit: number) => Throttle({ default: { limit, ttl: MINUTE } });

/**
 * docs/DOMAIN.md, Who's-who directory: the public directory of designated programs, reachable without sign-in. Everything here reads
 * the `directory_entry` read model, which holds only what each leader opted in to show.
 */
@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly readDb: ReadDb,
    private readonly clock: Clock,
    private readonly log: EventLog,
    private readonly witness: Witness,
    private readonly checkpoints: CheckpointSigner,
    private readonly store: EventStore,
    private readonly issuer: CredentialIssuer,
  ) {}

  /**
   * docs/DOMAIN.md, Verifiable credentials: a listed program whose designation credential is in good standing shows a
   * "verified" mark linking to that credential's public verification page.
   */
  private async verified(): Promise<(applicationId: string) => string | undefined> {
    const list = await readCredentialList(this.store);
    const urls = credentialUrls(this.issuer.publicUrl);
    const byApplication = new Map<string, string>();
    for (const c of Object.values(list.byId))
      if (c.kind === 'designation' && c.status === 'active')
        byApplication.set(c.applicationId, urls.verification(c.credentialId.replace(/^urn:uuid:/, '')));
    return (applicationId) => byApplication.get(applicationId);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(120)
  @Get()
  @Header('Cache-Control', 'no-cache')
  @Operation('Search the public directory of designated programs', 'DirectoryPageView')
  async list(@Query() { year, country, q }: DirectoryQueryDto) {
    const entries = listDirectory(this.readDb.db, { year, country, q }, await this.verified());
    return { count: entries.length, years: directoryYears(this.readDb.db), entries };
  }

  /**
   * The book of one year: the programs whose entry shows a designation or an award in that year, as `?year=` finds
   * them. An entry that shows neither year is in the online directory only: its inclusion would reveal the year.
   */
  @Public()
  @UseGuards(ThrottlerGuard)
  @PER_MINUTE(20)
  @Get('books/:year.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-cache')
  @Operation("The year's directory book", { file: 'application/pdf' })
  async book(@Param('year', DirectoryYearPipe) year: number, @Query() _query: ReadQueryDto) {
    const entries = listDirectory(this.readDb.db, { year }, await this.verified());
    // docs/DOMAIN.md, What auditors need: the book names the latest signed checkpoint of the log it was made from.
    const checkpoint = await latestCheckpoint(this.log, this.witness, this.checkpoints);
    const pdf = await directoryBookPdf({ year, generatedAt: this.clock.now().toISOString(), entries, checkpoint });
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="whos-who-${year}.pdf"` });
  }
}

/** The leader's side: opt in with the fields to show, change it, withdraw; staff, board and auditors may read it. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('applications')
export class DirectoryListingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readDb: ReadDb,
  ) {}

  @Get(':id/directory-listing')
  @Access('application.directory-listing.read')
  @Operation("Read the leader's directory listing and the designation it rests on", 'DirectoryListingView')
  get(@Param('id', ParseUUIDPipe) id: string, @Query() _query: ReadQueryDto) {
    return { ...ownListing(this.readDb.db, id), designation: directoryStanding(this.readDb.db, id) };
  }

  @Put(':id/directory-listing')
  @Access('application.directory-listing.write')
  @Operation('List the program in the directory, with the fields to show', 'CommandResult')
  publish(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DirectoryListingDto, @CurrentActor() actor: Actor) {
    return this.commands.execute(
      new PublishDirectoryListingCommand(id, { fields: dto.fields, focusAreas: dto.focusAreas ?? [], summary: dto.summary ?? null }, actor),
    );
  }

  @Delete(':id/directory-listing')
  @HttpCode(200)
  @Access('application.directory-listing.write')
  @Operation('Withdraw the program from the directory', 'CommandResult')
  withdraw(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.commands.execute(new PublishDirectoryListingCommand(id, null, actor));
  }
}
