import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssignReviewersHandler } from './application/assign-reviewers.command';
import { DecideApplicationHandler } from './application/decide-application.command';
import { MarkNotificationReadHandler } from './notification/mark-notification-read.command';
import { MarkAllNotificationsReadHandler } from './notification/mark-all-notifications-read.command';
import { ReplaceOverdueReviewerHandler } from './application/replace-overdue-reviewer.command';
import { SubmitSurveyHandler } from './application/submit-survey.command';
import { SetBlindReviewHandler } from './review/set-blind-review.command';
import { DeclareConflictHandler } from './reviewer/declare-conflict.command';
import { WithdrawConflictHandler } from './reviewer/withdraw-conflict.command';
import { RecordProgressConfirmationHandler, RequestProgressConfirmationHandler } from './application/progress-confirmation.command';
import { StartRenewalHandler } from './application/start-renewal.command';
import { PublishDirectoryListingHandler } from './directory/directory-listing.command';
import { AWARD_HANDLERS } from './award/award-handlers';

/** Every command handler; EventStore, Clock, ReadDb and IdentityStore come from global modules. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    DecideApplicationHandler,
    SubmitSurveyHandler,
    AssignReviewersHandler,
    ReplaceOverdueReviewerHandler,
    MarkNotificationReadHandler,
    MarkAllNotificationsReadHandler,
    DeclareConflictHandler,
    WithdrawConflictHandler,
    SetBlindReviewHandler,
    RequestProgressConfirmationHandler,
    RecordProgressConfirmationHandler,
    StartRenewalHandler,
    PublishDirectoryListingHandler,
    ...AWARD_HANDLERS,
  ],
  exports: [CqrsModule],
})
export class CommandsModule {}
