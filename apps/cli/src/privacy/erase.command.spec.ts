import { IdentityStore } from '@cert/identity';
import type { ErasureReport } from '@cert/contracts';
import { SubjectErasure } from '@cert/privacy';
import { FixedClock } from '@cert/testing';
import { EraseSubjectCommand } from './erase.command';

describe('privacy:erase', () => {
  let identity: IdentityStore;
  let printed: string[];
  const calls: { email: string; actor: unknown }[] = [];
  const report: ErasureReport = {
    subjectId: 'ab'.repeat(16),
    keysDestroyed: 2,
    accountRemoved: true,
    outboxMessagesDeleted: 3,
    documentsDeleted: 1,
    position: '42',
    readModelsRebuilt: true,
  };
  const erasure = { erase: async (email: string, actor: unknown) => (calls.push({ email, actor }), report) } as unknown as SubjectErasure;

  beforeEach(() => {
    identity = new IdentityStore(':memory:', new FixedClock('2026-04-01T12:00:00.000Z'));
    printed = [];
    calls.length = 0;
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    identity.close();
  });

  it('erases on the authority of an active staff account and prints counts, never the email', async () => {
    const staff = identity.createUser({ email: 'staff@iasl.org', name: 'Staff', role: 'staff' });
    await new EraseSubjectCommand(erasure, identity).run([], { email: 'ada@school.example', by: 'Staff@IASL.org' });
    expect(calls).toEqual([{ email: 'ada@school.example', actor: { id: staff.id, role: 'staff' } }]);
    expect(printed.join('\n')).toContain(
      `subject ${report.subjectId} erased: 2 key(s) destroyed, account removed, 3 kept message(s) deleted`,
    );
    expect(printed.join('\n')).not.toContain('ada@school.example');
  });

  it('refuses anyone but an active staff account', async () => {
    identity.createUser({ email: 'op@iasl.org', name: 'Op', role: 'operator' });
    await expect(new EraseSubjectCommand(erasure, identity).run([], { email: 'ada@school.example', by: 'op@iasl.org' })).rejects.toThrow(
      /only staff may erase/,
    );
    await expect(
      new EraseSubjectCommand(erasure, identity).run([], { email: 'ada@school.example', by: 'nobody@iasl.org' }),
    ).rejects.toThrow(/not an active staff account/);
    expect(calls).toEqual([]);
  });
});
