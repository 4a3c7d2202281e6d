import type { Database } from 'better-sqlite3';
import { AwardCycleEvent, AwardRecorded } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { Projection } from '../projection';

/**
 * docs/DOMAIN.md, Awards and summit: each year's award cycle (from `award-cycle-<year>` streams) with its
 * nominations, board scores, selection and summit answers; and the awards on each leader's record (AwardRecorded on
 * applications).
 */
export const awardsProjection: Projection = {
  name: 'awards',
  version: 2,
  schema: [
    `CREATE TABLE IF NOT EXISTS award_cycle (
      year INTEGER PRIMARY KEY,
      award_cycle_id TEXT NOT NULL,
      award TEXT NOT NULL,
      status TEXT NOT NULL,
      criteria_version TEXT NOT NULL,
      awards_available INTEGER NOT NULL,
      nominations_close_at TEXT NOT NULL,
      rsvp_by TEXT NOT NULL,
      summit_starts_at TEXT NOT NULL,
      summit_place TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      closed_at TEXT,
      selected_at TEXT,
      selected_by TEXT,
      overrides_ranking INTEGER,
      selection_justification TEXT,
      dates_changed_at TEXT,
      dates_changed_by TEXT,
      dates_change_reason TEXT,
      closed_nominations_early INTEGER
    )`,
    `CREATE TABLE IF NOT EXISTS award_nomination (
      nomination_id TEXT PRIMARY KEY,
      year INTEGER NOT NULL,
      application_id TEXT NOT NULL,
      leader_name TEXT NOT NULL,
      institution_name TEXT NOT NULL,
      country TEXT NOT NULL,
      designation TEXT NOT NULL,
      teachers TEXT NOT NULL,
      portfolios TEXT NOT NULL,
      nominated_by TEXT NOT NULL,
      nominated_by_role TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      rank INTEGER,
      mean_score REAL,
      selected INTEGER NOT NULL DEFAULT 0,
      invitation_status TEXT,
      rsvp_by TEXT,
      invited_at TEXT,
      responded_at TEXT,
      decline_reason TEXT,
      reminders INTEGER NOT NULL DEFAULT 0
    )`,
    'CREATE INDEX IF NOT EXISTS award_nomination_year ON award_nomination (year, submitted_at)',
    'CREATE INDEX IF NOT EXISTS award_nomination_application ON award_nomination (application_id)',
    `CREATE TABLE IF NOT EXISTS award_score (
      nomination_id TEXT NOT NULL,
      board_member_id TEXT NOT NULL,
      scores TEXT NOT NULL,
      comment TEXT,
      scored_at TEXT NOT NULL,
      PRIMARY KEY (nomination_id, board_member_id)
    )`,
    `CREATE TABLE IF NOT EXISTS application_award (
      application_id TEXT NOT NULL,
      award_cycle_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      award TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (application_id, award_cycle_id)
    )`,
  ],
  tables: ['award_cycle', 'award_nomination', 'award_score', 'application_award'],
  handles: [
    'AwardCycleOpened',
    'AwardNominationSubmitted',
    'AwardNominationScored',
    'AwardScoringClosed',
    'AwardRecipientsSelected',
    'AwardCycleDatesChanged',
    'SummitInvitationSent',
    'SummitInvitationAccepted',
    'SummitInvitationDeclined',
    'SummitRsvpReminderIssued',
    'SummitInvitationUnanswered',
    'AwardRecorded',
  ],
  apply(db: Database, recorded: RecordedEvent) {
    const event = recorded as unknown as AwardCycleEvent | AwardRecorded;
    const nomination = (id: string, set: string, ...values: unknown[]) =>
      db.prepare(`UPDATE award_nomination SET ${set} WHERE nomination_id = ?`).run(...values, id);
    switch (event.type) {
      case 'AwardCycleOpened': {
        const d = event.data;
        db.prepare(
          `INSERT OR REPLACE INTO award_cycle (year, award_cycle_id, award, status, criteria_version, awards_available, nominations_close_at, rsvp_by,
             summit_starts_at, summit_place, opened_at, opened_by) VALUES (?, ?, ?, 'Nominating', ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.year,
          d.awardCycleId,
          d.award,
          d.criteriaVersion,
          d.awardsAvailable,
          d.nominationsCloseAt,
          d.rsvpBy,
          d.summit.startsAt,
          d.summit.place,
          d.openedAt,
          recorded.metadata.actorId,
        );
        return;
      }
      case 'AwardNominationSubmitted': {
        const d = event.data;
        db.prepare(
          `INSERT OR REPLACE INTO award_nomination (nomination_id, year, application_id, leader_name, institution_name, country, designation, teachers,
             portfolios, nominated_by, nominated_by_role, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.nominationId,
          d.year,
          d.applicationId,
          d.leaderName,
          d.institutionName,
          d.country,
          d.designation,
          JSON.stringify(d.teachers),
          JSON.stringify(d.portfolios),
          d.nominatedBy,
          d.nominatedByRole,
          d.submittedAt,
        );
        return;
      }
      case 'AwardNominationScored': {
        const d = event.data;
        db.prepare(
          'INSERT OR REPLACE INTO award_score (nomination_id, board_member_id, scores, comment, scored_at) VALUES (?, ?, ?, ?, ?)',
        ).run(d.nominationId, d.boardMemberId, JSON.stringify(d.scores), d.comment, d.scoredAt);
        return;
      }
      case 'AwardScoringClosed':
        db.prepare("UPDATE award_cycle SET status = 'Selecting', closed_at = ? WHERE year = ?").run(event.data.closedAt, event.data.year);
        event.data.ranking.forEach((r, i) => nomination(r.nominationId, 'rank = ?, mean_score = ?', i + 1, r.meanScore));
        return;
      case 'AwardRecipientsSelected': {
        const d = event.data;
        db.prepare(
          "UPDATE award_cycle SET status = 'Selected', selected_at = ?, selected_by = ?, overrides_ranking = ?, selection_justification = ? WHERE year = ?",
        ).run(d.selectedAt, d.selectedBy, d.overridesRanking ? 1 : 0, d.justification, d.year);
        for (const r of d.recipients) nomination(r.nominationId, 'selected = 1');
        return;
      }
      case 'AwardCycleDatesChanged': {
        const d = event.data;
        db.prepare(
          `UPDATE award_cycle SET nominations_close_at = ?, rsvp_by = ?, summit_starts_at = ?, summit_place = ?, dates_changed_at = ?,
             dates_changed_by = ?, dates_change_reason = ?, closed_nominations_early = ? WHERE year = ?`,
        ).run(
          d.nominationsCloseAt,
          d.rsvpBy,
          d.summit.startsAt,
          d.summit.place,
          d.changedAt,
          d.changedBy,
          d.reason,
          d.closedNominationsEarly ? 1 : 0,
          d.year,
        );
        // As the decider folds it: an invitation whose answer date moved starts its reminders over.
        const moved = db.prepare('UPDATE award_nomination SET rsvp_by = ?, reminders = 0 WHERE nomination_id = ? AND rsvp_by <> ?');
        for (const i of d.invitations) moved.run(d.rsvpBy, i.nominationId, d.rsvpBy);
        return;
      }
      case 'SummitInvitationSent':
        nomination(
          event.data.nominationId,
          "invitation_status = 'invited', rsvp_by = ?, invited_at = ?",
          event.data.rsvpBy,
          event.data.invitedAt,
        );
        return;
      case 'SummitInvitationAccepted':
        nomination(
          event.data.nominationId,
          "invitation_status = 'accepted', responded_at = ?, decline_reason = NULL",
          event.data.respondedAt,
        );
        return;
      case 'SummitInvitationDeclined':
        nomination(
          event.data.nominationId,
          "invitation_status = 'declined', responded_at = ?, decline_reason = ?",
          event.data.respondedAt,
          event.data.reason,
        );
        return;
      case 'SummitRsvpReminderIssued':
        nomination(event.data.nominationId, 'reminders = reminders + 1');
        return;
      case 'SummitInvitationUnanswered':
        nomination(event.data.nominationId, "invitation_status = 'unanswered'");
        return;
      case 'AwardRecorded': {
        const d = event.data;
        db.prepare(
          'INSERT OR REPLACE INTO application_award (application_id, award_cycle_id, year, award, recorded_at) VALUES (?, ?, ?, ?, ?)',
        ).run(d.applicationId, d.awardCycleId, d.year, d.award, d.recordedAt);
        return;
      }
    }
  },
};
