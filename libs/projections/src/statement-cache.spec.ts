import Database from 'better-sqlite3';
import { SqliteReadDb } from './read-db';
import { cacheStatements } from './statement-cache';

describe('cacheStatements', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = cacheStatements(new Database(':memory:'));
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b')");
  });
  afterEach(() => db.close());

  it('given a SQL text prepared before, when it is prepared again, then the compiled statement is reused', () => {
    const first = db.prepare('SELECT name FROM t WHERE id = ?');
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
    expect(db.prepare('SELECT id FROM t WHERE id = ?')).not.toBe(first);
  });

  it.each([
    ['pluck', (s: Database.Statement) => s.pluck()],
    ['raw', (s: Database.Statement) => s.raw()],
    ['expand', (s: Database.Statement) => s.expand()],
  ])('given a caller that set %s mode, when the next caller prepares the same SQL, then it gets rows as objects', (_mode, setMode) => {
    const sql = 'SELECT id, name FROM t WHERE id = ?';
    setMode(db.prepare(sql)).get(1);
    expect(db.prepare(sql).get(1)).toEqual({ id: 1, name: 'a' });
  });

  it('given a write statement, when it is prepared again, then it runs again', () => {
    db.prepare("INSERT INTO t (name) VALUES ('c')").run();
    db.prepare("INSERT INTO t (name) VALUES ('c')").run();
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(4);
  });

  it('given a table recreated with other columns, when a cached SELECT * runs, then it returns the new columns', () => {
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'a' });
    db.exec("DROP TABLE t; CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, n INTEGER); INSERT INTO t VALUES (1, 'x', 7)");
    expect(db.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, label: 'x', n: 7 });
  });

  it('given many distinct SQL texts (variable IN lists), when more than the bound are prepared, then each still runs', () => {
    for (let k = 1; k <= 600; k++) {
      const ids = Array.from({ length: k }, (_, i) => i + 1);
      const count = db
        .prepare(`SELECT COUNT(*) FROM t WHERE id IN (${ids.map(() => '?').join(',')})`)
        .pluck()
        .get(...ids);
      expect(count).toBe(Math.min(k, 2));
    }
  });

  it('given the read db, when it is opened, then its statements are cached', () => {
    const readDb = SqliteReadDb.open(':memory:');
    try {
      expect(readDb.db.prepare('SELECT 1')).toBe(readDb.db.prepare('SELECT 1'));
    } finally {
      readDb.close();
    }
  });
});
