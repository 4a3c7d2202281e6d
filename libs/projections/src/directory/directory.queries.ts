import type { Database } from 'better-sqlite3';
import { DirectoryField } from '@cert/domain';
import type { DirectoryAward, DirectoryEntryView, DirectoryQuery, DirectoryStandingView, OwnListingView } from '@cert/contracts';

type Row = {
  application_id: string;
  fields: string;
  leader_name: string | null;
  institution: string | null;
  country: string | null;
  focus_areas: string;
  designation_year: number | null;
  awards: string;
  summary: string | null;
  visible: number;
  updated_at: string;
};

const toView = (row: Row): DirectoryEntryView => {
  const fields = JSON.parse(row.fields) as DirectoryField[];
  const view: DirectoryEntryView = {};
  if (fields.includes('leaderName') && row.leader_name !== null) view.leaderName = row.leader_name;
  if (fields.includes('institution') && row.institution !== null) view.institution = row.institution;
  if (fields.includes('country') && row.country !== null) view.country = row.country;
  if (fields.includes('focusAreas')) view.focusAreas = JSON.parse(row.focus_areas) as string[];
  if (fields.includes('designationYear') && row.designation_year !== null) view.designationYear = row.designation_year;
  if (fields.includes('awards')) view.awards = JSON.parse(row.awards) as DirectoryAward[];
  if (fields.includes('summary') && row.summary !== null) view.summary = row.summary;
  return view;
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Filters look only at what the entry shows: a leader who hides their designation year is never found by a year, and
 * one who hides their country never by a country, so a filter cannot reveal a hidden field by inclusion.
 */
const matches = (entry: DirectoryEntryView, filter: DirectoryQuery): boolean => {
  if (filter.year !== undefined && entry.designationYear !== filter.year && !entry.awards?.some((a) => a.year === filter.year))
    return false;
  if (filter.country && fold(entry.country ?? '') !== fold(filter.country.trim())) return false;
  if (filter.q?.trim()) {
    const text = fold(
      [
        entry.leaderName,
        entry.institution,
        entry.country,
        entry.summary,
        ...(entry.focusAreas ?? []),
        ...(entry.awards ?? []).map((a) => a.award),
      ]
        .filter(Boolean)
        .join(' \n '),
    );
    if (
      !fold(filter.q)
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => text.includes(word))
    )
      return false;
  }
  return true;
};

const sortKey = (e: DirectoryEntryView) => fold(`${e.country ?? '\uffff'}|${e.institution ?? e.leaderName ?? ''}|${e.leaderName ?? ''}`);

/** The public directory: shown entries only, by country then institution (the book's order). */
/**
 * `verifyUrlOf` gives the verification page of a listed program's credential in good standing, if it has one: the
 * entry then carries the "verified" mark. That page shows when the credential was issued, so only an entry that shows
 * its designation year carries it (a hidden field is never revealed by a link). The application's id is never shown.
 */
export function listDirectory(
  db: Database,
  filter: DirectoryQuery = {},
  verifyUrlOf: (applicationId: string) => string | undefined = () => undefined,
): DirectoryEntryView[] {
  const rows = db.prepare('SELECT * FROM directory_entry WHERE visible = 1').all() as Row[];
  return rows
    .map((row) => {
      const shown = (JSON.parse(row.fields) as DirectoryField[]).includes('designationYear');
      const verifyUrl = shown ? verifyUrlOf(row.application_id) : undefined;
      return verifyUrl ? { ...toView(row), verifyUrl } : toView(row);
    })
    .filter((e) => matches(e, filter))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** The years a book can be made for: every designation or award year an entry shows. */
export function directoryYears(db: Database): number[] {
  const years = new Set<number>();
  for (const e of listDirectory(db)) {
    if (e.designationYear !== undefined) years.add(e.designationYear);
    for (const a of e.awards ?? []) years.add(a.year);
  }
  return [...years].sort((a, b) => b - a);
}

export function ownListing(db: Database, applicationId: string): OwnListingView {
  const row = db.prepare('SELECT * FROM directory_entry WHERE application_id = ?').get(applicationId) as Row | undefined;
  if (!row) return { listed: false, fields: [], focusAreas: [], summary: null, visibility: 'not-listed', entry: null, updatedAt: null };
  return {
    listed: true,
    fields: JSON.parse(row.fields) as DirectoryField[],
    focusAreas: JSON.parse(row.focus_areas) as string[],
    summary: row.summary,
    visibility: row.visible === 1 ? 'shown' : 'hidden',
    entry: toView(row),
    updatedAt: row.updated_at,
  };
}

/** Whether the application holds a designation the directory knows of (for the opt-in form). */
export function directoryStanding(db: Database, applicationId: string): DirectoryStandingView | null {
  const row = db
    .prepare('SELECT designation_year, standing, awards FROM directory_standing WHERE application_id = ?')
    .get(applicationId) as { designation_year: number; standing: DirectoryStandingView['standing']; awards: string } | undefined;
  return row ? { designationYear: row.designation_year, standing: row.standing, awards: JSON.parse(row.awards) as DirectoryAward[] } : null;
}
