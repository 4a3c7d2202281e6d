/** Who acts. Roles follow docs/DOMAIN.md, Who uses it; `system` is the engine's own timers. */
export type Role = 'applicant' | 'staff' | 'reviewer' | 'board' | 'auditor' | 'operator' | 'system';

export type Actor = { id: string; role: Role; email?: string };

/** What every command carries besides its data: the clock and the actor arrive here, never read by the decider. */
export type CommandMeta = { now: string; actor: Actor };

/** Plain functions, not methods: `events.reduce(decider.evolve, decider.initialState())` needs no `this`. */
export type Decider<S, C, E> = {
  decide: (command: C, state: S) => E[];
  evolve: (state: S, event: E) => S;
  initialState: () => S;
};

export const assertNever = (value: never): never => {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
};
