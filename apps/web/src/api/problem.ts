import type { FieldError, ProblemCode } from '@cert/contracts';

/** An `application/problem+json` answer from the API, with 400 field errors keyed by field path. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode | undefined;
  readonly detail: string | undefined;
  readonly fields: Record<string, string[]>;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.title === 'string' ? body.title : `request failed (${status})`);
    this.status = status;
    this.body = body;
    this.code = typeof body.code === 'string' ? (body.code as ProblemCode) : undefined;
    this.detail = typeof body.detail === 'string' ? body.detail : undefined;
    const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    this.fields = Object.fromEntries(errors.map((e) => [e.field, e.messages]));
  }

  /** The API's sentence for one field, shown as it is: the server words it for people (apps/api/src/http/field-messages.ts). */
  fieldMessage(field: string): string | undefined {
    const messages = this.fields[field];
    return messages?.length ? messages.join('. ') : undefined;
  }

  /** Field errors under a prefix (`ratings.3.evidence` for `ratings`), by the rest of the path. */
  fieldsUnder(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of Object.keys(this.fields)) {
      if (field.startsWith(`${prefix}.`)) out[field.slice(prefix.length + 1)] = this.fieldMessage(field)!;
    }
    return out;
  }
}

/**
 * The error summary's lines for a refused send (components/ErrorSummary.tsx): each field's sentence, linking to the input
 * `idOf` names for its path. Fields without an input on the page still show, linking to the form's first input.
 */
export function summaryOf(error: unknown, idOf: (field: string) => string | undefined): { message: string; targetId: string }[] {
  if (!(error instanceof ApiProblem) || error.status !== 400) return [];
  const ids = Object.keys(error.fields).map((field) => idOf(field));
  const fallback = ids.find((id) => id !== undefined) ?? '';
  return Object.keys(error.fields).map((field, i) => ({ message: error.fieldMessage(field)!, targetId: ids[i] ?? fallback }));
}

/** What to tell a person, never a raw error: the problem's code in plain words, or its detail. */
export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) {
    const known = error.code && KNOWN[error.code];
    if (known) return known;
    if (error.status === 400 && Object.keys(error.fields).length > 0) return 'Some answers need attention: see the marked fields.';
    if (error.status === 404) return 'This page does not exist, or it is not open to you.';
    if (error.status === 401) return 'Your session has ended. Please sign in again.';
    // A 403 with its own code is a standing on this record (a conflict of interest, not assigned): its words say which.
    if (error.status === 403 && (!error.code || error.code === 'access.denied')) return 'Your role cannot do this.';
    if (error.status >= 500) return 'Something went wrong on our side. Your work is kept on this page; please try again in a minute.';
    return error.detail ?? error.message;
  }
  if (error instanceof TypeError) return 'The service cannot be reached. Check your connection; your work is kept on this page.';
  return 'Something went wrong. Your work is kept on this page; please try again.';
}

// Keyed by the API's codes, so a code that no longer exists fails to compile.
const KNOWN: Partial<Record<ProblemCode, string>> = {
  'assessment.incomplete': 'Every indicator needs a level and evidence before you can submit.',
  'assessment.not_open': 'The self-assessment is not open for this application.',
  'assessment.deadline_passed': 'The self-assessment deadline has passed. IASL staff can extend it; reply to your invitation email.',
  'assessment.extension_not_later': 'The new due date must be later than now and later than the current due date.',
  'review.incomplete': 'Every indicator needs a level and a comment before you can finish.',
  'review.scores_locked': 'You have finished this review; finished scores are locked.',
  'review.not_assigned': 'This application is not assigned to you.',
  'review.not_open': 'Reviews are not open for this application right now.',
  'review.not_enough_reviewers': 'There are not enough eligible reviewers for auto-assignment. Pick reviewers by hand or add reviewers.',
  'review.conflict_of_interest': 'That reviewer has a conflict of interest with this application.',
  'review.already_assigned': 'That reviewer is already assigned.',
  'decision.justification_required': 'Overruling the recommendation needs a longer justification: the decision policy sets the minimum.',
  'adjudication.rulings_mismatch': 'Give a ruling for exactly the disputed indicators.',
  'adjudication.justification_required': 'A ruling needs a justification.',
  'adjudication.not_needed': 'This application does not need adjudication.',
  'application.not_applicant': 'Only the leader named on the survey can do this.',
  'assessment.not_extendable': 'Only an open or lapsed self-assessment can be extended.',
  'decision.already_recorded': 'The board has already decided this application.',
  'decision.not_ready': 'This application is not ready for a decision yet.',
  'review.already_finished': 'That reviewer has already finished; finished reviews stay.',
  'survey.not_in_screening': 'This survey has already been screened.',
  'subject.not_found': 'Nobody with this email address is known here. Check the spelling and try again.',
  'stream.version_conflict':
    'Someone else changed this application meanwhile. The page now shows the latest state; please check and try again.',
};
