import type { App } from '../app.ts';
import type { DeliverySender } from '../delivery/capabilities.ts';
import { startScheduler, type RunningScheduler } from './cron.ts';
import { SchedulerLease } from './lease.ts';
import { Scheduler } from './scheduler.ts';

/** Starts reminders and change alerts for the running platforms' senders. */
export function startReminders(app: Pick<App, 'store' | 'clock' | 'logger' | 'registry'>, senders: readonly DeliverySender[]): Promise<RunningScheduler> {
  const lease = new SchedulerLease(app.store, app.clock);
  const scheduler = new Scheduler({
    store: app.store,
    clock: app.clock,
    logger: app.logger,
    senders,
    hasCommand: (name) => app.registry.get(name) !== undefined,
    holdsLease: () => lease.holds,
  });
  return startScheduler(scheduler, app.logger, lease);
}
