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

let loaded: Store | undefined;

/**
 * A store with every shipped dataset loaded. Shared within a test file (loading takes a
 * moment); tests that write must use emptyStore() or loadedStore({ fresh: true }).
 */
export function loadedStore(options: { fresh?: boolean } = {}): Store {
  if (loaded && !options.fresh) return loaded;
  const store = emptyStore();
  loadShippedData(store, testClock);
  if (!options.fresh) loaded = store;
  return store;
}
