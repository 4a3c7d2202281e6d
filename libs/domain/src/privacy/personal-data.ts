/**
 * Issue 5, erasure without breaking the proof: which fields of which events hold personal data, and whose. The store
 * encrypts each such field under a key per data subject before handle() hashes the event; erasing a person destroys
 * their key, and the field then reads as ERASED everywhere while the hashes (over the ciphertext) still verify.
 *
 * Only names, contact details and free text are listed. Levels, codes, dates, ids and the decision's inputs stay
 * clear, so state, timelines and the recomputed decision survive an erasure (DOMAIN.md, What auditors need).
 */

/** What an encrypted field reads as once its key is destroyed. */
export const ERASED = '[erased]';

/**
 * Whose data a field is. `applicant`: the leader the application is about (keyed by the survey's contact email).
 * `reviewer`: the reviewer named in the event (their own words). `recipient`: the person a notification went to.
 * A field with two owners is encrypted under both keys, nested, so erasing either person erases it.
 */
export type DataOwner = 'applicant' | 'reviewer' | 'recipient';

/** `path` walks the event's data: dots into objects, `[]` over every element of an array; string leaves only. */
export type PersonalField = { path: string; owners: readonly DataOwner[] };

const applicant = (...paths: string[]): PersonalField[] => paths.map((path) => ({ path, owners: ['applicant'] }));

// DOMAIN.md, step 1: who the leader is and what they wrote. Institution type, country, region, years, students
// served and focus areas stay clear: categories, not identities, and reviewer conflicts and statistics read them.
const SURVEY = applicant(
  'survey.leaderName', 'survey.contactEmail', 'survey.institution.name', 'survey.programDescription',
  'survey.underrepresentedReach', 'survey.partners[]',
);

/** By event type, for the current schema version of each (the only one ever written from now on). */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly PersonalField[]>> = {
  SurveySubmitted: SURVEY,
  NominationLinked: SURVEY,
  SurveyRejected: applicant('reason'),
  AssessmentDraftSaved: applicant('ratings[].evidence'),
  AssessmentSubmitted: applicant('ratings[].evidence'),
  ProgressUpdateSubmitted: applicant('ratings[].evidence'),
  // Issue 8: a reviewer's word on a progress update, like their review comments.
  ProgressConfirmationRecorded: [{ path: 'verdicts[].comment', owners: ['applicant', 'reviewer'] }],
  AssessmentDeadlineExtended: applicant('reason'),
  ReviewerReleased: applicant('reason'),
  // A reviewer's comment is theirs and about the applicant: either one's erasure removes it.
  ScoresDraftSaved: [{ path: 'scores[].comment', owners: ['applicant', 'reviewer'] }],
  ScoresSubmitted: [{ path: 'scores[].comment', owners: ['applicant', 'reviewer'] }],
  // Board and staff texts are written in office but about the applicant; the decision's rule and inputs stay clear.
  AdjudicationResolved: applicant('justification'),
  DecisionRecorded: applicant('justification'),
  // DOMAIN.md, step 6: the appeal statement is the applicant's own words.
  AppealFiled: applicant('statement'),
  // Issue 8, who's who: the name and institution the leader chose to show, and their best-practice summary. Country
  // and focus areas stay clear, as on the survey. Erasing the leader removes the entry from the directory entirely.
  DirectoryListingPublished: applicant('leaderName', 'institution', 'summary'),
  // Issue 8, awards: a nomination names the leader, up to three teachers and up to three student portfolios. Every
  // award-cycle event about one nomination carries its applicationId, so these are sealed under that leader's key
  // (erasing the leader erases the teachers' and students' entries they made). Subjects, countries, scores, the
  // ranking and the selection's recipients stay clear, so the cycle can be replayed and checked after an erasure.
  AwardNominationSubmitted: applicant(
    'leaderName', 'institutionName', 'teachers[].name', 'teachers[].statement', 'portfolios[].title', 'portfolios[].summary', 'portfolios[].link',
  ),
  AwardNominationScored: applicant('comment'),
  SummitInvitationDeclined: applicant('reason'),
  ConflictDeclared: [{ path: 'reason', owners: ['reviewer'] }],
  NotificationSent: [
    { path: 'recipientEmail', owners: ['recipient'] },
    { path: 'subject', owners: ['applicant'] },
  ],
};

/** Event types whose data names the applicant directly: their subject comes from the event itself. */
export const SURVEY_EVENT_TYPES: readonly string[] = ['SurveySubmitted', 'NominationLinked'];

export const isErased = (value: unknown): boolean => value === ERASED;
