import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { emailSubject, userSubject } from './subject-keys';

/** Every byte of the key store on disk: the file and its WAL. */
const onDisk = (path: string) => Buffer.concat([path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p)));

describe('SqliteSubjectKeys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names people by a keyed hash: stable across opens, different per store, and no email in the file', () => {
    const path = join(dir, 'keys.sqlite');
    const keys = SqliteSubjectKeys.open(path);
    const ada = emailSubject(keys, ' Ada@School.example ');
    keys.keyFor(ada);
    keys.close();
    const again = SqliteSubjectKeys.open(path);
    expect(emailSubject(again, 'ada@school.example')).toBe(ada);
    expect(userSubject(again, 'u-1')).not.toBe(ada);
    again.close();
    const other = SqliteSubjectKeys.open(join(dir, 'other.sqlite'));
    expect(emailSubject(other, 'ada@school.example')).not.toBe(ada);
    other.close();
    expect(onDisk(path).includes('ada@school.example')).toBe(false);
  });

  it('gives one live key per subject, and after destroy no trace of the key bytes is left in the file or its WAL', () => {
    const path = join(dir, 'keys.sqlite');
    const keys = SqliteSubjectKeys.open(path);
    const ada = emailSubject(keys, 'ada@school.example');
    const bob = emailSubject(keys, 'bob@school.example');
    const adaKey = keys.keyFor(ada);
    expect(keys.keyFor(ada)).toEqual(adaKey);
    const bobKey = keys.keyFor(bob);
    expect(onDisk(path).includes(adaKey.key)).toBe(true);

    expect(keys.destroy([ada])).toBe(1);
    expect(keys.destroy([ada])).toBe(0);

    expect(keys.keyById(adaKey.keyId)).toBeNull();
    expect(keys.keyById(bobKey.keyId)).toEqual(bobKey.key);
    expect(onDisk(path).includes(adaKey.key)).toBe(false);
    // Someone who comes back after an erasure gets a new key; what was erased stays erased.
    const fresh = keys.keyFor(ada);
    expect(fresh.keyId).not.toBe(adaKey.keyId);
    keys.close();
    expect(onDisk(path).includes(adaKey.key)).toBe(false);
  });
});
