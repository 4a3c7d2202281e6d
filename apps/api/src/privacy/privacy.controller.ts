import { Body, Controller, Module, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cert/domain';
import { ErasureModule, SubjectErasure } from '@cert/privacy';
import { Allow } from '../auth/access.decorators';
import { CurrentActor } from '../auth/actor.decorator';
import { EraseSubjectDto } from './erase-subject.dto';
import { Operation } from '../http/operation.decorator';

/**
 * docs/DOMAIN.md, Erasure: on a person's request. Staff only: staff hold the applicants' records and correspondence and
 * check who is asking (docs/DOMAIN.md, Who uses it); auditors change nothing, operators run the machine, and a person
 * cannot erase themselves unchecked (an appeal or a legal hold may still need the record). The email travels in
 * the body, so it never appears in a request log line. The reasons for decisions are kept apart from the person
 * until their record's retention ends (docs/DOMAIN.md, Personal data and the record of reasons); the answer says so.
 */
@ApiTags('privacy')
@ApiBearerAuth()
@Allow('staff')
@Controller('privacy')
export class PrivacyController {
  constructor(private readonly erasure: SubjectErasure) {}

  @Post('erasures')
  @Operation(
    "Erase a person's data everywhere the engine keeps it; answers what went and what record of reasons is kept",
    'ErasureReport',
    {
      refuses: ['privacy.erase_not_allowed', 'privacy.account_in_office', 'subject.not_found'],
    },
  )
  erase(@Body() dto: EraseSubjectDto, @CurrentActor() actor: Actor) {
    return this.erasure.erase(dto.email, actor);
  }
}

/** The erasure route and what it needs; ApiModule imports it. */
@Module({ imports: [ErasureModule], controllers: [PrivacyController] })
export class PrivacyApiModule {}
