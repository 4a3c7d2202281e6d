import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommand, ERASED, applicationDecider, applicationStream } from '@cert/domain';
import { EventStore, SqliteEventStore, handle } from '@cert/event-store';
import { APP_ID, cmd } from '../../domain/src/application/application.fixtures';
import { ProtectedEventStore } from './privacy.module';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { SubjectKeys, emailSubject } from './subject-keys';

const STREAM = applicationStream(APP_ID);

/** The key store as the codec sees it, with a switch that hands back other bytes under the same key id. */
class SwappableKeys extends SubjectKeys {
  replaced = false;
  constructor(private readonly inner: SubjectKeys) {
    super();
  }
  subjectOf(handle: string) {
    return this.inner.subjectOf(handle);
  }
  keyFor(subjectId: string) {
    return this.inner.keyFor(subjectId);
  }
  async keysById(keyIds: readonly string[]) {
    return this.replaced ? new Map(keyIds.map((id) => [id, randomBytes(32)])) : this.inner.keysById(keyIds);
  }
  destroy(subjectIds: readonly string[], createdBy?: string) {
    return this.inner.destroy(subjectIds, createdBy);
  }
  close() {
    return this.inner.close();
  }
}

/**
 * The codec remembers plaintexts between reads (every command re-reads its stream); that memory must never outlive
 * the key: a destroyed key reads as erased on the very next read, also when another process destroys it.
 */
describe('the privacy codec remembering plaintexts between reads', () => {
  let dir: string;
  let stored: SqliteEventStore;
  let keys: SqliteSubjectKeys;
  let swappable: SwappableKeys;
  let store: EventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codec-memory-'));
    stored = SqliteEventStore.open(':memory:');
    keys = SqliteSubjectKeys.open(join(dir, 'keys.sqlite'));
    swappable = new SwappableKeys(keys);
    store = new ProtectedEventStore(stored, swappable);
  });
  afterEach(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (command: ApplicationCommand) =>
    handle(store, STREAM, applicationDecider, command, {
      actorId: command.metadata.actor.id,
      actorRole: command.metadata.actor.role,
      now: command.metadata.now,
    });
  const leaderName = async () => ((await store.readStream(STREAM)).events[0].data as { survey: { leaderName: string } }).survey.leaderName;

  it('reads as erased right after another connection destroys the key, though the plaintext was read before', async () => {
    await run(cmd.submitSurvey());
    expect(await leaderName()).toBe('Dr. Ada Rivers');
    expect(await leaderName()).toBe('Dr. Ada Rivers');

    const elsewhere = SqliteSubjectKeys.open(join(dir, 'keys.sqlite'));
    expect(await elsewhere.destroy([emailSubject(elsewhere, 'leader@riverside.edu')])).toBe(1);
    await elsewhere.close();

    expect(await leaderName()).toBe(ERASED);
    expect((await store.readAll(null, 10))[0].data).toEqual(
      expect.objectContaining({ survey: expect.objectContaining({ contactEmail: ERASED }) }),
    );
  });

  it('reads as erased right after another connection destroys the key, though this process sealed the plaintext', async () => {
    // Sealing remembers what it encrypted, so the first read after it needs no decryption; never past the key.
    await run(cmd.submitSurvey());
    const elsewhere = SqliteSubjectKeys.open(join(dir, 'keys.sqlite'));
    expect(await elsewhere.destroy([emailSubject(elsewhere, 'leader@riverside.edu')])).toBe(1);
    await elsewhere.close();

    expect(await leaderName()).toBe(ERASED);
  });

  it('reads a field it sealed with the key that sealed it, and as erased once that key id opens no more', async () => {
    await run(cmd.submitSurvey());
    swappable.replaced = true;
    expect(await leaderName()).toBe(ERASED);
    swappable.replaced = false;
    expect(await leaderName()).toBe('Dr. Ada Rivers');
  });

  it('reads as erased when the key under the same id no longer opens the field, though it was read before', async () => {
    await run(cmd.submitSurvey());
    expect(await leaderName()).toBe('Dr. Ada Rivers');
    swappable.replaced = true;
    expect(await leaderName()).toBe(ERASED);
    swappable.replaced = false;
    expect(await leaderName()).toBe('Dr. Ada Rivers');
  });
});
