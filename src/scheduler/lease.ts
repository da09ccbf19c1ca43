// One scheduler per database file. Several processes may serve chats from one SQLite file (Discord
// shards, a Slack process next to a Discord one); only the holder of the lease plans and sends.
// Another process waits, trying again every minute, and takes over once the holder stops renewing.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Store } from '../store/index.ts';

export const LEASE_NAME = 'reminders';
/** How long a lease holds without renewal. */
export const LEASE_TTL_MS = 60_000;
/** How often the holder renews it. */
export const LEASE_RENEW_MS = 15_000;

export class SchedulerLease {
  readonly holder = randomBytes(6).toString('hex');
  private held = false;
  private expiresAt = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Takes or renews the lease; false when another process holds it. */
  renew(): boolean {
    const now = this.clock.now().getTime();
    this.held = this.store.leases.take(LEASE_NAME, this.holder, now, now + LEASE_TTL_MS);
    this.expiresAt = this.held ? now + LEASE_TTL_MS : 0;
    return this.held;
  }

  /**
   * Whether the lease is surely still ours (checked before every send): renewed, and not about to
   * expire — after a stall longer than the renewal allows, another process may be taking over.
   */
  get holds(): boolean {
    return this.held && this.clock.now().getTime() < this.expiresAt - LEASE_RENEW_MS;
  }

  release(): void {
    if (this.held) this.store.leases.release(LEASE_NAME, this.holder);
    this.held = false;
  }
}
