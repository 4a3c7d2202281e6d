import { applicationDecider } from '@cert/domain';
import type { Moment, StateAsOf } from '@cert/contracts';
import { ApplicationHistory } from './history';
import { Naming } from './people';
import { describeState } from './state-words';

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

/**
 * docs/DOMAIN.md, What auditors need: its state as of any instant, folded by the decider's own evolve, and the same
 * state in words, people named as `naming` names them.
 */
export function stateAsOf(events: ApplicationHistory, moment: Moment, naming: Naming = {}): StateAsOf {
  const upTo = eventsUpTo(events, moment);
  const state = upTo.reduce(applicationDecider.evolve, applicationDecider.initialState());
  const last = upTo.at(-1);
  const at = { version: last?.version ?? 0, position: last?.position ?? null, occurredAt: last?.metadata.occurredAt ?? null };
  return { moment, ...at, state, readable: describeState(state, naming) };
}
