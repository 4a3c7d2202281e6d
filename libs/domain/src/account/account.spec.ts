import { Actor } from '../decider';
import { AccountCommand, AccountEvent, accountDecider } from './account';

const staff: Actor = { id: 'staff-1', role: 'staff' };
const now = '2026-03-02T09:00:00.000Z';
const meta = (actor: Actor = staff) => ({ now, actor });
const facts = { role: 'reviewer' as const, active: true, deactivated: false };
const invited: AccountEvent = {
  type: 'AccountInvited',
  data: { accountId: 'p-1', role: 'reviewer', invitedBy: 'staff-1', invitedAt: now },
};

const decide = (given: AccountEvent[], command: AccountCommand) =>
  accountDecider.decide(command, given.reduce(accountDecider.evolve, accountDecider.initialState()));

describe('accounts: what staff change about a person, by whom and why', () => {
  it('given nothing, when staff invite a reviewer, then the invitation names who invited them', () => {
    expect(decide([], { type: 'InviteAccount', data: { accountId: 'p-1', role: 'reviewer' }, metadata: meta() })).toEqual([invited]);
  });

  it('given an invitation, when the same invitation arrives again, then nothing more is recorded', () => {
    expect(decide([invited], { type: 'InviteAccount', data: { accountId: 'p-1', role: 'reviewer' }, metadata: meta() })).toEqual([]);
  });

  it.each(['reviewer', 'board', 'auditor', 'operator'] as const)('refuses a %s (account.not_allowed)', (role) => {
    const command: AccountCommand = { type: 'InviteAccount', data: { accountId: 'p-1', role: 'board' }, metadata: meta({ id: 'x', role }) };
    expect(() => decide([], command)).toThrow(expect.objectContaining({ code: 'account.not_allowed' }));
  });

  it('refuses staff changing their own role (account.self)', () => {
    const command: AccountCommand = {
      type: 'ChangeAccountRole',
      data: { accountId: 'staff-1', to: 'auditor', reason: 'moving on', role: 'staff', active: true, deactivated: false },
      metadata: meta(),
    };
    expect(() => decide([], command)).toThrow(expect.objectContaining({ code: 'account.self' }));
  });

  it('given an invited reviewer, when staff make them a board member with a reason, then the change says from, to and why', () => {
    const change: AccountCommand = {
      type: 'ChangeAccountRole',
      data: { accountId: 'p-1', to: 'board', reason: '  Elected to the board.  ', ...facts },
      metadata: meta(),
    };
    expect(decide([invited], change)).toEqual([
      {
        type: 'AccountRoleChanged',
        data: { accountId: 'p-1', from: 'reviewer', to: 'board', reason: 'Elected to the board.', changedBy: 'staff-1', changedAt: now },
      },
    ]);
  });

  it('refuses a change of role without a reason (account.reason_required), and a change to the same role records nothing', () => {
    const change = (to: 'board' | 'reviewer', reason: string): AccountCommand => ({
      type: 'ChangeAccountRole',
      data: { accountId: 'p-1', to, reason, ...facts },
      metadata: meta(),
    });
    expect(() => decide([invited], change('board', '   '))).toThrow(expect.objectContaining({ code: 'account.reason_required' }));
    expect(decide([invited], change('reviewer', 'no change'))).toEqual([]);
  });

  it('given a deactivation, then a repeat records nothing and a change of role is refused (account.deactivated)', () => {
    const deactivate: AccountCommand = {
      type: 'DeactivateAccount',
      data: { accountId: 'p-1', reason: 'Left IASL.', ...facts },
      metadata: meta(),
    };
    const [deactivated] = decide([invited], deactivate);
    expect(deactivated).toEqual({
      type: 'AccountDeactivated',
      data: { accountId: 'p-1', reason: 'Left IASL.', deactivatedBy: 'staff-1', deactivatedAt: now },
    });
    expect(decide([invited, deactivated], deactivate)).toEqual([]);
    const change: AccountCommand = {
      type: 'ChangeAccountRole',
      data: { accountId: 'p-1', to: 'board', reason: 'x', ...facts },
      metadata: meta(),
    };
    expect(() => decide([invited, deactivated], change)).toThrow(expect.objectContaining({ code: 'account.deactivated' }));
  });

  it('re-sends an invitation until the person sets a password, then refuses (account.already_active)', () => {
    const resend = (active: boolean): AccountCommand => ({
      type: 'ResendInvitation',
      data: { accountId: 'p-1', ...facts, active },
      metadata: meta(),
    });
    expect(decide([invited], resend(false))).toEqual([
      { type: 'AccountInvitationResent', data: { accountId: 'p-1', resentBy: 'staff-1', resentAt: now } },
    ]);
    expect(() => decide([invited], resend(true))).toThrow(expect.objectContaining({ code: 'account.already_active' }));
  });
});
