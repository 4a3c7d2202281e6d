import type { Database } from 'better-sqlite3';
import {
  AppealRoute,
  ApplicationStatus,
  CLOSED_STATUSES,
  DECISION_POLICIES,
  Names,
  Outcome,
  References,
  actorName,
  describeEvent,
  indicatorCodes,
  normalizeEmail,
  policyByVersion,
  rubricByVersion,
} from '@cert/domain';
import type {
  ApplicantListItem,
  ApplicationSummaryView,
  AssessmentItemView,
  GrowthReportView,
  PossibleDuplicate,
  StaffQueue,
  StaffQueueItem,
  TimelineEntryView,
} from '@cert/contracts';
import { APPLICATION_STATUSES, institutionKey } from '../labels';

/** The closed statuses as an SQL list: constants of the domain, not input. */
const CLOSED = `(${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

type SummaryRow = Record<string, string | number | null>;
type View = ApplicationSummaryView;

const total = (rubricVersion: string) => indicatorCodes(rubricByVersion(rubricVersion)).length;

const toView = (r: SummaryRow): ApplicationSummaryView => ({
  id: r.id as string,
  reference: r.reference as string,
  status: r.status as ApplicationStatus,
  stage: r.stage as string,
  leaderName: r.leader_name as string,
  applicantEmail: r.applicant_email as string,
  institutionName: r.institution_name as string,
  institutionType: r.institution_type as string,
  country: r.country as string,
  region: r.region as string,
  submittedBy: r.submitted_by as string,
  nominators: JSON.parse(r.nominators as string) as string[],
  asNominator: r.as_nominator === 1,
  rubricVersion: r.rubric_version as string,
  policyVersion: r.policy_version as string,
  submittedAt: r.submitted_at as string,
  updatedAt: r.updated_at as string,
  dueAt: r.due_at as string | null,
  assessmentRated: r.assessment_rated as number,
  assessmentTotal: total(r.rubric_version as string),
  assessmentSubmittedAt: r.assessment_submitted_at as string | null,
  reviewers: JSON.parse(r.reviewers as string) as View['reviewers'],
  disputed: JSON.parse(r.disputed as string) as View['disputed'],
  survey: JSON.parse(r.survey as string) as View['survey'],
  appealUntil: r.appeal_until as string | null,
  decisionFinal: r.decision_final === 1,
  designationStatus: r.designation_status as 'active' | 'suspended' | 'expired' | 'renewed' | null,
  progressDueAt: r.progress_due_at as string | null,
  appealStatus: r.appeal_status as ApplicationSummaryView['appealStatus'],
  appealStatement: r.appeal_statement as string | null,
  appealRoute: r.appeal_route as AppealRoute | null,
  appealFiledAt: r.appeal_filed_at as string | null,
  appealOf: r.appeal_of === null ? null : (JSON.parse(r.appeal_of as string) as View['appealOf']),
  earlierReviewers: JSON.parse((r.earlier_reviewers as string) ?? '[]') as string[],
  renewalOf: (r.renewal_of as string | null) ?? null,
  nominationStatus: (r.nomination_status as 'pending' | 'claimed' | null) ?? null,
  claimedAt: (r.claimed_at as string | null) ?? null,
  recommendation: r.recommendation as Outcome | null,
  recommendationRule: r.recommendation_rule as string | null,
  overallMean: r.overall_mean as number | null,
  decisionOutcome: r.decision_outcome as Outcome | null,
  decisionOverruled: r.decision_overruled === null ? null : r.decision_overruled === 1,
  decisionJustification: r.decision_justification as string | null,
  decidedAt: r.decided_at as string | null,
  version: r.last_version as number,
  position: r.last_position as string,
});

export const getApplication = (db: Database, id: string): ApplicationSummaryView | null => {
  const row = db.prepare('SELECT * FROM application_summary WHERE id = ?').get(id) as SummaryRow | undefined;
  return row ? toView(row) : null;
};

/** An application's reference by its id, for sentences that name another application (a renewal). */
export const applicationReferences =
  (db: Database): References =>
  (id) =>
    (db.prepare('SELECT reference FROM application_summary WHERE id = ?').pluck().get(id) as string | undefined) ?? undefined;

/** The leader's name on the latest application of this contact email, for an applicant account with no name of its own. */
export const leaderNameByEmail =
  (db: Database) =>
  (email: string): string | null =>
    (db
      .prepare('SELECT leader_name FROM application_summary WHERE applicant_email = ? ORDER BY submitted_at DESC LIMIT 1')
      .pluck()
      .get(normalizeEmail(email)) as string | undefined) ?? null;

type TimelineRow = {
  version: number;
  position: string;
  type: string;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  data: string;
  appealDecided: number;
};

/**
 * Every step of an application, oldest first, each in the sentence of the event registry and with who took it.
 * Worded here, when read, so `names` gives the names people have now ("[erased person]" once erased); without
 * `names`, people read as their ids and actors as their roles (docs/DOMAIN.md, Names).
 */
export const getTimeline = (db: Database, id: string, names?: Names): TimelineEntryView[] => {
  const rows = db
    .prepare(
      `SELECT version, position, type, occurred_at AS occurredAt, actor_id AS actorId, actor_role AS actorRole, data,
       appeal_decided AS appealDecided FROM application_timeline WHERE application_id = ? ORDER BY version`,
    )
    .all(id) as TimelineRow[];
  const references = applicationReferences(db);
  return rows.map(({ data, appealDecided, ...row }) => {
    const event = { type: row.type, data: JSON.parse(data) as unknown, metadata: row };
    return {
      ...row,
      actorName: actorName(event, names),
      summary: describeEvent(event, { names, references, appealDecided: appealDecided === 1 }),
    };
  });
};

/** In rubric order (outcome by outcome, as the IC Map reads), not alphabetical. */
export const getAssessment = (db: Database, id: string): AssessmentItemView[] => {
  const items = db
    .prepare('SELECT indicator, level, evidence, state FROM application_assessment WHERE application_id = ?')
    .all(id) as AssessmentItemView[];
  const version = db.prepare('SELECT rubric_version FROM application_summary WHERE id = ?').pluck().get(id) as string | undefined;
  const order = version ? indicatorCodes(rubricByVersion(version)) : [];
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return items.sort((a, b) => rank(a.indicator) - rank(b.indicator) || a.indicator.localeCompare(b.indicator));
};

export const getGrowthReport = (db: Database, id: string): GrowthReportView | null => {
  const row = db.prepare('SELECT items, issued_at FROM growth_report WHERE application_id = ?').get(id) as
    { items: string; issued_at: string } | undefined;
  return row ? { applicationId: id, items: JSON.parse(row.items) as GrowthReportView['items'], issuedAt: row.issued_at } : null;
};

/**
 * An open application of the same leader and institution, which a second nomination joins (docs/DOMAIN.md, The
 * lifecycle (one application = one event stream), step 1); a closed one (CLOSED_STATUSES) leaves room for a new cycle.
 */
export const findDuplicate = (db: Database, applicantEmail: string, institutionName: string): ApplicationSummaryView | null => {
  const row = db
    .prepare(
      `SELECT * FROM application_summary WHERE applicant_email = ? AND institution_key = ? AND status NOT IN ${CLOSED}
     ORDER BY submitted_at, id LIMIT 1`,
    )
    .get(normalizeEmail(applicantEmail), institutionKey(institutionName)) as SummaryRow | undefined;
  return row ? toView(row) : null;
};

/** How many earlier cycles of this leader and institution are closed: the next one is a new application. */
export const closedApplicationCount = (db: Database, applicantEmail: string, institutionName: string): number =>
  (
    db
      .prepare(`SELECT count(*) AS n FROM application_summary WHERE applicant_email = ? AND institution_key = ? AND status IN ${CLOSED}`)
      .get(normalizeEmail(applicantEmail), institutionKey(institutionName)) as { n: number }
  ).n;

/**
 * The leader's own applications in full (the api shapes what the applicant sees of them), a nomination waiting for
 * their claim included; nominations this user made or joined, each as they wrote it, and nothing of what the leader
 * did since (docs/DOMAIN.md, Who uses it).
 */
export type OwnApplicationItem =
  { role: 'applicant'; application: ApplicationSummaryView } | Extract<ApplicantListItem, { role: 'nominator' }>;

export const listApplicationsForApplicant = (db: Database, email: string, userId: string): OwnApplicationItem[] => {
  const leader = normalizeEmail(email);
  const own = (
    db.prepare('SELECT * FROM application_summary WHERE applicant_email = ? ORDER BY submitted_at DESC, id').all(leader) as SummaryRow[]
  ).map((r): OwnApplicationItem & { at: string } => ({ role: 'applicant', application: toView(r), at: r.submitted_at as string }));
  const nominated = (
    db
      .prepare(
        `SELECT n.application_id AS id, s.reference, n.leader_name AS leaderName, n.institution_name AS institutionName,
         n.submitted_at AS submittedAt FROM application_nomination n JOIN application_summary s ON s.id = n.application_id
         WHERE n.nominator_id = ? AND s.applicant_email != ?`,
      )
      .all(userId, leader) as Extract<ApplicantListItem, { role: 'nominator' }>['nomination'][]
  ).map((nomination): OwnApplicationItem & { at: string } => ({ role: 'nominator', nomination, at: nomination.submittedAt }));
  return [...own, ...nominated].sort((a, b) => b.at.localeCompare(a.at)).map(({ at: _at, ...item }) => item);
};

/** When this nominator's own nomination arrived (they may have joined an application opened earlier). */
export const nominatedAt = (db: Database, applicationId: string, nominatorId: string): string | null =>
  (db
    .prepare('SELECT submitted_at FROM application_nomination WHERE application_id = ? AND nominator_id = ?')
    .pluck()
    .get(applicationId, nominatorId) as string | undefined) ?? null;

// Open, or closed holding a standing: a later survey of the same leader and institution may be the same program.
const DESIGNATED = `designation_status IN ('active', 'suspended')`;

/**
 * docs/DOMAIN.md, The lifecycle (one application = one event stream), step 1: other applications that may be the same
 * leader's and institution's (same institution, and the same leader name or contact email), open or designated.
 * Flagged to staff at screening, never merged.
 */
export const possibleDuplicates = (db: Database, app: ApplicationSummaryView): PossibleDuplicate[] => {
  const rows = db
    .prepare(
      `SELECT id, reference, status, leader_name, institution_name, (${DESIGNATED}) AS designated FROM application_summary
       WHERE id != @id AND institution_key = @key AND (leader_key = @leader OR applicant_email = @email)
         AND (status NOT IN ${CLOSED} OR ${DESIGNATED}) AND (renewal_of IS NULL OR renewal_of != @id) AND id != IFNULL(@renewalOf, '')
         AND NOT EXISTS (SELECT 1 FROM duplicate_dismissal d WHERE (d.application_id = @id AND d.other_id = application_summary.id)
           OR (d.application_id = application_summary.id AND d.other_id = @id))
       ORDER BY submitted_at, id LIMIT 20`,
    )
    .all({
      id: app.id,
      key: institutionKey(app.institutionName),
      leader: leaderKeyOf(db, app.id),
      email: normalizeEmail(app.applicantEmail),
      renewalOf: app.renewalOf,
    }) as SummaryRow[];
  return rows.map((r) => ({
    id: r.id as string,
    reference: r.reference as string,
    status: r.status as ApplicationStatus,
    leaderName: r.leader_name as string,
    institutionName: r.institution_name as string,
    why: r.designated === 1 ? 'designated' : 'same-leader',
  }));
};

const leaderKeyOf = (db: Database, id: string) =>
  (db.prepare('SELECT leader_key FROM application_summary WHERE id = ?').pluck().get(id) as string | undefined) ?? '';

// Reviewers reviewing (not released, not adjudicating) and those the row's policy requires: constants of the domain, not input.
const ACTIVE_REVIEWERS = `(SELECT COUNT(*) FROM json_each(reviewers) WHERE json_extract(value, '$.purpose') = 'review' AND json_extract(value, '$.status') != 'released')`;
const REVIEWERS_REQUIRED = `(CASE policy_version ${DECISION_POLICIES.map((p) => `WHEN '${p.version}' THEN ${Number(p.reviewersRequired)}`).join(' ')} ELSE 0 END)`;
const NEEDS_REVIEWERS = `(status = 'UnderReview' AND ${ACTIVE_REVIEWERS} < ${REVIEWERS_REQUIRED})`;

const toQueueItem = (db: Database, view: ApplicationSummaryView): StaffQueueItem => {
  const reviewerCount = view.reviewers.filter((r) => r.purpose === 'review' && r.status !== 'released').length;
  const reviewersRequired = policyByVersion(view.policyVersion).reviewersRequired;
  const duplicates = view.status === 'Screening' ? possibleDuplicates(db, view) : [];
  return {
    ...view,
    reviewerCount,
    reviewersRequired,
    needsReviewers: view.status === 'UnderReview' && reviewerCount < reviewersRequired,
    possibleDuplicates: duplicates,
  };
};

/** What a person types, as a LIKE pattern found anywhere (SQLite's LIKE ignores ASCII case; % and _ typed are taken literally). */
const containing = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type StaffQueueFilter = { status?: ApplicationStatus; q?: string; needsReviewers?: boolean; limit?: number; offset?: number };

/**
 * Oldest first: surveys by when they arrived, everything else by how long it has waited in its step. Filters by
 * status, by a text found in the reference, the leader's name or the institution's name, and to those short of reviewers.
 */
export const staffQueue = (db: Database, opts: StaffQueueFilter = {}): StaffQueue => {
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const r of db.prepare('SELECT status, COUNT(*) AS n FROM application_summary GROUP BY status').all() as {
    status: ApplicationStatus;
    n: number;
  }[]) {
    counts[r.status] = r.n;
  }
  const needsReviewers = (db.prepare(`SELECT COUNT(*) AS n FROM application_summary WHERE ${NEEDS_REVIEWERS}`).get() as { n: number }).n;
  const where = `(@status IS NULL OR status = @status)
     AND (@q IS NULL OR reference LIKE @q ESCAPE '\\' OR leader_name LIKE @q ESCAPE '\\' OR institution_name LIKE @q ESCAPE '\\')
     AND (@needs = 0 OR ${NEEDS_REVIEWERS})`;
  const params = { status: opts.status ?? null, q: opts.q?.trim() ? containing(opts.q) : null, needs: opts.needsReviewers ? 1 : 0 };
  const matching = (db.prepare(`SELECT COUNT(*) AS n FROM application_summary WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT * FROM application_summary WHERE ${where}
     ORDER BY CASE WHEN status = 'Screening' THEN submitted_at ELSE updated_at END, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: opts.limit ?? 50, offset: opts.offset ?? 0 }) as SummaryRow[];
  return { counts, needsReviewers, matching, items: rows.map(toView).map((view) => toQueueItem(db, view)) };
};

/**
 * docs/DOMAIN.md, Deadlines: assessments still open at or after their due date (the lapse timer may not have fired).
 * `dueAt` is returned exactly as recorded, since ExpireAssessment must quote it verbatim; julianday() compares
 * instants whatever their spelling ("…00Z" and "…00.000Z" would not order as text).
 */
export const overdueAssessments = (db: Database, nowIso: string): (ApplicationSummaryView & { dueAt: string })[] =>
  (
    db
      .prepare(
        `SELECT * FROM application_summary
     WHERE status = 'AwaitingAssessment' AND due_at IS NOT NULL AND julianday(due_at) <= julianday(?) ORDER BY julianday(due_at), id`,
      )
      .all(nowIso) as SummaryRow[]
  ).map((r) => toView(r) as ApplicationSummaryView & { dueAt: string });
