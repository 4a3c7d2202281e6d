import { DecideAwardCycleHandler } from './decide-award-cycle.command';
import { NominateForAwardHandler } from './nominate-for-award.command';
import { RespondToSummitInvitationHandler } from './respond-to-summit-invitation.command';
import { ScoreNominationHandler } from './score-nomination.command';

/** The award cycle's handlers (docs/DOMAIN.md, Awards and summit): registered in commands.module.ts in one line. */
export const AWARD_HANDLERS = [DecideAwardCycleHandler, NominateForAwardHandler, ScoreNominationHandler, RespondToSummitInvitationHandler];
