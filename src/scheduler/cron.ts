// The thin wiring: node-cron only triggers a tick every minute. Everything else is in tick().
import cron from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Scheduler } from './scheduler.ts';

export interface RunningScheduler {
  /** Stops triggering and waits for deliveries in progress. */
  stop(): Promise<void>;
}

/** Recovers after a restart, runs a first tick (the catch-up), then ticks every minute. */
export async function startScheduler(scheduler: Scheduler, logger: Logger): Promise<RunningScheduler> {
  const run = (what: string) => (error: unknown) => logger.error({ err: error }, `reminder ${what} failed`);
  await scheduler.start().catch(run('start'));
  const task = cron.schedule('* * * * *', () => scheduler.tick().then(() => undefined, run('tick')), { name: 'sheriff-watch-reminders' });
  return {
    async stop() {
      await task.stop();
      await scheduler.idle();
    },
  };
}
