import type { App } from '../../src/app.ts';
import { createRegistry } from '../../src/commands/index.ts';
import type { CommandRegistry } from '../../src/commands/registry.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store/index.ts';
import { testClock } from './store.ts';

/** The real core as adapters see it (App), over a test store, on the test clock. */
export function testApp(store: Store, logger: Logger, registry: CommandRegistry = createRegistry()): App {
  return {
    db: store.db,
    store,
    registry,
    clock: testClock,
    logger,
    contextFor: (caller, where) => ({ store, clock: testClock, caller, registry, logger, ...where }),
    close: () => undefined,
  };
}
