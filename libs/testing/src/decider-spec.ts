import { Decider, DomainError } from '@cert/domain';

/** given/when/then over a pure decider (docs/ARCHITECTURE.md, Tests: where they live and how they run). */
export const deciderSpec =
  <S, C, E>(d: Decider<S, C, E>) =>
  (given: E[] = []) => ({
    when: (command: C) => {
      const run = () => d.decide(command, given.reduce(d.evolve, d.initialState()));
      const refusal = (type: abstract new (...a: never[]) => DomainError, code?: string): DomainError => {
        let error: unknown;
        try {
          run();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(type);
        if (code) expect(error).toHaveProperty('code', code);
        return error as DomainError;
      };
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        thenEvents: () => run(),
        thenThrows: (type: abstract new (...a: never[]) => DomainError, code?: string) => {
          refusal(type, code);
        },
        /** As thenThrows, and returns the refusal, so a spec can check the words it says (the deciding fact). */
        thenRefusal: (type: abstract new (...a: never[]) => DomainError, code?: string): DomainError => refusal(type, code),
      };
    },
  });
