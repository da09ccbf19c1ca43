import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './open.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Raised when the database cannot be used by this code; the message says what to do. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

/** A migration that rebuilds a table says so on a line of its own. */
const REBUILD_MARK = /^-- rebuilds tables: foreign keys off while it runs$/m;

const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new SchemaError(`Migration file "${file}" must be named NNNN_lower_snake.sql.`);
      return { version: Number(match[1]), name: file, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new SchemaError(`Migrations must be numbered 1, 2, 3…; found ${m.name} at position ${i + 1}.`);
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them.
 * Refuses a database whose applied migrations are newer than, or differ from, the files.
 */
export function migrate(db: Db, migrations: Migration[] = loadMigrations()): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const newest = migrations.at(-1)?.version ?? 0;
  for (const row of applied) {
    if (row.version > newest) {
      throw new SchemaError(
        `The database schema is at version ${applied.at(-1)?.version}, newer than this code knows (${newest}). ` +
          'Upgrade Sheriff Watch, or point DATABASE_PATH at another database.',
      );
    }
    const file = migrations[row.version - 1];
    if (!file || file.name !== row.name) {
      throw new SchemaError(
        `The database recorded migration ${row.version} as "${row.name}", but the file is "${file?.name ?? 'missing'}". ` +
          'Migrations are append-only: restore the original file, or start from a fresh database.',
      );
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: string[] = [];
  for (const migration of migrations.slice(applied.length)) {
    // Rebuilding a table others point at (SQLite's way to change a CHECK) needs foreign keys off
    // while it runs; they are checked before the migration commits, and on again after.
    const rebuild = REBUILD_MARK.test(migration.sql);
    const enforced = rebuild && db.pragma('foreign_keys', { simple: true }) === 1;
    if (enforced) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (rebuild && (db.pragma('foreign_key_check') as unknown[]).length) throw new SchemaError(`Migration ${migration.name} left rows pointing at nothing.`);
        record.run(migration.version, migration.name, new Date().toISOString());
      })();
    } finally {
      if (enforced) db.pragma('foreign_keys = ON');
    }
    done.push(migration.name);
  }
  return { applied: done };
}
