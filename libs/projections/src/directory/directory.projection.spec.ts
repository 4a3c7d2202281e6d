import { ERASED } from '@cert/domain';
import { RecordedEvent } from '@cert/event-store';
import { directoryProjection } from './directory.projection';
import { readModel } from '../testing/given';
import { directoryStanding, listDirectory, ownListing } from './directory.queries';

const A = 'app-a';
const B = 'app-b';
let seq = 0;
const at = (month: number, year = 2026) => `${year}-${String(month).padStart(2, '0')}-01T09:00:00.000Z`;

const event = (type: string, data: Record<string, unknown>, when = at(1)): RecordedEvent => {
  seq += 1;
  return {
    id: `evt-${seq}`,
    type,
    data,
    streamId: `stream-${String(data.applicationId)}`,
    version: seq,
    position: String(seq),
    schemaVersion: 1,
    metadata: { actorId: 'x', actorRole: 'system', occurredAt: when, correlationId: 'c', causationId: null },
  };
};

const decided = (applicationId: string, outcome: string, when = at(4)) =>
  event('DecisionRecorded', { applicationId, outcome, decidedAt: when }, when);
const published = (applicationId: string, over: Record<string, unknown> = {}, when = at(5)) =>
  event(
    'DirectoryListingPublished',
    {
      applicationId,
      fields: ['leaderName', 'country', 'summary'],
      leaderName: 'Dr. Ada Rivers',
      institution: null,
      country: 'US',
      focusAreas: [],
      summary: 'Robots with mentors.',
      publishedAt: when,
      ...over,
    },
    when,
  );

const setup = () => readModel([directoryProjection]);

