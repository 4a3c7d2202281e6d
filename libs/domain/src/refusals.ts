/**
 * Every refusal the engine answers, by kind and stable code (docs/ARCHITECTURE.md, Errors). The error classes take
 * only a code listed under their kind, so a new refusal starts here; the api documents each route's codes from here.
 */
export const REFUSALS = {
  NotFound: [
    'application.not_found', 'assignment.not_found', 'award-cycle.not_found', 'award-invitation.not_found', 'award-nomination.not_found',
    'conflict.not_found', 'notification.not_found', 'progress_confirmation.not_found', 'recommendation.not_found', 'reviewer.not_found',
  ],
  InvalidState: [
    'adjudication.not_needed', 'appeal.already_filed', 'appeal.already_routed', 'appeal.appeal_decision_final', 'appeal.decision_final',
    'appeal.no_decision', 'appeal.not_filed', 'appeal.window_closed', 'assessment.not_extendable', 'assessment.not_open',
    'award.already_nominated', 'award.already_selected', 'award.cycle_exists', 'award.no_nominations', 'award.nominations_closed',
    'award.nominations_still_open', 'award.not_designated', 'award.recipient_not_designated', 'award.scoring_closed', 'award.scoring_open',
    'award.term_ended', 'decision.already_recorded', 'decision.not_ready', 'directory.not_designated', 'directory.term_ended',
    'progress.confirmation_recorded', 'progress.designation_ended', 'progress.no_designation', 'progress.no_update', 'progress.window_not_open',
    'renewal.already_started', 'renewal.applicant_erased', 'renewal.no_designation', 'renewal.no_term', 'renewal.not_open_yet',
    'renewal.stream_taken', 'renewal.term_ended', 'review.already_finished', 'review.not_open', 'review.reviewed_earlier_round',
    'review.scores_locked', 'survey.already_submitted', 'survey.not_in_screening',
  ],
  DeadlinePassed: ['assessment.deadline_passed', 'award-nomination.deadline_passed', 'award-rsvp.deadline_passed'],
  RuleViolation: [
    'adjudication.invalid_level', 'adjudication.justification_required', 'adjudication.rulings_mismatch', 'appeal.statement_required',
    'assessment.extension_not_later', 'assessment.incomplete', 'assessment.invalid_level', 'assessment.repeated_indicator',
    'assessment.unknown_indicator', 'award.invalid_count', 'award.invalid_dates', 'award.invalid_selection', 'award.justification_required',
    'award.scores_invalid', 'award.too_many_portfolios', 'award.too_many_recipients', 'award.too_many_teachers', 'award.unknown_criteria',
    'conflict.target_required', 'decision.justification_required', 'directory.focus_areas_invalid', 'directory.identity_required',
    'directory.summary_invalid', 'directory.unknown_field', 'privacy.account_in_office', 'progress.dispute_comment_required',
    'progress.incomplete', 'progress.invalid_level', 'progress.repeated_indicator', 'progress.unknown_indicator', 'progress.verdicts_mismatch',
    'renewal.self', 'review.already_assigned', 'review.incomplete', 'review.invalid_level', 'review.not_assigned', 'review.not_enough_reviewers',
    'review.repeated_indicator', 'review.unknown_indicator', 'review.unknown_reviewer',
  ],
  Forbidden: [
    'application.not_applicant', 'auth.csrf_invalid', 'award.conflict_of_interest', 'award.not_allowed', 'conflict.not_allowed', 'conflict.pinned',
    'cycle.not_allowed', 'directory.not_applicant', 'privacy.erase_not_allowed', 'progress.confirmation_staff_only', 'renewal.not_allowed',
    'review.conflict_of_interest', 'review.not_assigned',
  ],
} as const;

export type RefusalKind = keyof typeof REFUSALS;
export type RefusalOf<K extends RefusalKind> = (typeof REFUSALS)[K][number];
export type RefusalCode = RefusalOf<RefusalKind>;
