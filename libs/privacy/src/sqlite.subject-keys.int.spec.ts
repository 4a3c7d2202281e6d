import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSubjectKeys } from './sqlite.subject-keys';
import { emailSubject, userSubject } from './subject-keys';
import { itBehavesLikeSubjectKeys } from './testing/subject-keys.contract';

/** Every byte of the key store on disk: the file and its WAL. */
const onDisk = (path: string) => Buffer.concat([path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p)));

describe('SqliteSubjectKeys', () => {
  describe('the contract, with every instance a connection to one file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-contract-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    itBehavesLikeSubjectKeys(async (clock) => SqliteSubjectKeys.open(join(dir, 'keys.sqlite'), clock));
  });

  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names people by a keyed hash: stable across opens, different per store, and no email in the file', async () => {
    const path = join(dir, 'keys.sqlite');
    const keys = SqliteSubjectKeys.open(path);
    const ada = emailSubject(keys, ' Ada@School.example ');
    await keys.keyFor(ada);
    await keys.close();
    const again = SqliteSubjectKeys.open(path);
    expect(emailSubject(again, 'ada@school.example')).toBe(ada);
    expect(userSubject(again, 'u-1')).not.toBe(ada);
    await again.close();
    const other = SqliteSubjectKeys.open(join(dir, 'other.sqlite'));
    expect(emailSubject(other, 'ada@school.example')).not.toBe(ada);
    await other.close();
    expect(onDisk(path).includes('ada@school.example')).toBe(false);
  });

  it('after destroy leaves no trace of the key bytes in the file or its WAL', async () => {
    const path = join(dir, 'keys.sqlite');
    const keys = SqliteSubjectKeys.open(path);
    const ada = emailSubject(keys, 'ada@school.example');
    const adaKey = await keys.keyFor(ada);
    await keys.keyFor(emailSubject(keys, 'bob@school.example'));
    expect(onDisk(path).includes(adaKey.key)).toBe(true);

    expect(await keys.destroy([ada])).toBe(1);
    expect(onDisk(path).includes(adaKey.key)).toBe(false);
    await keys.keyFor(ada);
    await keys.close();
    expect(onDisk(path).includes(adaKey.key)).toBe(false);
  });
});
