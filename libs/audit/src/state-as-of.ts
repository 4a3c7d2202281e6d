import { Application, applicationDecider } from '@cert/domain';
import { ApplicationHistory } from './history';

/** A moment in the log: an instant (by the events' occurredAt) or a log position; neither means "now". */
export type Moment = { asOf?: string; position?: string };

export type StateAsOf = { moment: Moment; version: number; position: string | null; occurredAt: string | null; state: Application };

/** The events up to the moment. A prefix, never a filter: a state is what the stream said up to one point. */
export function eventsUpTo(events: ApplicationHistory, moment: Moment): ApplicationHistory {
  const instant = moment.asOf === undefined ? null : Date.parse(moment.asOf);
  if (instant !== null && Number.isNaN(instant)) throw new Error(`not an ISO instant: ${moment.asOf}`);
  const position = moment.position === undefined ? null : BigInt(moment.position);
  const end = events.findIndex(
    (e) => (instant !== null && Date.parse(e.metadata.occurredAt) > instant) || (position !== null && BigInt(e.position || '0') > position),
  );
  return end < 0 ? events : events.slice(0, end);
}

/** DOMAIN.md, What auditors need: "its state as of any instant", by the decider's own evolve. */
export function stateAsOf(events: ApplicationHistory, moment: Moment): StateAsOf {
  const upTo = eventsUpTo(events, moment);
  const state = upTo.reduce(applicationDecider.evolve, applicationDecider.initialState());
  const last = upTo.at(-1);
  return { moment, version: last?.version ?? 0, position: last?.position ?? null, occurredAt: last?.metadata.occurredAt ?? null, state };
}
