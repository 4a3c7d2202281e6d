import type { Database } from 'better-sqlite3';
import { InvitationStatus, normalizeEmail } from '@cert/domain';
import type { AwardCycleView, AwardNominationView, AwardScoreView } from '@cert/contracts';

type Row = Record<string, string | number | null>;

const cycleView = (r: Row): AwardCycleView => ({
  year: r.year as number,
  awardCycleId: r.award_cycle_id as string,
  award: r.award as string,
  status: r.status as AwardCycleView['status'],
  criteriaVersion: r.criteria_version as string,
  awardsAvailable: r.awards_available as number,
  nominationsCloseAt: r.nominations_close_at as string,
  rsvpBy: r.rsvp_by as string,
  summit: { startsAt: r.summit_starts_at as string, place: r.summit_place as string },
  openedAt: r.opened_at as string,
  closedAt: r.closed_at as string | null,
  selectedAt: r.selected_at as string | null,
  overridesRanking: r.overrides_ranking === null ? null : r.overrides_ranking === 1,
  selectionJustification: r.selection_justification as string | null,
  datesChanged:
    r.dates_changed_at === null
      ? null
      : {
          at: r.dates_changed_at as string,
          reason: r.dates_change_reason as string,
          closedNominationsEarly: r.closed_nominations_early === 1,
        },
});

const nominationView = (r: Row): AwardNominationView => ({
  nominationId: r.nomination_id as string,
  year: r.year as number,
  applicationId: r.application_id as string,
  leaderName: r.leader_name as string,
  institutionName: r.institution_name as string,
  country: r.country as string,
  designation: r.designation as string,
  teachers: JSON.parse(r.teachers as string) as AwardNominationView['teachers'],
  portfolios: JSON.parse(r.portfolios as string) as AwardNominationView['portfolios'],
  nominatedBy: r.nominated_by as string,
  nominatedByRole: r.nominated_by_role as 'applicant' | 'staff',
  submittedAt: r.submitted_at as string,
  rank: r.rank as number | null,
  meanScore: r.mean_score as number | null,
  selected: r.selected === 1,
  invitation:
    r.invitation_status === null
      ? null
      : {
          status: r.invitation_status as InvitationStatus,
          rsvpBy: r.rsvp_by as string,
          invitedAt: r.invited_at as string,
          respondedAt: r.responded_at as string | null,
          declineReason: r.decline_reason as string | null,
          reminders: r.reminders as number,
        },
});

const scoresOf = (db: Database, nominationId: string): AwardScoreView[] =>
  (db.prepare('SELECT * FROM award_score WHERE nomination_id = ? ORDER BY scored_at, board_member_id').all(nominationId) as Row[]).map(
    (r) => ({
      boardMemberId: r.board_member_id as string,
      scores: JSON.parse(r.scores as string) as AwardScoreView['scores'],
      comment: r.comment as string | null,
      scoredAt: r.scored_at as string,
    }),
  );

export const listAwardCycles = (db: Database): AwardCycleView[] =>
  (db.prepare('SELECT * FROM award_cycle ORDER BY year DESC').all() as Row[]).map(cycleView);

export const getAwardCycle = (db: Database, year: number): AwardCycleView | null => {
  const row = db.prepare('SELECT * FROM award_cycle WHERE year = ?').get(year) as Row | undefined;
  return row ? cycleView(row) : null;
};

/** A cycle's nominations in ranking order once scoring closed, else in the order they arrived; scores on request. */
export const awardNominations = (
  db: Database,
  year: number,
  opts: { withScores: boolean; applicantEmail?: string },
): AwardNominationView[] => {
  const rows = db
    .prepare(
      `SELECT n.* FROM award_nomination n LEFT JOIN application_summary a ON a.id = n.application_id
     WHERE n.year = @year AND (@email IS NULL OR a.applicant_email = @email)
     ORDER BY n.rank IS NULL, n.rank, n.submitted_at, n.nomination_id`,
    )
    .all({ year, email: opts.applicantEmail === undefined ? null : normalizeEmail(opts.applicantEmail) }) as Row[];
  return rows.map(nominationView).map((n) => (opts.withScores ? { ...n, scores: scoresOf(db, n.nominationId) } : n));
};

/** The leader's own nominations and summit invitations, every year (applicants see only their own). */
export const awardNominationsOfLeader = (
  db: Database,
  email: string,
): (AwardNominationView & { award: string; summit: AwardCycleView['summit'] })[] =>
  (
    db
      .prepare(
        `SELECT n.*, c.award, c.summit_starts_at, c.summit_place FROM award_nomination n
     JOIN application_summary a ON a.id = n.application_id JOIN award_cycle c ON c.year = n.year
     WHERE a.applicant_email = ? ORDER BY n.year DESC, n.submitted_at`,
      )
      .all(normalizeEmail(email)) as Row[]
  ).map((r) => ({
    ...nominationView(r),
    award: r.award as string,
    summit: { startsAt: r.summit_starts_at as string, place: r.summit_place as string },
  }));

/** The awards on one leader's record, oldest first. */
export const awardsOfApplication = (db: Database, applicationId: string) =>
  db
    .prepare(
      'SELECT award_cycle_id AS awardCycleId, year, award, recorded_at AS recordedAt FROM application_award WHERE application_id = ? ORDER BY year, award_cycle_id',
    )
    .all(applicationId) as { awardCycleId: string; year: number; award: string; recordedAt: string }[];
