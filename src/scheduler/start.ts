import type { App } from '../app.ts';
import type { DeliverySender } from '../delivery/capabilities.ts';
import type { EditorNotifier } from '../delivery/editor-notifier.ts';
import type { Platform } from '../store/subscriptions.ts';
import { startScheduler, type RunningScheduler } from './cron.ts';
import { SchedulerLease } from './lease.ts';
import { Scheduler } from './scheduler.ts';

/** Starts reminders and change alerts for the running platforms' senders, telling their editors' channels what they must know. */
export function startReminders(
  app: Pick<App, 'store' | 'clock' | 'logger' | 'registry'>,
  senders: readonly DeliverySender[],
  editors: Partial<Record<Platform, EditorNotifier>> = {},
): Promise<RunningScheduler> {
  const lease = new SchedulerLease(app.store, app.clock);
  const scheduler = new Scheduler({
    store: app.store,
    clock: app.clock,
    logger: app.logger,
    senders,
    editors,
    hasCommand: (name) => app.registry.get(name) !== undefined,
    holdsLease: () => lease.holds,
  });
  return startScheduler(scheduler, app.logger, lease);
}
