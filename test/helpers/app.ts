import type { App } from '../../src/app.ts';
import { createRegistry } from '../../src/commands/index.ts';
import type { CommandRegistry } from '../../src/framework/registry.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/store/index.ts';
import { createTrust, type TrustServices } from '../../src/trust/services.ts';
import { testClock } from './store.ts';

/** Limits no test reaches by accident (the test clock stands still); limit tests pass their own. */
export const NO_LIMITS = { commands: { count: 1_000_000, windowMs: 1000 }, proposals: { count: 1_000_000, windowMs: 1000 } };

/** The real core as adapters see it (App), over a test store, on the test clock. */
export function testApp(
  store: Store,
  logger: Logger,
  registry: CommandRegistry = createRegistry(),
  trust: TrustServices | undefined = undefined,
  requireReview = false,
): App {
  trust ??= createTrust(testClock, logger, NO_LIMITS);
  return {
    db: store.db,
    store,
    registry,
    clock: testClock,
    logger,
    trust,
    contextFor: (caller, where) => ({ store, clock: testClock, caller, registry, logger, trust, requireReview, ...where }),
    close: () => undefined,
  };
}
