import { IdentityStore, SqliteIdentityStore } from '@cert/identity';
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
    erasedNow: ['Their identity: name, contact email and institution name, wherever the applications hold them.'],
    retained: [
      {
        applicationId: 'app-1',
        reference: 'APP-2026-3F1C2A',
        as: 'applicant',
        standing: 'kept',
        retention: {
          rule: 'after-final-decision',
          years: 7,
          policyVersion: 'decision-policy.v1',
          closedAt: '2026-02-09T09:00:00.000Z',
          retainedUntil: '2033-02-09T09:00:00.000Z',
        },
        shreddedAt: null,
        until: 'Kept until 2033-02-09: 7 years after the final decision (decision-policy.v1).',
        why: 'The reasons for a decision are the institution’s record of why it was made.',
        counts: { kept: 33, shredded: 0, erasedWithPerson: 0, underPeoplesKeys: 0 },
      },
    ],
  };
  const erasure = { erase: async (email: string, actor: unknown) => (calls.push({ email, actor }), report) } as unknown as SubjectErasure;

  beforeEach(() => {
    identity = new SqliteIdentityStore(':memory:', new FixedClock('2026-04-01T12:00:00.000Z'));
    printed = [];
    calls.length = 0;
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await identity.close();
  });

  it('erases on the authority of an active staff account and prints counts, never the email', async () => {
    const staff = await identity.createUser({ email: 'staff@iasl.org', name: 'Staff', role: 'staff' });
    await new EraseSubjectCommand(erasure, identity).run([], { email: 'ada@school.example', by: 'Staff@IASL.org' });
    expect(calls).toEqual([{ email: 'ada@school.example', actor: { id: staff.id, role: 'staff' } }]);
    expect(printed.join('\n')).toContain(
      `subject ${report.subjectId} erased: 2 key(s) destroyed, account removed, 3 kept message(s) deleted`,
    );
    expect(printed.join('\n')).not.toContain('ada@school.example');
    // What went now, and what is kept until when, and why.
    expect(printed).toEqual(
      expect.arrayContaining([
        'erased now: Their identity: name, contact email and institution name, wherever the applications hold them.',
        expect.stringMatching(
          /^retained: APP-2026-3F1C2A \(applicant\): Kept until 2033-02-09: 7 years after the final decision .* 33 reason\(s\) kept/,
        ),
        'why: The reasons for a decision are the institution’s record of why it was made.',
      ]),
    );
  });

  it('refuses anyone but an active staff account', async () => {
    await identity.createUser({ email: 'op@iasl.org', name: 'Op', role: 'operator' });
    await expect(new EraseSubjectCommand(erasure, identity).run([], { email: 'ada@school.example', by: 'op@iasl.org' })).rejects.toThrow(
      /only staff may erase/,
    );
    await expect(
      new EraseSubjectCommand(erasure, identity).run([], { email: 'ada@school.example', by: 'nobody@iasl.org' }),
    ).rejects.toThrow(/not an active staff account/);
    expect(calls).toEqual([]);
  });
});
