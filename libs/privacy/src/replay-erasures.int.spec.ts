import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED, OpenApplication, applicationDecider, applicationStream, subjectDecider, subjectStream } from '@cert/domain';
import { SqliteEventStore, handle } from '@cert/event-store';
import { FixedClock } from '@cert/testing';
import { APP_ID, cmd, survey } from '../../domain/src/application/application.fixtures';
import { replayErasures } from './erasure';
import { ProtectedEventStore } from './privacy.module';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { emailSubject } from './subject-keys';

describe('replaying erasures after the key store is restored from a backup', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'replay-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('destroys again the keys an erasure destroyed, and spares keys of data given after it', async () => {
    const clock = new FixedClock('2026-03-01T09:00:00.000Z');
    const path = join(dir, 'keys.sqlite');
    const stored = SqliteEventStore.open(':memory:');
    let keys = SqliteSubjectKeys.open(path, clock);
    const leaderOf = async (applicationId: string) => {
      const { events } = await new ProtectedEventStore(stored, keys).readStream(applicationStream(applicationId));
      return (events.reduce(applicationDecider.evolve as never, applicationDecider.initialState()) as OpenApplication).survey.leaderName;
    };
    const submit = (applicationId: string) => {
      const command = cmd.submitSurvey({ now: clock.now().toISOString() });
      const c = { ...command, data: { ...command.data, applicationId } } as typeof command;
      return handle(new ProtectedEventStore(stored, keys), applicationStream(applicationId), applicationDecider, c, {
        actorId: 'u',
        actorRole: 'applicant',
        now: clock.now().toISOString(),
      });
    };

    await submit(APP_ID);
    await keys.close();
    copyFileSync(path, join(dir, 'backup.sqlite'));
    keys = SqliteSubjectKeys.open(path, clock);

    clock.advance({ days: 1 });
    const subject = emailSubject(keys, survey().contactEmail);
    const keysDestroyed = await keys.destroy([subject]);
    const now = clock.now().toISOString();
    const staff = { id: 'user-staff', role: 'staff' as const };
    await handle(
      new ProtectedEventStore(stored, keys),
      subjectStream(subject),
      subjectDecider,
      {
        type: 'EraseSubject',
        data: { subjectId: subject, subjects: [subject], keysDestroyed, accountRemoved: false },
        metadata: { now, actor: staff },
      },
      { actorId: staff.id, actorRole: staff.role, now },
    );
    clock.advance({ days: 1 });
    // She comes back and applies again: a new key, created after the erasure.
    const SECOND = '3f1c2a9e-0000-4000-8000-000000000002';
    await submit(SECOND);
    expect(await leaderOf(APP_ID)).toBe(ERASED);
    // Replaying the old erasure never touches the key of what she gave after it.
    expect(await replayErasures(stored, keys)).toEqual({ erasures: 1, keysDestroyed: 0 });
    expect(await leaderOf(SECOND)).toBe(survey().leaderName);

    // The key store is restored from the backup taken before the erasure: her old key is back.
    await keys.close();
    copyFileSync(join(dir, 'backup.sqlite'), path);
    keys = SqliteSubjectKeys.open(path, clock);
    expect(await leaderOf(APP_ID)).toBe(survey().leaderName);

    expect(await replayErasures(stored, keys)).toEqual({ erasures: 1, keysDestroyed: 1 });
    expect(await leaderOf(APP_ID)).toBe(ERASED);
    expect(await replayErasures(stored, keys)).toEqual({ erasures: 1, keysDestroyed: 0 });
    await keys.close();
    await stored.close();
  });
});
