// What the operator reads when the database cannot be used at start: one line saying what is
// wrong and what to do, instead of a raw SqliteError and its stack. Nothing is written to the
// file on the way out (a failed open or migration leaves it as it was).
import Database from 'better-sqlite3';
import { SchemaError } from './migrate.ts';

/** A database problem at start, said in one line; the file was left as it was. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

const AS_IS = 'The file was left as it is.';

/** The one-line explanation of a failure to open or migrate `path`, or undefined when it is not a database problem. */
export function databaseFailure(error: unknown, path: string): DatabaseStartError | undefined {
  if (error instanceof DatabaseStartError) return error;
  if (error instanceof SchemaError) return new DatabaseStartError(`${path}: ${error.message} ${AS_IS}`, error);
  if (error instanceof TypeError && /directory does not exist/i.test(error.message)) {
    return new DatabaseStartError(`${path}: the folder for the database does not exist. Create it, or set DATABASE_PATH to a file in a folder that exists.`, error);
  }
  if (!(error instanceof Database.SqliteError)) return undefined;
  const code = error.code;
  const say = (text: string) => new DatabaseStartError(`${path}: ${text}`, error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return say(`the database file is damaged or is not a database (${error.message}). ${AS_IS} Restore it from a backup, or move it aside and start again to create a new one.`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return say(`the database cannot be written (${error.message}). ${AS_IS} Let the bot's user write the file and its folder (SQLite also writes the -wal and -shm files next to it), or set DATABASE_PATH to a writable place.`);
  }
  if (code === 'SQLITE_FULL') return say('the disk holding the database is full. Nothing was half-written (every change is one transaction): free some space and start again.');
  if (code.startsWith('SQLITE_CANTOPEN')) return say(`the database file cannot be opened (${error.message}). Check that the bot's user may read and write it and its folder, or set DATABASE_PATH.`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return say(`another program holds the database locked (${error.message}). ${AS_IS} Stop it (or wait for it), then start again.`);
  }
  if (code.startsWith('SQLITE_IOERR')) return say(`reading or writing the database failed (${code}: ${error.message}). ${AS_IS} Check the disk, then start again.`);
  return undefined;
}