describe('directory projection: only opted-in fields, only while the designation stands', () => {
  it('lists an opted-in designated program with exactly the fields shown; a designated program not opted in is absent', () => {
    const { db, apply } = setup();
    apply([decided(A, 'CharterMembership'), decided(B, 'ProgramOfExcellence'), published(A)]);
    expect(listDirectory(db)).toEqual([{ leaderName: 'Dr. Ada Rivers', country: 'US', summary: 'Robots with mentors.' }]);
    expect(directoryStanding(db, B)).toEqual({ designationYear: 2026, standing: 'active', awards: [] });
  });

  it('the stored row keeps nothing that was not opted in to (the table is the public entry)', () => {
    const { db, apply } = setup();
    apply([
      decided(A, 'CharterMembership'),
      published(A, { fields: ['institution'], leaderName: null, institution: 'Riverside', country: null, summary: null }),
    ]);
    expect(db.prepare('SELECT leader_name, country, summary, designation_year, awards, focus_areas FROM directory_entry').get()).toEqual({
      leader_name: null,
      country: null,
      summary: null,
      designation_year: null,
      awards: '[]',
      focus_areas: '[]',
    });
  });

  it('shows the designation year and awards only when opted in to, and finds by year only what shows it', () => {
    const { db, apply } = setup();
    apply([
      decided(A, 'CharterMembership', at(4, 2026)),
      decided(B, 'CharterMembership', at(4, 2026)),
      event(
        'AwardRecorded',
        { applicationId: A, awardCycleId: 'cycle-2027', year: 2027, award: 'STEM Leadership Award', recordedAt: at(6, 2027) },
        at(6, 2027),
      ),
      event(
        'AwardRecorded',
        { applicationId: B, awardCycleId: 'cycle-2027', year: 2027, award: 'STEM Leadership Award', recordedAt: at(6, 2027) },
        at(6, 2027),
      ),
      published(A, { fields: ['leaderName', 'designationYear', 'awards'], country: null, summary: null }),
      published(B, { fields: ['institution'], leaderName: null, institution: 'Hidden Year School', country: null, summary: null }),
    ]);
    expect(listDirectory(db, { year: 2026 })).toEqual([
      { leaderName: 'Dr. Ada Rivers', designationYear: 2026, awards: [{ year: 2027, award: 'STEM Leadership Award' }] },
    ]);
    expect(listDirectory(db, { year: 2027 })).toHaveLength(1);
    expect(listDirectory(db)).toHaveLength(2);
    expect(listDirectory(db, { q: 'hidden school' })).toEqual([{ institution: 'Hidden Year School' }]);
    expect(listDirectory(db, { country: 'US' })).toEqual([]);
  });

  it('hides the entry while suspended or after expiry, shows it again when reinstated', () => {
    const { db, apply } = setup();
    apply([decided(A, 'CharterMembership'), published(A), event('DesignationSuspended', { applicationId: A }, at(7))]);
    expect(listDirectory(db)).toEqual([]);
    expect(ownListing(db, A)).toEqual(expect.objectContaining({ listed: true, visibility: 'hidden' }));
    apply([event('DesignationReinstated', { applicationId: A }, at(8))]);
    expect(listDirectory(db)).toHaveLength(1);
    apply([event('DesignationExpired', { applicationId: A }, at(9))]);
    expect(listDirectory(db)).toEqual([]);
  });

  it('a renewal carries the year of the designation it renews', () => {
    const { db, apply } = setup();
    apply([
      decided(A, 'CharterMembership', at(4, 2026)),
      event('DecisionRecorded', { applicationId: B, outcome: 'ProgramOfExcellence', decidedAt: at(4, 2031), renewalOf: A }, at(4, 2031)),
    ]);
    expect(directoryStanding(db, B)).toEqual({ designationYear: 2026, standing: 'active', awards: [] });
  });

  it("a renewal ends the old designation's entry for good: the leader lists again on the renewal, never twice", () => {
    const { db, apply } = setup();
    const renewalDecided = event(
      'DecisionRecorded',
      { applicationId: B, outcome: 'ProgramOfExcellence', decidedAt: at(4, 2031), renewalOf: A },
      at(4, 2031),
    );
    apply([
      decided(A, 'CharterMembership', at(4, 2026)),
      published(A, {}, at(5, 2026)),
      renewalDecided,
      event(
        'DesignationRenewed',
        { applicationId: A, renewalId: B, outcome: 'ProgramOfExcellence', termEndsAt: at(4, 2031), renewedAt: at(4, 2031) },
        at(4, 2031),
      ),
    ]);
    expect(directoryStanding(db, A)).toEqual({ designationYear: 2026, standing: 'ended', awards: [] });
    expect(listDirectory(db)).toEqual([]);
    expect(ownListing(db, A)).toEqual(expect.objectContaining({ listed: true, visibility: 'hidden' }));
    apply([published(B, {}, at(5, 2031))]);
    expect(listDirectory(db)).toEqual([{ leaderName: 'Dr. Ada Rivers', country: 'US', summary: 'Robots with mentors.' }]);
    // The renewal's own designation lapsing hides its entry; the old one does not come back.
    apply([event('DesignationExpired', { applicationId: B }, at(4, 2036))]);
    expect(listDirectory(db)).toEqual([]);
  });

  it('a withdrawal removes the entry', () => {
    const { db, apply } = setup();
    apply([
      decided(A, 'CharterMembership'),
      published(A),
      event('DirectoryListingWithdrawn', { applicationId: A, withdrawnAt: at(6) }, at(6)),
    ]);
    expect(listDirectory(db)).toEqual([]);
    expect(ownListing(db, A)).toEqual(expect.objectContaining({ listed: false, visibility: 'not-listed' }));
  });

  it('an erased leader (their fields read "[erased]" on the rebuild after erasure) has no entry at all', () => {
    const { db, apply } = setup();
    apply([decided(A, 'CharterMembership'), published(A, { leaderName: ERASED, summary: ERASED })]);
    expect(listDirectory(db)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM directory_entry').get()).toEqual({ n: 0 });
  });
});
