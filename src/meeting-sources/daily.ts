// The daily re-import of every linked calendar: once at start when the last one is more than a
// day old, then every day at 06:00 UTC (night in the United States). One run at a time.
import cron from 'node-cron';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';
import { syncAll, type SyncOptions } from './sync.ts';

const DAY_MS = 86_400_000;

export interface RunningSync {
  stop(): Promise<void>;
}

/** Whether some live source was not imported in the last day. */
export function syncDue(store: Store, clock: Clock): boolean {
  const now = clock.now().getTime();
  return store.meetingSources.live().some((s) => !s.lastSyncAt || now - Date.parse(s.lastSyncAt) >= DAY_MS);
}

export function startMeetingSync(deps: { store: Store; clock: Clock; logger: Logger }, options: SyncOptions = {}): RunningSync {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => syncAll(deps.store, deps.clock, { logger: deps.logger, ...options })).catch((error: unknown) => deps.logger.error({ err: error }, 'meeting sources sync failed'));
    return running;
  };
  if (syncDue(deps.store, deps.clock)) void run();
  const task = cron.schedule('0 6 * * *', () => void run(), { name: 'sheriff-watch-meeting-sources', timezone: 'UTC' });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
