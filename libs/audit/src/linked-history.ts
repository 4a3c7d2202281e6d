import { CREDENTIAL_LIST_STREAM, awardCycleStream, directoryListingStream } from '@cert/domain';
import { EventStore, RecordedEvent, comparePositions } from '@cert/event-store';
import { loadHistory } from './history';

/**
 * Some steps about an application live in streams of their own: the leader's directory listing
 * (`directory-listing-<id>`), the yearly award cycles (`award-cycle-<year>`, one stream for every nominee) and the
 * credential status list (`credential-list-1`: each credential issued and each change of its standing).
 * An auditor reading one application's history sees those steps too, in commit order, each marked with its stream.
 * The hash chains are untouched: every event is read from its own stream and verified there (`verifyStream`, `verifyLog`).
 */
export const linkedStreamsOf = (applicationId: string, awardYears: readonly number[]) => [
  directoryListingStream(applicationId),
  ...awardYears.map(awardCycleStream),
  CREDENTIAL_LIST_STREAM,
];

/** An award cycle's (or the credential list's) event is about an application when it names it: a nomination, its scores, the ranking, the selection, the invitation. */
const namesApplication = (e: RecordedEvent, applicationId: string): boolean => {
  const data = e.data as { applicationId?: string; ranking?: { applicationId: string }[]; recipients?: { applicationId: string }[] };
  return (
    data.applicationId === applicationId ||
    !!data.ranking?.some((r) => r.applicationId === applicationId) ||
    !!data.recipients?.some((r) => r.applicationId === applicationId)
  );
};

/**
 * The application's stream (404 when there is none) merged with what its linked streams say about it, ordered by
 * global position. Award cycles and the credential list are shared, so only their events naming this application are kept.
 */
export async function loadLinkedHistory(
  store: EventStore,
  applicationId: string,
  awardYears: readonly number[] = [],
): Promise<RecordedEvent[]> {
  const own = await loadHistory(store, applicationId);
  const linked = await Promise.all(linkedStreamsOf(applicationId, awardYears).map((s) => store.readStream(s)));
  const about = linked.flatMap(({ events }) =>
    events.filter((e) => e.streamId === directoryListingStream(applicationId) || namesApplication(e, applicationId)),
  );
  return [...own, ...about].sort((a, b) => comparePositions(a.position, b.position));
}
