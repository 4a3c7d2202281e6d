import type Database from 'better-sqlite3';

/** Far more than the distinct SQL texts the read side uses; a bound only for SQL built with variable IN lists. */
const LIMIT = 512;

const cached = new WeakSet<Database.Database>();

/**
 * Makes `db.prepare(sql)` compile each SQL text once and hand back the same statement afterwards. Projections and
 * queries call `db.prepare` where they use it (readable next to the SQL), and compiling showed in the api's profile
 * under load (bench/NOTES.md, Figures recorded in code comments), most of it on the access check every request makes.
 * A reused statement is handed back in its default mode: better-sqlite3 keeps pluck/expand/raw on the statement, so a
 * caller's `.pluck()` would otherwise leak into the next caller of the same SQL. Safe because nothing on these
 * connections iterates (`.iterate()` holds a statement busy until it is drained).
 */
export function cacheStatements(db: Database.Database): Database.Database {
  if (cached.has(db)) return db;
  cached.add(db);
  const compile = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= LIMIT) statements.clear();
      statement = compile(sql);
      statements.set(sql, statement);
    } else if (statement.reader) {
      // Each call turns its own mode off only if it is the one set: together they restore the default.
      statement.pluck(false).expand(false).raw(false);
    }
    return statement;
  }) as Database.Database['prepare'];
  return db;
}
