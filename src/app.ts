import type { Clock } from './clock.ts';
import { createRegistry } from './commands/index.ts';
import type { RunContext } from './framework/run.ts';
import type { Caller, CommandContext } from './framework/types.ts';
import { openDatabase, type Db } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { databaseFailure } from './db/startup-failure.ts';
import type { ImportReport } from './importers/dataset.ts';
import type { IceFetchSettings } from './importers/ice-287g-fetch.ts';
import { loadShippedData } from './importers/shipped.ts';
import type { Logger } from './logger.ts';
import { createStore, type Store } from './store/index.ts';
import type { CommandRegistry } from './framework/registry.ts';
import { createTrust, type TrustOptions, type TrustServices } from './trust/services.ts';

/** Everything an adapter needs: the store, the commands, the clock and the logger. */
export interface App {
  db: Db;
  store: Store;
  registry: CommandRegistry;
  clock: Clock;
  logger: Logger;
  /** Per-user limits and the notices to editors and proposers (adapters register their senders). */
  trust: TrustServices;
  /** The context for one caller's command, in a conversation when there is one. */
  contextFor(caller: Caller, where?: Pick<CommandContext, 'conversation' | 'locale' | 'editors'>): RunContext;
  close(): void;
}

export interface AppOptions {
  databasePath: string;
  clock: Clock;
  logger: Logger;
  /** REQUIRE_REVIEW: moderators' changes wait for a second moderator. */
  requireReview?: boolean;
  trust?: TrustOptions;
  /** Where `import-287g` with no file fetches ICE's current list; without it the command asks for a file. */
  iceFetch?: IceFetchSettings;
}

/** Opens and migrates the database, loads new or changed shipped data, builds the commands. */
export function createApp({ databasePath, clock, logger, requireReview = false, iceFetch, trust: trustOptions }: AppOptions): App & { imports: ImportReport[] } {
  let db: Db;
  try {
    db = openDatabase(databasePath);
  } catch (error) {
    throw databaseFailure(error, databasePath) ?? error;
  }
  try {
    const { applied } = migrate(db);
    if (applied.length) logger.info({ applied }, 'applied migrations');
    const store = createStore(db);
    const imports = loadShippedData(store, clock);
    for (const report of imports.filter((r) => !r.skipped)) {
      logger.info(
        { dataset: report.dataset, read: report.rowsRead, matched: report.rowsMatched, unmatched: report.unmatched.length },
        `loaded ${report.title}`,
      );
    }
    const registry = createRegistry();
    const trust = createTrust(clock, logger, trustOptions);
    return {
      db,
      store,
      registry,
      clock,
      logger,
      imports,
      trust,
      contextFor: (caller, where) => ({ store, clock, caller, registry, logger, requireReview, trust, ...(iceFetch ? { iceFetch } : {}), ...where }),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw databaseFailure(error, databasePath) ?? error;
  }
}
