import type { Database } from 'better-sqlite3';
import { ApplicationEvent, DirectoryField, DirectoryListingEvent, isErased } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import type { DirectoryAward } from '@cert/contracts';
import { LoggedEvent, Projection } from '../projection';

/**
 * docs/DOMAIN.md, Who's-who directory. Two tables, so that nothing the leader did not opt in to can leak:
 * - `directory_standing` holds, for every designated application, only what the public could ever be shown of its
 *   designation: the year, whether it stands (active / suspended / ended) and its awards. No names, no texts.
 * - `directory_entry` is the public entry: one row per opted-in application, holding exactly the opted-in values
 *   (a column of a field not shown is null). Public queries read this table and nothing else.
 * An erased leader's listing reads "[erased]" on the rebuild that follows the erasure: such a listing gets no row.
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS directory_standing (
    application_id TEXT PRIMARY KEY,
    designation_year INTEGER NOT NULL,
    standing TEXT NOT NULL CHECK (standing IN ('active', 'suspended', 'ended')),
    awards TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS directory_entry (
    application_id TEXT PRIMARY KEY,
    fields TEXT NOT NULL,
    leader_name TEXT,
    institution TEXT,
    country TEXT,
    focus_areas TEXT NOT NULL,
    designation_year INTEGER,
    awards TEXT NOT NULL,
    summary TEXT,
    visible INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS directory_entry_visible ON directory_entry (visible, country)',
];

type Standing = { designation_year: number; standing: 'active' | 'suspended' | 'ended'; awards: string };

/** The application events that say whether a designation stands, since when, and which awards it won. */
const FROM_APPLICATION = [
  'DecisionRecorded',
  'DesignationSuspended',
  'DesignationReinstated',
  'DesignationExpired',
  'DesignationRenewed',
  'AwardRecorded',
] as const satisfies readonly ApplicationEvent['type'][];
const DESIGNATED = ['ProgramOfExcellence', 'CharterMembership'];

type ApplicationFact = Extract<ApplicationEvent, { type: (typeof FROM_APPLICATION)[number] }>;

const standingOf = (db: Database, id: string) =>
  db.prepare('SELECT designation_year, standing, awards FROM directory_standing WHERE application_id = ?').get(id) as Standing | undefined;

const setStanding = (db: Database, id: string, standing: Standing['standing']) =>
  db.prepare('UPDATE directory_standing SET standing = ? WHERE application_id = ?').run(standing, id);

/** Copies into the entry what its opted-in flags allow of the standing, and whether the public sees it now. */
const refreshEntry = (db: Database, id: string, at: string) => {
  const entry = db.prepare('SELECT fields FROM directory_entry WHERE application_id = ?').get(id) as { fields: string } | undefined;
  if (!entry) return;
  const fields = JSON.parse(entry.fields) as DirectoryField[];
  const standing = standingOf(db, id);
  // The public sees designations that stand: while suspended (a lapsed progress update), after expiry or a
  // decision that ends it, or once renewed (the renewal lists on its own), the entry is kept but hidden; a suspended
  // one shows again on reinstatement.
  const visible = standing?.standing === 'active' ? 1 : 0;
  db.prepare('UPDATE directory_entry SET designation_year = ?, awards = ?, visible = ?, updated_at = ? WHERE application_id = ?').run(
    fields.includes('designationYear') ? (standing?.designation_year ?? null) : null,
    fields.includes('awards') ? (standing?.awards ?? '[]') : '[]',
    visible,
    at,
    id,
  );
};

const applyApplicationFact = (db: Database, e: ApplicationFact) => {
  const id = e.data.applicationId;
  switch (e.type) {
    case 'DecisionRecorded': {
      const { outcome, decidedAt, renewalOf } = e.data;
      if (DESIGNATED.includes(outcome)) {
        // The year first designated stays the designation year through appeals and renewals (a renewal is an
        // application of its own: it carries the year of the designation it renews).
        const year = (renewalOf && standingOf(db, renewalOf)?.designation_year) || Number(decidedAt.slice(0, 4));
        db.prepare(
          `INSERT INTO directory_standing (application_id, designation_year, standing, awards) VALUES (?, ?, 'active', '[]')
           ON CONFLICT (application_id) DO UPDATE SET standing = 'active'`,
        ).run(id, year);
      } else if (standingOf(db, id)) {
        setStanding(db, id, 'ended');
      }
      return;
    }
    case 'DesignationSuspended':
      return void setStanding(db, id, 'suspended');
    case 'DesignationReinstated':
      return void setStanding(db, id, 'active');
    case 'DesignationExpired':
      return void setStanding(db, id, 'ended');
    case 'DesignationRenewed':
      // The renewal is an application of its own with a designation of its own (its DecisionRecorded above made it
      // active): the old one is superseded, as the aggregate says ('renewed') and the listing handler reads it
      // (ended). Its entry is hidden for good, so a leader is never listed twice nor by a designation that no
      // longer decides anything; they list again on the renewal (the hub offers the opt-in there, as on any
      // designated application), whose own expiry or suspension then hides that entry in turn.
      return void setStanding(db, id, 'ended');
    case 'AwardRecorded': {
      const standing = standingOf(db, id);
      if (!standing) return;
      const award = { year: e.data.year, award: e.data.award };
      const awards = (JSON.parse(standing.awards) as DirectoryAward[]).filter((a) => !(a.year === award.year && a.award === award.award));
      const sorted = [...awards, award].sort((a, b) => a.year - b.year || a.award.localeCompare(b.award));
      db.prepare('UPDATE directory_standing SET awards = ? WHERE application_id = ?').run(JSON.stringify(sorted), id);
      return;
    }
  }
};

const applyListing = (db: Database, e: DirectoryListingEvent, at: string) => {
  const id = e.data.applicationId;
  if (e.type === 'DirectoryListingWithdrawn') {
    db.prepare('DELETE FROM directory_entry WHERE application_id = ?').run(id);
    return;
  }
  const { fields, leaderName, institution, country, focusAreas, summary } = e.data;
  // An erased leader disappears from the directory entirely, never as an "[erased]" entry.
  if ([leaderName, institution, summary].some(isErased)) {
    db.prepare('DELETE FROM directory_entry WHERE application_id = ?').run(id);
    return;
  }
  db.prepare(
    `INSERT OR REPLACE INTO directory_entry
       (application_id, fields, leader_name, institution, country, focus_areas, designation_year, awards, summary, visible, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, '[]', ?, 0, ?)`,
  ).run(id, JSON.stringify(fields), leaderName, institution, country, JSON.stringify(focusAreas), summary, at);
};

export const directoryProjection: Projection = {
  name: 'directory',
  version: 2,
  schema: SCHEMA,
  tables: ['directory_standing', 'directory_entry'],
  handles: [...FROM_APPLICATION, 'DirectoryListingPublished', 'DirectoryListingWithdrawn'],
  apply(db: Database, event: RecordedEvent<LoggedEvent>) {
    const at = event.metadata.occurredAt;
    const e = event as ApplicationFact | DirectoryListingEvent;
    if (e.type === 'DirectoryListingPublished' || e.type === 'DirectoryListingWithdrawn') applyListing(db, e, at);
    else applyApplicationFact(db, e);
    refreshEntry(db, e.data.applicationId, at);
  },
};
