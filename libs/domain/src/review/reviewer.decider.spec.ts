import { deciderSpec } from '../../../testing/src/decider-spec';
import { Forbidden, NotFound, RuleViolation } from '../errors';
import { ConflictDeclared, ReviewerCommand, declaredConflictsOf, reviewerDecider } from './reviewer.decider';

const now = '2026-03-02T09:00:00.000Z';
const reviewer = { id: 'rev-1', role: 'reviewer' as const };
const staff = { id: 'staff-1', role: 'staff' as const };
const spec = deciderSpec(reviewerDecider);

type DeclareData = {
  reviewerId: string;
  conflictId: string;
  applicationId: string | null;
  institution: string | null;
  reason: string;
  pin: boolean;
};
const declare = (
  data: Partial<DeclareData> = {},
  actor: { id: string; role: 'reviewer' | 'staff' | 'board' } = reviewer,
): ReviewerCommand =>
  ({
    type: 'DeclareConflict',
    data: {
      reviewerId: 'rev-1',
      conflictId: 'c-1',
      applicationId: 'app-1',
      institution: null,
      reason: 'I mentored the leader',
      pin: false,
      ...data,
    },
    metadata: { now, actor },
  }) as ReviewerCommand;
const declared = (
  data: Partial<
    Omit<ConflictDeclared['data'], 'applicationId' | 'institution'> & { applicationId: string | null; institution: string | null }
  > = {},
): ConflictDeclared =>
  ({
    type: 'ConflictDeclared',
    data: {
      reviewerId: 'rev-1',
      conflictId: 'c-1',
      applicationId: 'app-1',
      institution: null,
      reason: 'I mentored the leader',
      pinned: false,
      declaredAt: now,
      ...data,
    },
  }) as ConflictDeclared;
const withdraw = (actor: { id: string; role: 'reviewer' | 'staff' } = reviewer): ReviewerCommand => ({
  type: 'WithdrawConflict',
  data: { reviewerId: 'rev-1', conflictId: 'c-1' },
  metadata: { now, actor },
});

describe('reviewer decider: conflicts of interest', () => {
  it('a reviewer declares a conflict with an application', () => spec([]).when(declare()).then([declared()]));

  it('or with a whole institution, trimmed', () =>
    spec([])
      .when(declare({ applicationId: null, institution: '  Riverside STEM Academy ' }))
      .then([declared({ applicationId: null, institution: 'Riverside STEM Academy' })]));

  it('needs exactly one target', () => {
    spec([])
      .when(declare({ applicationId: null, institution: null }))
      .thenThrows(RuleViolation, 'conflict.target_required');
    spec([])
      .when(declare({ applicationId: 'app-1', institution: 'Riverside' }))
      .thenThrows(RuleViolation, 'conflict.target_required');
  });

  it('declaring the same target again changes nothing, whatever the case of the institution', () => {
    spec([declared()])
      .when(declare({ conflictId: 'c-2' }))
      .then([]);
    const inst = declared({ applicationId: null, institution: 'Riverside STEM Academy' });
    spec([inst])
      .when(declare({ applicationId: null, institution: 'riverside stem academy', conflictId: 'c-2' }))
      .then([]);
  });

  it('staff pin a conflict, and pinning a declared one upgrades it in place', () => {
    spec([])
      .when(declare({ pin: true }, staff))
      .then([declared({ pinned: true })]);
    spec([declared()])
      .when(declare({ pin: true, conflictId: 'c-9' }, staff))
      .then([declared({ pinned: true })]);
    spec([declared({ pinned: true })])
      .when(declare({ pin: true }, staff))
      .then([]);
  });

  it('nobody else speaks for the reviewer, and a reviewer cannot pin', () => {
    spec([])
      .when(declare({}, { id: 'rev-2', role: 'reviewer' }))
      .thenThrows(Forbidden, 'conflict.not_allowed');
    spec([])
      .when(declare({}, { id: 'b-1', role: 'board' }))
      .thenThrows(Forbidden, 'conflict.not_allowed');
    spec([])
      .when(declare({ pin: true }))
      .thenThrows(Forbidden, 'conflict.not_allowed');
  });

  it('a reviewer withdraws their own declaration but not a pinned one; staff may withdraw either', () => {
    const withdrawn = { type: 'ConflictWithdrawn' as const, data: { reviewerId: 'rev-1', conflictId: 'c-1', withdrawnAt: now } };
    spec([declared()]).when(withdraw()).then([withdrawn]);
    spec([declared({ pinned: true })])
      .when(withdraw())
      .thenThrows(Forbidden, 'conflict.pinned');
    spec([declared({ pinned: true })])
      .when(withdraw(staff))
      .then([withdrawn]);
    spec([]).when(withdraw()).thenThrows(NotFound, 'conflict.not_found');
  });

  it('hands the application decider application ids and institution names', () => {
    const state = [declared(), declared({ conflictId: 'c-2', applicationId: null, institution: 'North College' })].reduce(
      reviewerDecider.evolve,
      reviewerDecider.initialState(),
    );
    expect(declaredConflictsOf(state)).toEqual(['app-1', 'North College']);
    const after = reviewerDecider.evolve(state, {
      type: 'ConflictWithdrawn' as const,
      data: { reviewerId: 'rev-1', conflictId: 'c-1', withdrawnAt: now },
    });
    expect(declaredConflictsOf(after)).toEqual(['North College']);
  });
});
