import { applicationStream, awardCycleStream, directoryListingStream } from '@cert/domain';
import { SqliteEventStore, handle } from '@cert/event-store';
import { historyEntries } from './history';
import { loadLinkedHistory } from './linked-history';
import { verifyLog, verifyStream } from './verify';

const A = '0b8f7a1e-2c3d-4e5f-8a9b-000000000001';
const B = '0b8f7a1e-2c3d-4e5f-8a9b-000000000002';
const ctx = { actorId: 'u-1', actorRole: 'staff', now: '2026-03-01T00:00:00.000Z' };
/** A decider that appends what it is told: enough to lay out linked streams (directory listing, award cycle). */
const append = { initialState: () => 0, evolve: (n: number) => n + 1, decide: (events: { type: string; data: unknown }[]) => events };

describe('an application history with its linked streams', () => {
  it('merges the directory listing and the award cycle events naming the application, in commit order, and leaves the chains intact', async () => {
    const store = SqliteEventStore.open(':memory:');
    const put = (stream: string, type: string, data: object) => handle(store, stream, append, [{ type, data }], ctx);
    await put(applicationStream(A), 'SurveySubmitted', { applicationId: A });
    await put(awardCycleStream(2027), 'AwardCycleOpened', { awardCycleId: 'award-cycle-2027', year: 2027 });
    await put(awardCycleStream(2027), 'AwardNominationSubmitted', { applicationId: B, nominationId: 'n-b' });
    await put(directoryListingStream(A), 'DirectoryListingPublished', { applicationId: A });
    await put(awardCycleStream(2027), 'AwardNominationSubmitted', { applicationId: A, nominationId: 'n-a' });
    await put(awardCycleStream(2027), 'AwardScoringClosed', { ranking: [{ applicationId: B }, { applicationId: A }] });
    await put(awardCycleStream(2027), 'AwardRecipientsSelected', { recipients: [{ applicationId: B }] });
    await put(applicationStream(A), 'AwardRecorded', { applicationId: A });
    await put(directoryListingStream(B), 'DirectoryListingPublished', { applicationId: B });

    const entries = historyEntries(await loadLinkedHistory(store, A, [2027, 2031]));
    expect(entries.map((e) => [e.streamId, e.type])).toEqual([
      [applicationStream(A), 'SurveySubmitted'],
      [directoryListingStream(A), 'DirectoryListingPublished'],
      [awardCycleStream(2027), 'AwardNominationSubmitted'],
      [awardCycleStream(2027), 'AwardScoringClosed'],
      [applicationStream(A), 'AwardRecorded'],
    ]);
    const positions = entries.map((e) => BigInt(e.position));
    expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
    // Without the cycle named, only the application's own streams.
    expect((await loadLinkedHistory(store, A)).map((e) => e.type)).toEqual([
      'SurveySubmitted',
      'DirectoryListingPublished',
      'AwardRecorded',
    ]);
    expect((await verifyStream(store, applicationStream(A))).ok).toBe(true);
    expect((await verifyLog(store)).ok).toBe(true);
    await expect(loadLinkedHistory(store, '0b8f7a1e-2c3d-4e5f-8a9b-00000000000f', [2027])).rejects.toThrow(/not found/);
    await store.close();
  });
});
