/**
 * Database failures at start: a damaged file, a read-only one, a full disk, a newer schema. One
 * line saying what is wrong and what to do, exit code 1, the stack only with LOG_LEVEL=debug,
 * the file untouched. One test spawns the real start; the rest produce the real SQLite errors in
 * process.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { databaseFailure, DatabaseStartError } from '../../src/db/startup-failure.ts';
import { silentLogger } from '../../src/logger.ts';
import { testClock } from '../helpers/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'sw-dbfail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The error a real SQLite operation raises. */
function sqliteError(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('no error');
}

describe('database failures at start', () => {
  it('GIVEN a damaged database file THEN npm start prints one line and exits 1, the file unchanged; LOG_LEVEL=debug adds the stack', () => {
    const path = join(dir, 'damaged.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const before = digest(path);
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], { env: { ...process.env, DATABASE_PATH: path, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', ...env }, input: '', encoding: 'utf8', timeout: 60_000 });
    const plain = start({ LOG_LEVEL: 'warn' });
    expect(plain.status).toBe(1);
    expect(plain.stderr.trim().split('\n')).toEqual([
      `sheriff-watch: ${path}: the database file is damaged or is not a database (file is not a database). The file was left as it is. Restore it from a backup, or move it aside and start again to create a new one.`,
    ]);
    const debug = start({ LOG_LEVEL: 'debug' });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at .+\(/);
    expect(digest(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('GIVEN a database of a newer schema THEN refused in one line naming both versions, the file unchanged', () => {
    const path = join(dir, 'newer.db');
    const db = openDatabase(path);
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future.sql', '2030-01-01')").run();
    db.close();
    const before = digest(path);
    let failure: unknown;
    try {
      createApp({ databasePath: path, clock: testClock, logger: silentLogger });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DatabaseStartError);
    expect((failure as Error).message).toMatch(/^.*newer\.db: The database schema is at version 99, newer than this code knows \(\d+\)\. Upgrade Sheriff Watch/);
    expect((failure as Error).message).not.toContain('\n');
    expect(digest(path)).toBe(before);
  });

  it('GIVEN a read-only database THEN the line says it cannot be written and what to do', () => {
    const path = join(dir, 'readonly.db');
    openDatabase(path).close();
    const db = new Database(path, { readonly: true });
    const error = sqliteError(() => migrate(db));
    db.close();
    expect(databaseFailure(error, path)!.message).toBe(
      `${path}: the database cannot be written (attempt to write a readonly database). The file was left as it is. Let the bot's user write the file and its folder (SQLite also writes the -wal and -shm files next to it), or set DATABASE_PATH to a writable place.`,
    );
  });

  it('GIVEN a full disk (SQLite refused to grow the file) THEN the line says to free space', () => {
    const path = join(dir, 'full.db');
    const db = openDatabase(path);
    db.pragma('max_page_count = 8');
    const error = sqliteError(() => migrate(db));
    db.close();
    expect((error as { code: string }).code).toBe('SQLITE_FULL');
    expect(databaseFailure(error, path)!.message).toBe(`${path}: the disk holding the database is full. Nothing was half-written (every change is one transaction): free some space and start again.`);
  });

  it('GIVEN an error that is not about the database THEN it is not dressed up as one', () => {
    expect(databaseFailure(new Error('boom'), 'x.db')).toBeUndefined();
  });
});
