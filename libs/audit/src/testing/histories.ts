import { ApplicationEvent } from '@cert/domain';
import { GENESIS, RecordedEvent, chainHash, contentOf } from '@cert/event-store';
import {
  APP_ID,
  CODES,
  T0,
  candidate,
  cmd,
  historyOfAfter,
  scoresAt,
  submitted,
} from '../../../domain/src/application/application.fixtures';

export { APP_ID, CODES };

/** Dev-only: decider output wrapped as the store would return it (versions, positions, an hour apart, hash-chained). */
export const recorded = (events: ApplicationEvent[], streamId = `application-${APP_ID}`): RecordedEvent<ApplicationEvent>[] => {
  let prevHash = GENESIS;
  return events.map((e, i) => {
    const metadata = {
      actorId: e.type === 'DecisionRecorded' ? 'user-board' : 'user-staff',
      actorRole: 'staff',
      correlationId: `c-${i}`,
      causationId: null,
      occurredAt: new Date(Date.parse(T0) + i * 3_600_000).toISOString(),
    };
    const base = { ...e, id: `e-${i + 1}`, streamId, version: i + 1, position: String(10 + i), schemaVersion: 1 };
    const hash = chainHash(prevHash, contentOf({ ...base, metadata }));
    const event = { ...base, metadata: { ...metadata, prevHash, hash } };
    prevHash = hash;
    return event;
  });
};

const under = () => historyOfAfter(submitted(), cmd.assignManual([candidate('rev-a'), candidate('rev-b')]));

/** Histories along each path a decision can take. */
export const paths = {
  followed: () =>
    historyOfAfter(
      under(),
      cmd.submitScores('rev-a', scoresAt(4)),
      cmd.submitScores('rev-b', scoresAt(5)),
      cmd.decide('ProgramOfExcellence'),
    ),
  overruled: () =>
    historyOfAfter(
      under(),
      cmd.submitScores('rev-a', scoresAt(2)),
      cmd.submitScores('rev-b', scoresAt(2)),
      cmd.decide('NotYetReady', 'The site visit found the program paused since January.'),
    ),
  boardRuling: () =>
    historyOfAfter(
      under(),
      cmd.submitScores('rev-a', scoresAt(3)),
      cmd.submitScores('rev-b', scoresAt(3, { [CODES[2]]: 5 })),
      cmd.resolve([{ indicator: CODES[2], level: 4 }]),
      cmd.decide('CharterMembership'),
    ),
  extraReviewer: () =>
    historyOfAfter(
      under(),
      cmd.submitScores('rev-a', scoresAt(3)),
      cmd.submitScores('rev-b', scoresAt(3, { [CODES[2]]: 5 })),
      cmd.assignManual([candidate('rev-c')]),
      cmd.submitScores('rev-c', scoresAt(4)),
      cmd.decide('CharterMembership'),
    ),
  released: () =>
    historyOfAfter(
      under(),
      cmd.release('rev-b'),
      cmd.assignManual([candidate('rev-d')]),
      cmd.saveScores('rev-a', scoresAt(4).slice(0, 3)),
      cmd.submitScores('rev-a', scoresAt(4)),
      cmd.submitScores('rev-d', scoresAt(3)),
      cmd.decide('CharterMembership'),
    ),
};
