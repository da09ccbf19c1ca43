// The thin wiring: node-cron only triggers a step every minute. Everything else is in tick().
// Only the process holding the scheduler lease (lease.ts) recovers, plans and sends; another
// process on the same database waits and tries again at every step.
import cron from 'node-cron';
import type { Logger } from '../logger.ts';
import { LEASE_RENEW_MS, type SchedulerLease } from './lease.ts';
import type { Scheduler } from './scheduler.ts';

export interface RunningScheduler {
  /** Stops triggering and waits for deliveries in progress. */
  stop(): Promise<void>;
}

/** A scheduler that runs only while its process holds the lease. */
export class LeasedScheduler {
  private started = false;
  private waitingLogged = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly logger: Logger,
    readonly lease: SchedulerLease,
  ) {}

  /**
   * Once the lease is held: the first step recovers after a restart and runs the catch-up tick,
   * later steps tick. Without it: nothing (the holder schedules).
   */
  async step(): Promise<'ticked' | 'started' | 'waiting'> {
    if (!this.lease.renew()) {
      if (this.started) this.logger.warn({ holder: this.lease.holder }, 'the scheduler lease was taken by another process; this one stops sending and waits');
      else if (!this.waitingLogged) this.logger.info({ holder: this.lease.holder }, 'another process schedules reminders for this database; this one waits');
      this.started = false;
      this.waitingLogged = true;
      return 'waiting';
    }
    if (!this.started) {
      this.started = true;
      this.logger.info({ holder: this.lease.holder }, 'this process schedules reminders for this database');
      // Rows a crashed holder left 'sending' are settled only by the process that now holds the lease.
      await this.scheduler.start();
      return 'started';
    }
    await this.scheduler.tick();
    return 'ticked';
  }

  /** Between steps, while sends go out: keeps the lease (a long fan-out outlasts it otherwise). */
  renew(): void {
    if (this.started && !this.lease.renew()) this.logger.warn({ holder: this.lease.holder }, 'the scheduler lease was lost; sending stops until it is held again');
  }

  /** Waits for deliveries in progress, then hands the lease over at once. */
  async stop(): Promise<void> {
    await this.scheduler.idle();
    this.lease.release();
    this.started = false;
  }
}

/**
 * Steps now (start or wait), then every minute; renews the lease every 15 s from the start. The
 * first step (recovery, then the catch-up and its sends) runs in the background: a catch-up of
 * thousands of reminders takes minutes at Discord's 50 posts/s, and awaiting it held the bot's
 * start and, with no renewal yet, let the lease lapse after 45 s, which stopped those sends
 * until the next minute. Minute steps begin once the first one is done.
 */
export async function startScheduler(scheduler: Scheduler, logger: Logger, lease: SchedulerLease): Promise<RunningScheduler> {
  const leased = new LeasedScheduler(scheduler, logger, lease);
  const run = (what: string) => (error: unknown) => logger.error({ err: error }, `reminder ${what} failed`);
  const renewal = setInterval(() => {
    try {
      leased.renew();
    } catch (error) {
      run('lease renewal')(error);
    }
  }, LEASE_RENEW_MS);
  renewal.unref();
  let starting = true;
  const first = leased
    .step()
    .then(() => undefined, run('start'))
    .finally(() => {
      starting = false;
    });
  const task = cron.schedule('* * * * *', () => (starting ? undefined : leased.step().then(() => undefined, run('tick'))), { name: 'sheriff-watch-reminders' });
  return {
    async stop() {
      await task.stop();
      await first;
      clearInterval(renewal);
      await leased.stop();
    },
  };
}
