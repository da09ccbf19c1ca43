import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { fixedClock } from '../../src/clock.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';

/** The date the tests pretend it is. */
export const TEST_NOW = '2026-11-24T15:00:00Z';
export const testClock = fixedClock(TEST_NOW);

/** A fresh, migrated, empty in-memory store. */
export function emptyStore(): Store {
  const db = openDatabase(':memory:');
  migrate(db);
  return createStore(db);
}

/** Every shipped dataset loaded into a new in-memory store (the global setup does this once per run). */
export function buildLoadedStore(): Store {
  const store = emptyStore();
  loadShippedData(store, testClock);
  return store;
}

let loaded: Store | undefined;
let image: Buffer | undefined;

/** An in-memory copy of the database the global setup loaded, opened as openDatabase opens one. */
function copyOfLoaded(): Store {
  image ??= readFileSync(inject('loadedDatabase'));
  const db = new Database(image);
  db.pragma('foreign_keys = ON');
  return createStore(db);
}

/**
 * A store with every shipped dataset loaded. Shared within a test file; tests that write must
 * use emptyStore() or loadedStore({ fresh: true }), which gives each its own copy.
 */
export function loadedStore(options: { fresh?: boolean } = {}): Store {
  if (loaded && !options.fresh) return loaded;
  const store = copyOfLoaded();
  if (!options.fresh) loaded = store;
  return store;
}

/** A new test file starts without the previous file's shared store (files may share a worker: vitest.config.ts). */
export function forgetSharedStore(): void {
  loaded = undefined;
}
