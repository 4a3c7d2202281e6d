import type { Database } from 'better-sqlite3';
import {
  APPLICATION_EVENT_TYPES,
  ApplicationEvent,
  ApplicationStatus,
  IndicatorRating,
  Survey,
  SurveySubmitted,
  normalizeEmail,
} from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import type { ReviewerEntry } from '@cert/contracts';
import { Projection } from '../projection';
import { STAGES, institutionKey, leaderKey } from '../labels';
import { APPLICATION_SUMMARY_SCHEMA, APPLICATION_SUMMARY_TABLES } from './application-summary.schema';
import { appealChanges } from './appeal-summary';

type Fields = Record<string, string | number | null>;

const moveTo = (status: ApplicationStatus): Fields => ({ status, stage: STAGES[status] });

const update = (db: Database, id: string, fields: Fields) => {
  const columns = Object.keys(fields);
  if (columns.length === 0) return;
  db.prepare(`UPDATE application_summary SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
};

const current = (db: Database, id: string) =>
  db.prepare('SELECT nominators, reviewers FROM application_summary WHERE id = ?').get(id) as
    { nominators: string; reviewers: string } | undefined;

const setReviewer = (
  db: Database,
  id: string,
  reviewerId: string,
  patch: (r: ReviewerEntry | undefined) => ReviewerEntry | undefined,
): Fields => {
  const reviewers = JSON.parse(current(db, id)?.reviewers ?? '[]') as ReviewerEntry[];
  const index = reviewers.findIndex((r) => r.reviewerId === reviewerId);
  const next = patch(reviewers[index]);
  if (!next) return {};
  if (index < 0) reviewers.push(next);
  else reviewers[index] = next;
  return { reviewers: JSON.stringify(reviewers) };
};

const insertSubmitted = (db: Database, { data }: SurveySubmitted) => {
  const { survey } = data;
  db.prepare(
    `INSERT OR REPLACE INTO application_summary (id, reference, status, stage, leader_name, applicant_email, institution_name,
       institution_key, institution_type, country, region, submitted_by, nominators, as_nominator, rubric_version, policy_version,
       submitted_at, updated_at, due_at, assessment_rated, assessment_submitted_at, reviewers, disputed, survey, leader_key,
       nomination_status, claimed_at, last_version, last_position)
     VALUES (@id, @reference, @status, @stage, @leaderName, @email, @institution, @key, @type, @country, @region, @submittedBy,
       @nominators, @asNominator, @rubricVersion, @policyVersion, @at, @at, NULL, 0, NULL, '[]', '[]', @survey, @leaderKey,
       @nominationStatus, NULL, 0, '')`,
  ).run({
    id: data.applicationId,
    reference: data.reference,
    ...moveTo('Screening'),
    leaderName: survey.leaderName,
    email: normalizeEmail(survey.contactEmail),
    institution: survey.institution.name,
    key: institutionKey(survey.institution.name),
    type: survey.institution.type,
    country: survey.institution.country,
    region: survey.institution.region,
    submittedBy: data.submittedBy,
    nominators: JSON.stringify(data.asNominator ? [data.submittedBy] : []),
    asNominator: data.asNominator ? 1 : 0,
    rubricVersion: data.rubricVersion,
    policyVersion: data.policyVersion,
    at: data.submittedAt,
    survey: JSON.stringify(survey),
    leaderKey: leaderKey(survey.leaderName),
    nominationStatus: data.asNominator ? 'pending' : null,
  });
  if (data.asNominator) addNomination(db, data.applicationId, data.submittedBy, survey, data.submittedAt);
};

const addNomination = (db: Database, id: string, nominatorId: string, survey: Survey, at: string) =>
  db
    .prepare(
      'INSERT OR IGNORE INTO application_nomination (application_id, nominator_id, leader_name, institution_name, submitted_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(id, nominatorId, survey.leaderName, survey.institution.name, at);

/** The leader's own answers, once they claim the nomination or change their survey, are what staff read. */
const surveyColumns = (survey: Survey): Fields => ({
  leader_name: survey.leaderName,
  leader_key: leaderKey(survey.leaderName),
  institution_name: survey.institution.name,
  institution_key: institutionKey(survey.institution.name),
  institution_type: survey.institution.type,
  country: survey.institution.country,
  region: survey.institution.region,
  survey: JSON.stringify(survey),
});

const saveRatings = (db: Database, id: string, ratings: IndicatorRating[], state: 'draft' | 'submitted') => {
  const upsert = db.prepare(
    `INSERT INTO application_assessment (application_id, indicator, level, evidence, state) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (application_id, indicator) DO UPDATE SET level = excluded.level, evidence = excluded.evidence, state = excluded.state`,
  );
  for (const r of ratings) upsert.run(id, r.indicator, r.level, r.evidence, state);
  return db.prepare('SELECT COUNT(*) FROM application_assessment WHERE application_id = ?').pluck().get(id) as number;
};

/** The summary columns an event changes; the timeline row and version bookkeeping are common to all. */
const changes = (db: Database, e: ApplicationEvent): Fields => {
  const id = e.data.applicationId;
  switch (e.type) {
    // AwardRecorded is carried by the awards read model (libs/projections/src/awards), the progress confirmations and
    // renewal steps by the progress read model (libs/projections/src/progress); the timeline shows them all.
    // Evidence documents and links have a read model of their own (libs/projections/src/evidence). The texts
    // RecordOfReasonsShredded destroyed leave the read models by the rebuild that follows it (docs/ARCHITECTURE.md, Read side).
    case 'SurveySubmitted':
    case 'EvidenceDocumentAttached':
    case 'EvidenceLinkAdded':
    case 'EvidenceRemoved':
    case 'ScoresDraftSaved':
    case 'AdjudicationResolved':
    case 'GrowthReportIssued':
    case 'AssessmentReminderIssued':
    case 'ReviewerReminderIssued':
    case 'ReviewOverdueEscalated':
    case 'ProgressReminderIssued':
    case 'AwardRecorded':
    case 'ProgressConfirmationRequested':
    case 'ProgressConfirmationRecorded':
    case 'RenewalReminderIssued':
    case 'RenewalStarted':
    case 'RecordOfReasonsShredded':
      return {};
    // A renewal names the designation it renews, so its pages know to show the earlier years.
    case 'RenewalOpened':
      return { renewal_of: e.data.renewalOf };
    case 'DesignationExpired':
      return { designation_status: 'expired' };
    case 'DesignationRenewed':
      return { designation_status: 'renewed' };
    case 'DecisionFinalized':
      return { decision_final: 1 };
    case 'DesignationSuspended':
      return { designation_status: 'suspended' };
    case 'ProgressUpdateSubmitted':
      return { progress_due_at: e.data.nextDueAt };
    case 'DesignationReinstated':
      return { designation_status: 'active' };
    case 'NominationClaimed':
      return { ...surveyColumns(e.data.survey), nomination_status: 'claimed', claimed_at: e.data.claimedAt };
    case 'SurveyAmended':
      return surveyColumns(e.data.survey);
    case 'DuplicateDismissed':
      db.prepare('INSERT OR IGNORE INTO duplicate_dismissal (application_id, other_id) VALUES (?, ?)').run(id, e.data.otherApplicationId);
      return {};
    case 'NominationLinked': {
      addNomination(db, id, e.data.nominatorId, e.data.survey, e.data.linkedAt);
      const nominators = JSON.parse(current(db, id)?.nominators ?? '[]') as string[];
      return nominators.includes(e.data.nominatorId) ? {} : { nominators: JSON.stringify([...nominators, e.data.nominatorId]) };
    }
    case 'SurveyAccepted':
      return { ...moveTo('AwaitingAssessment'), due_at: e.data.dueAt };
    case 'SurveyRejected':
      return moveTo('Rejected');
    case 'AssessmentDraftSaved':
      return { assessment_rated: saveRatings(db, id, e.data.ratings, 'draft') };
    case 'AssessmentSubmitted':
      db.prepare('DELETE FROM application_assessment WHERE application_id = ?').run(id);
      saveRatings(db, id, e.data.ratings, 'submitted');
      return { ...moveTo('UnderReview'), assessment_rated: e.data.ratings.length, assessment_submitted_at: e.data.submittedAt };
    case 'AssessmentDeadlineExtended':
      return { ...moveTo('AwaitingAssessment'), due_at: e.data.dueAt };
    case 'ApplicationLapsed':
      return moveTo('Lapsed');
    case 'ReviewerAssigned': {
      const { reviewerId, purpose, dueAt } = e.data;
      return setReviewer(db, id, reviewerId, () => ({ reviewerId, purpose, status: 'assigned', dueAt: dueAt }));
    }
    case 'ReviewerReleased':
      return setReviewer(db, id, e.data.reviewerId, (r) => r && { ...r, status: 'released' });
    case 'ScoresSubmitted':
      return setReviewer(db, id, e.data.reviewerId, (r) => r && { ...r, status: 'finished' });
    case 'AdjudicationRequired':
      return { ...moveTo('NeedsAdjudication'), disputed: JSON.stringify(e.data.disputed.map((d) => d.indicator)) };
    case 'RecommendationComputed':
      return {
        ...moveTo('AwaitingDecision'),
        recommendation: e.data.recommendation,
        recommendation_rule: e.data.rule,
        overall_mean: e.data.inputs.overallMean,
      };
    case 'DecisionRecorded':
      return {
        ...moveTo('Decided'),
        decision_outcome: e.data.outcome,
        decision_overruled: e.data.overruled ? 1 : 0,
        decision_justification: e.data.justification,
        decided_at: e.data.decidedAt,
        appeal_until: e.data.appealUntil,
        designation_status: e.data.progressDueAt ? 'active' : null,
        progress_due_at: e.data.progressDueAt,
        ...(e.data.appealOf && { appeal_status: 'decided' }),
      };
    case 'AppealFiled':
    case 'AppealRouted':
      return appealChanges(db, e);
  }
};

/** What applicants, nominators and staff see of an application (docs/DOMAIN.md, The lifecycle (one application = one event stream)). */
export const applicationSummaryProjection: Projection = {
  name: 'application-summary',
  version: 9,
  schema: APPLICATION_SUMMARY_SCHEMA,
  tables: APPLICATION_SUMMARY_TABLES,
  // Every event of an application shows on its timeline.
  handles: APPLICATION_EVENT_TYPES,
  apply(db: Database, event: RecordedEvent<ApplicationEvent>) {
    const id = event.data.applicationId;
    const at = event.metadata.occurredAt;
    if (event.type === 'SurveySubmitted') insertSubmitted(db, event);
    if (event.type === 'GrowthReportIssued') {
      db.prepare('INSERT OR REPLACE INTO growth_report (application_id, items, issued_at) VALUES (?, ?, ?)').run(
        id,
        JSON.stringify(event.data.items),
        event.data.issuedAt,
      );
    }
    update(db, id, { ...changes(db, event), updated_at: at, last_version: event.version, last_position: event.position });
    // An appeal's DecisionFinalized follows its DecisionRecorded (which marked the appeal decided) in the same append.
    const appealDecided =
      event.type === 'DecisionFinalized' &&
      db.prepare('SELECT appeal_status FROM application_summary WHERE id = ?').pluck().get(id) === 'decided';
    // The event's data, not its sentence: the sentence names people, and is worded when read, with the names of the
    // moment (docs/DOMAIN.md, Names).
    db.prepare(
      `INSERT OR REPLACE INTO application_timeline (application_id, version, position, type, occurred_at, actor_id, actor_role, data, appeal_decided)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      event.version,
      event.position,
      event.type,
      at,
      event.metadata.actorId,
      event.metadata.actorRole,
      JSON.stringify(event.data),
      appealDecided ? 1 : 0,
    );
  },
};
