import type { App } from '../app.ts';
import type { DeliverySender } from '../delivery/capabilities.ts';
import { startScheduler, type RunningScheduler } from './cron.ts';
import { Scheduler } from './scheduler.ts';

/** Starts reminders and change alerts for the running platforms' senders. */
export function startReminders(app: Pick<App, 'store' | 'clock' | 'logger' | 'registry'>, senders: readonly DeliverySender[]): Promise<RunningScheduler> {
  const scheduler = new Scheduler({
    store: app.store,
    clock: app.clock,
    logger: app.logger,
    senders,
    hasCommand: (name) => app.registry.get(name) !== undefined,
  });
  return startScheduler(scheduler, app.logger);
}
