import { EventLog, NewEvent, RecordedEvent, withoutHashes } from '@cert/event-store';

const PAGE = 1000;

export class CopyMismatch extends Error {}

/**
 * Appends every event of `source` to the empty `target` in the source's commit order, each run of one stream's events
 * as one append at the version it had: the stream and global chains cover only what the events carry (ids, types,
 * data, envelopes, versions, order), so the copy's hashes come out the same, and each is checked as it is written.
 */
export async function copyLog(
  source: EventLog,
  target: EventLog,
  progress: (copied: number) => void = () => undefined,
): Promise<{ events: number; streams: number }> {
  if ((await target.head()) !== null) throw new CopyMismatch('the target log is not empty; the copy writes only into an empty one');
  const streams = new Set<string>();
  let copied = 0;
  for (let after: string | null = null; ;) {
    const page: RecordedEvent[] = await source.readAll(after, PAGE, { links: true });
    if (page.length === 0) break;
    for (let start = 0; start < page.length;) {
      let end = start + 1;
      while (end < page.length && page[end].streamId === page[start].streamId) end++;
      const run = page.slice(start, end);
      const written = await target.appendToStream(
        run[0].streamId,
        run.map((e): NewEvent => ({
          id: e.id,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          metadata: withoutHashes(e.metadata) as NewEvent['metadata'],
        })),
        { expectedVersion: run[0].version - 1 },
      );
      written.events.forEach((w, i) => {
        const e = run[i];
        if (w.metadata.hash !== e.metadata.hash) {
          throw new CopyMismatch(
            `event ${e.id} (${e.streamId} version ${e.version}) hashes differently in the target: ${w.metadata.hash} ≠ ${e.metadata.hash}`,
          );
        }
      });
      streams.add(run[0].streamId);
      start = end;
    }
    copied += page.length;
    progress(copied);
    after = page[page.length - 1].position;
  }
  const [from, to] = await Promise.all([source.head(), target.head()]);
  if (from?.globalHash && to?.globalHash !== from.globalHash) {
    throw new CopyMismatch(
      `the copy's head ${to?.position}:${to?.globalHash} differs from the source's ${from.position}:${from.globalHash}`,
    );
  }
  return { events: copied, streams: streams.size };
}
