import { freshDatabase } from '../../event-store/src/testing/postgres-test-db';
import { PostgresSubjectKeys } from './postgres.subject-keys';
import { emailSubject } from './subject-keys';
import { itBehavesLikeSubjectKeys } from './testing/subject-keys.contract';

describe('PostgresSubjectKeys', () => {
  const db = { url: '', drop: async () => {} };
  beforeAll(async () => Object.assign(db, await freshDatabase('keys')));
  afterAll(() => db.drop());

  describe('the contract, with every instance a pool of its own on one database (as processes on other machines)', () => {
    itBehavesLikeSubjectKeys((clock) => PostgresSubjectKeys.connect(db.url, clock));
  });

  it('makes one pseudonym secret when instances open a new database at once, so they name people alike', async () => {
    const other = await freshDatabase('keys_secret');
    try {
      const instances = await Promise.all([1, 2, 3, 4].map(() => PostgresSubjectKeys.connect(other.url)));
      const ids = new Set(instances.map((k) => emailSubject(k, 'ada@school.example')));
      await Promise.all(instances.map((k) => k.close()));
      expect(ids.size).toBe(1);
      // Another database is another store: its secret, and so its names, are its own.
      const elsewhere = await PostgresSubjectKeys.connect(db.url);
      expect(emailSubject(elsewhere, 'ada@school.example')).not.toBe([...ids][0]);
      await elsewhere.close();
    } finally {
      await other.drop();
    }
  });
});
