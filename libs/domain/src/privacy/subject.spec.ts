import { deciderSpec } from '../../../testing/src/decider-spec';
import { Actor } from '../decider';
import { Forbidden, NotFound } from '../errors';
import { EraseSubject, SubjectErased, subjectDecider } from './subject';

const given = deciderSpec(subjectDecider);
const T = '2026-05-01T10:00:00.000Z';
const staff: Actor = { id: 'user-staff', role: 'staff' };
const erase = (facts: Partial<EraseSubject['data']> = {}, actor: Actor = staff): EraseSubject => ({
  type: 'EraseSubject',
  data: { subjectId: 's-1', subjects: ['s-1', 's-2'], keysDestroyed: 2, accountRemoved: true, ...facts },
  metadata: { now: T, actor },
});
const erased: SubjectErased = {
  type: 'SubjectErased',
  data: { subjectId: 's-1', subjects: ['s-1', 's-2'], keysDestroyed: 2, accountRemoved: true, erasedAt: T },
};

describe('subject › erasure', () => {
  it('records what the erasure destroyed, and nothing personal', () => given().when(erase()).then([erased]));

  it('refuses a request for someone never known: nothing to destroy and no erasure before (a typo)', () =>
    given()
      .when(erase({ keysDestroyed: 0, accountRemoved: false }))
      .thenThrows(NotFound, 'subject.not_found'));

  it('records nothing for a repeated request that found nothing left to destroy', () =>
    given([erased])
      .when(erase({ keysDestroyed: 0, accountRemoved: false }))
      .then([]));

  it('records a second erasure when the person came back and had new data', () =>
    given([erased])
      .when(erase({ keysDestroyed: 1, accountRemoved: false }))
      .then([
        {
          type: 'SubjectErased',
          data: { subjectId: 's-1', subjects: ['s-1', 's-2'], keysDestroyed: 1, accountRemoved: false, erasedAt: T },
        },
      ]));

  it.each(['auditor', 'operator', 'board', 'reviewer', 'applicant'] as const)('refuses the %s role: only staff erase', (role) =>
    given()
      .when(erase({}, { id: 'someone', role }))
      .thenThrows(Forbidden, 'privacy.erase_not_allowed'),
  );
});
