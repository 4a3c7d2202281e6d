import { CommandMeta, Decider, assertNever } from '../decider';
import { Forbidden, NotFound, RuleViolation } from '../errors';

/**
 * docs/DOMAIN.md, Conflicts of interest: same institution and declared conflicts exclude a reviewer. A reviewer's
 * declared conflicts are a stream `reviewer-<id>` of their own: a declaration is not an event of any one application
 * (an institution covers every application of it, including ones not yet submitted). Reviewers declare; staff may pin
 * one, and a pinned conflict only staff can withdraw. The handler hands the result to the application decider as
 * `declaredConflicts`.
 */
/** How a release for a declared conflict begins its reason, so the staff's notice can say it was a conflict. */
export const CONFLICT_RELEASE_REASON = 'conflict of interest declared';

export type ConflictTarget = { applicationId: string; institution: null } | { applicationId: null; institution: string };

export type ConflictDeclared = {
  type: 'ConflictDeclared';
  data: { reviewerId: string; conflictId: string; reason: string; pinned: boolean; declaredAt: string } & ConflictTarget;
};
export type ConflictWithdrawn = { type: 'ConflictWithdrawn'; data: { reviewerId: string; conflictId: string; withdrawnAt: string } };
export type ReviewerEvent = ConflictDeclared | ConflictWithdrawn;

export type DeclareConflict = {
  type: 'DeclareConflict';
  /** `conflictId` is minted by the handler and used only when the target is new. */
  data: { reviewerId: string; conflictId: string; reason: string; pin: boolean } & ConflictTarget;
  metadata: CommandMeta;
};
export type WithdrawConflict = { type: 'WithdrawConflict'; data: { reviewerId: string; conflictId: string }; metadata: CommandMeta };
export type ReviewerCommand = DeclareConflict | WithdrawConflict;

export type DeclaredConflict = { conflictId: string; reason: string; pinned: boolean; declaredAt: string } & ConflictTarget;
export type ReviewerConflicts = { conflicts: DeclaredConflict[] };

export const reviewerStream = (reviewerId: string) => `reviewer-${reviewerId}`;

const key = (t: ConflictTarget) =>
  t.applicationId !== null ? `application:${t.applicationId}` : `institution:${t.institution.trim().toLowerCase()}`;

/** What the application decider's conflict check reads: application ids and institution names. */
export const declaredConflictsOf = (state: ReviewerConflicts): string[] =>
  state.conflicts.map((c) => (c.applicationId !== null ? c.applicationId : c.institution));

// The reviewer speaks for themself; staff speak for any reviewer and their word is pinned.
const requireSpeaker = ({ actor }: CommandMeta, reviewerId: string, pin: boolean) => {
  if (actor.role === 'staff') return;
  if (actor.role === 'reviewer' && actor.id === reviewerId && !pin) return;
  throw new Forbidden('conflict.not_allowed', "only the reviewer or staff may change a reviewer's conflicts");
};

const decide = (command: ReviewerCommand, state: ReviewerConflicts): ReviewerEvent[] => {
  const { now } = command.metadata;
  switch (command.type) {
    case 'DeclareConflict': {
      const { reviewerId, conflictId, reason, pin, applicationId, institution } = command.data;
      requireSpeaker(command.metadata, reviewerId, pin);
      if ((applicationId === null) === (institution === null)) {
        throw new RuleViolation('conflict.target_required', 'name either an application or an institution');
      }
      const target =
        applicationId !== null ? { applicationId, institution: null } : { applicationId: null, institution: institution.trim() };
      const existing = state.conflicts.find((c) => key(c) === key(target));
      // Declaring again is harmless; staff pinning a reviewer's own declaration upgrades it in place.
      if (existing && (existing.pinned || !pin)) return [];
      const id = existing?.conflictId ?? conflictId;
      return [{ type: 'ConflictDeclared', data: { reviewerId, conflictId: id, ...target, reason, pinned: pin, declaredAt: now } }];
    }
    case 'WithdrawConflict': {
      const { reviewerId, conflictId } = command.data;
      requireSpeaker(command.metadata, reviewerId, false);
      const existing = state.conflicts.find((c) => c.conflictId === conflictId);
      if (!existing) throw new NotFound('conflict', conflictId);
      if (existing.pinned && command.metadata.actor.role !== 'staff') {
        throw new Forbidden('conflict.pinned', 'staff pinned this conflict; only staff can withdraw it', { conflictId });
      }
      return [{ type: 'ConflictWithdrawn', data: { reviewerId, conflictId, withdrawnAt: now } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: ReviewerConflicts, event: ReviewerEvent): ReviewerConflicts => {
  switch (event.type) {
    case 'ConflictDeclared': {
      const { reviewerId: _, declaredAt, ...rest } = event.data;
      const conflict = { ...rest, declaredAt };
      return { conflicts: [...state.conflicts.filter((c) => c.conflictId !== conflict.conflictId), conflict] };
    }
    case 'ConflictWithdrawn':
      return { conflicts: state.conflicts.filter((c) => c.conflictId !== event.data.conflictId) };
    default:
      return assertNever(event);
  }
};

export const reviewerDecider: Decider<ReviewerConflicts, ReviewerCommand, ReviewerEvent> = {
  decide,
  evolve,
  initialState: () => ({ conflicts: [] }),
};
