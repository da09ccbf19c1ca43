import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../clock.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { Note, NoteMessage, UnmatchedRow } from '../store/imports.ts';
import type { Store } from '../store/index.ts';

export type { Note, NoteMessage, UnmatchedRow };

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** A message note; `params` are left out when there are none (the stored JSON stays small). */
export function note(key: MessageKey, params?: NoteMessage['params']): NoteMessage {
  return params ? { key, params } : { key };
}

/** The note in the language; plain text is shown as it was stored. */
export function noteText(value: Note, language: Language): string {
  if (typeof value === 'string') return value;
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params ?? {})) {
    params[name] = Array.isArray(param)
      ? param.map((p) => noteText(p, language)).join('; ')
      : typeof param === 'object'
        ? noteText(param, language)
        : param;
  }
  return t(language, value.key, params);
}

/** What a loader found in a file. */
export interface LoadResult {
  rowsRead: number;
  rowsMatched: number;
  unmatched: UnmatchedRow[];
  /** Anything else worth saying, e.g. "3 counties renamed since 2010". */
  notes: Note[];
}

export interface ImportContext {
  store: Store;
  /** The file's text. */
  text: string;
  /** Who the import is recorded as, e.g. 'import:ice-287g'. */
  by: string;
  /** When, as an ISO timestamp. */
  at: string;
}

/** A dataset the bot can load: where it is, what it is, and how to load it. */
export interface Dataset {
  /** Stable key, e.g. 'counties', 'ice-287g', 'sheriffs-tx'. */
  key: string;
  /** Human title for replies and reports. */
  title: string;
  /** The dataset's own date, 'YYYY-MM-DD' or 'YYYY-MM'. */
  version: string;
  /** File name under data/. */
  file: string;
  /** Where the data came from, shown by `about`. */
  origin: string;
  load(ctx: ImportContext): LoadResult;
}

export interface ImportReport extends LoadResult {
  dataset: string;
  title: string;
  version: string;
  fileName: string;
  /** True when nothing was done: the same file was already loaded, or a newer version of the dataset is. */
  skipped: boolean;
  /** Why it was skipped. */
  skipReason?: 'same_file' | 'older_version' | 'retires_most' | 'unplaced_most';
  /** The version loaded before this import, if any. */
  previousVersion?: string;
}

export interface RunOptions {
  clock: Clock;
  /** Directory holding the file; defaults to the shipped data/. */
  dir?: string;
  /** Load again even if this exact file was loaded before, or a newer version is. */
  force?: boolean;
}

/** Loads one dataset in one transaction and records the import; the same file twice is a no-op. */
export function runImport(store: Store, dataset: Dataset, options: RunOptions): ImportReport {
  const path = join(options.dir ?? DATA_DIR, dataset.file);
  return runImportBytes(store, dataset, readFileSync(path), options);
}

/**
 * Loads a dataset from a file already read (e.g. one attached in chat). The same file as the
 * last import is a no-op; so is an older version than the one loaded (a newer list uploaded by
 * a moderator is not undone by the shipped file at the next start), unless forced.
 */
export function runImportBytes(store: Store, dataset: Dataset, bytes: Uint8Array, options: Omit<RunOptions, 'dir'>): ImportReport {
  const checksum = createHash('sha256').update(bytes).digest('hex');
  const base = { dataset: dataset.key, title: dataset.title, version: dataset.version, fileName: basename(dataset.file) };
  const previous = store.imports.latest(dataset.key);
  const older = previous !== undefined && previous.version > dataset.version;
  if (!options.force && (previous?.checksum === checksum || older)) {
    return {
      ...base,
      skipped: true,
      skipReason: previous?.checksum === checksum ? 'same_file' : 'older_version',
      previousVersion: previous!.version,
      rowsRead: previous!.rowsRead,
      rowsMatched: previous!.rowsMatched,
      unmatched: [],
      notes: [],
    };
  }
  const at = options.clock.now().toISOString();
  return store.db.transaction((): ImportReport => {
    const result = dataset.load({ store, text: Buffer.from(bytes).toString('utf8'), by: `import:${dataset.key}`, at });
    store.imports.record({
      ...base,
      checksum,
      importedAt: at,
      rowsRead: result.rowsRead,
      rowsMatched: result.rowsMatched,
      rowsUnmatched: result.unmatched.length,
      report: { unmatched: result.unmatched, notes: result.notes },
    });
    return { ...base, ...result, skipped: false, ...(previous ? { previousVersion: previous.version } : {}) };
  })();
}
