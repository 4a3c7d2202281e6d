/** Tables of the application-summary projection. Times are stored as recorded (ISO-8601 UTC from the clock). */
export const APPLICATION_SUMMARY_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS application_summary (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT NOT NULL,
    leader_name TEXT NOT NULL,
    applicant_email TEXT NOT NULL,
    institution_name TEXT NOT NULL,
    institution_key TEXT NOT NULL,
    institution_type TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    nominators TEXT NOT NULL,
    as_nominator INTEGER NOT NULL,
    rubric_version TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    due_at TEXT,
    assessment_rated INTEGER NOT NULL,
    assessment_submitted_at TEXT,
    reviewers TEXT NOT NULL,
    disputed TEXT NOT NULL,
    recommendation TEXT,
    recommendation_rule TEXT,
    overall_mean REAL,
    decision_outcome TEXT,
    decision_overruled INTEGER,
    decision_justification TEXT,
    decided_at TEXT,
    survey TEXT NOT NULL,
    last_version INTEGER NOT NULL,
    last_position TEXT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS application_summary_duplicate ON application_summary (applicant_email, institution_key)',
  'CREATE INDEX IF NOT EXISTS application_summary_status ON application_summary (status, updated_at)',
  `CREATE TABLE IF NOT EXISTS application_timeline (
    application_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    position TEXT NOT NULL,
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (application_id, version)
  )`,
  `CREATE TABLE IF NOT EXISTS application_assessment (
    application_id TEXT NOT NULL,
    indicator TEXT NOT NULL,
    level INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
    PRIMARY KEY (application_id, indicator)
  )`,
  `CREATE TABLE IF NOT EXISTS growth_report (
    application_id TEXT PRIMARY KEY,
    items TEXT NOT NULL,
    issued_at TEXT NOT NULL
  )`,
];

export const APPLICATION_SUMMARY_TABLES = ['application_summary', 'application_timeline', 'application_assessment', 'growth_report'];
