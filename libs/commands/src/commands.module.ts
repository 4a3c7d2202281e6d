import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssignReviewersHandler } from './application/assign-reviewers.command';
import { DecideApplicationHandler } from './application/decide-application.command';
import { SubmitSurveyHandler } from './application/submit-survey.command';
import { AssessmentDeadlineSweeper } from './deadlines/assessment-deadline.sweeper';

/** Every command handler; EventStore, Clock, ReadDb and IdentityStore come from global modules. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [DecideApplicationHandler, SubmitSurveyHandler, AssignReviewersHandler],
  exports: [CqrsModule],
})
export class CommandsModule {}

/** The deadline side of the work: only in processes that run timers (the embedded api, the worker). */
@Module({ imports: [CommandsModule], providers: [AssessmentDeadlineSweeper], exports: [AssessmentDeadlineSweeper] })
export class DeadlinesModule {}
