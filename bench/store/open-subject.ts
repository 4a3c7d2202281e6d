import { SqliteEventStore } from '@cert/event-store';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres.event-store';
import { EmmettSubject } from './emmett';
import { EngineSubject, FloorSubject, StoreSubject, SubjectId, isEngine } from './subjects';

/** `path`: the SQLite file, or for the PostgreSQL subjects the database URL. */
export async function openSubject(id: SubjectId, path: string): Promise<StoreSubject & { conflicts: number }> {
  if (id === 'emmett-pg') return EmmettSubject.open(id, path);
  if (id === 'engine-pg') return new EngineSubject(id, await PostgresEventStore.connect(path));
  if (isEngine(id)) return new EngineSubject(id, SqliteEventStore.open(path, { synchronous: id === 'engine-NORMAL' ? 'NORMAL' : 'FULL' }));
  return new FloorSubject(id, path);
}
