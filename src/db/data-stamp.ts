import type { Db } from './open.ts';

const statements = new WeakMap<Db, { get(): unknown }>();

/**
 * Changes whenever the database may have changed: rows written on this connection
 * (total_changes) or a commit by another connection (data_version). Same stamp, same data —
 * what caches of query results key on.
 */
export function dataStamp(db: Db): string {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw(true);
    statements.set(db, statement);
  }
  const [changes, version] = statement.get() as [number, number];
  return `${changes}:${version}`;
}
