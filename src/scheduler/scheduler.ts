// One tick: plan what is due since the watermark, record every decision in the ledger together
// with the new watermark (one transaction per platform), then deliver the claimed rows.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { DeliverySender } from '../delivery/capabilities.ts';
import type { EditorNotifier } from '../delivery/editor-notifier.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';
import type { LedgerEntry } from '../store/deliveries.ts';
import type { Platform } from '../store/subscriptions.ts';
import { groupChanges, planAlerts } from './alerts.ts';
import { agendaEntries } from './agenda-plan.ts';
import { Deliverer } from './deliverer.ts';
import { locate } from './locate.ts';
import { planReminderSteps } from './plan.ts';
import { MAX_CATCH_UP_MS, PlanningCache } from './planning-cache.ts';
import { SLICE_BUDGET_MS, SliceTimer } from './slices.ts';

const WATERMARK_EVERY_MS = 15 * 60_000;
/** A ledger row recorded as skipped, with why. */
type SkippedEntry = LedgerEntry & { reason: string };
/** Ledger rows per claim transaction in a sliced plan (a busy minute claims tens of thousands). */
const CLAIM_BATCH = 250;

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** One per running platform; subscriptions of other platforms wait (their watermark stays). */
  senders: readonly DeliverySender[];
  /** The editors' channel per platform, where the operator named one (see Deliverer). */
  editors?: Partial<Record<Platform, EditorNotifier>>;
  /** Whether a command exists, e.g. `call` (reminders point to it once it does). */
  hasCommand(name: string): boolean;
  /** Sends in flight per platform (the platform library queues for its rate limits). Default 4. */
  concurrency?: number;
  /** Attempts before a delivery that keeps failing is given up. Default 5. */
  maxAttempts?: number;
  /** Whether this process still holds the scheduler lease; no send starts without it (default: always). */
  holdsLease?: () => boolean;
}

export interface TickReport {
  claimed: number;
  skipped: number;
}

/** Reminders and change alerts: node-cron calls tick() every minute; tests call it with a clock. */
export class Scheduler {
  readonly cache: PlanningCache;
  private readonly deliverer: Deliverer;
  private readonly platforms: Platform[];
  private planning: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SchedulerOptions) {
    this.cache = new PlanningCache(options.store);
    this.platforms = options.senders.map((s) => s.platform);
    this.deliverer = new Deliverer({ ...options, cache: this.cache, keyPrefix: ledgerPrefix(options.store) });
  }

  /** At start: settles rows a crash left 'sending', then sends what was claimed but not sent. */
  async start(): Promise<void> {
    await this.deliverer.recover();
    await this.tick();
  }

  /** Plans and claims what is due now, then delivers; resolves when the queue is empty. */
  async tick(): Promise<TickReport> {
    const report = await this.plan(this.options.clock.now().getTime());
    await this.deliverer.drainAll();
    return report;
  }

  /**
   * Plans and claims what is due at `now`, in slices that each hold the event loop for at
   * most `budgetMs`: the rows are read and the occurrences expanded in slices (only when they
   * changed), then the claims are recorded in transactions of at most CLAIM_BATCH rows, the
   * watermark with the last. Plans run one at a time. (test/scheduler/reference-planner.ts plans
   * the same at once, and tests check both record the same ledger.)
   */
  plan(now: number, budgetMs: number = SLICE_BUDGET_MS): Promise<TickReport> {
    const run = this.planning.then(() => this.planSliced(now, budgetMs));
    this.planning = run.catch(() => undefined);
    return run;
  }

  /** Waits for deliveries in progress (for a clean stop). */
  async idle(): Promise<void> {
    await this.planning;
    await this.deliverer.drainAll();
  }

  private async planSliced(now: number, budgetMs: number): Promise<TickReport> {
    const report: TickReport = { claimed: 0, skipped: 0 };
    for (const platform of this.platforms) {
      const { claimed, skipped } = await this.planPlatformSliced(platform, now, budgetMs);
      report.claimed += claimed;
      report.skipped += skipped;
    }
    if (report.claimed || report.skipped) this.options.logger.info(report, 'reminders planned');
    return report;
  }

  /**
   * One platform's plan in slices. A crash between two claim transactions leaves the
   * watermark where it was: the next tick plans the same window again and the ledger's unique
   * key ignores what was already recorded, so nothing is claimed twice and nothing is lost.
   */
  private async planPlatformSliced(platform: Platform, now: number, budgetMs: number): Promise<TickReport> {
    const deliveries = this.store.deliveries;
    const name = `reminders:${platform}`;
    const afterOf = () => {
      const mark = deliveries.watermark(name);
      return Math.max(mark ? Date.parse(mark) : now - MAX_CATCH_UP_MS, now - MAX_CATCH_UP_MS);
    };
    const first = afterOf();
    if (first < now) await this.cache.prepare(this.platforms, first, now, budgetMs);
    const timer = new SliceTimer(budgetMs);
    const after = afterOf();
    const subscriptions = this.cache.subscriptionsOf(platform);
    const nowIso = new Date(now).toISOString();
    let claimed = 0;
    let skipped = 0;
    let pending: { send: LedgerEntry[]; skip: SkippedEntry[] } = { send: [], skip: [] };
    const flush = () => {
      claimed += deliveries.claimMany(pending.send, nowIso);
      skipped += deliveries.claimMany(pending.skip, nowIso, 'skipped');
      pending = { send: [], skip: [] };
    };
    /** Queues ledger rows, committing a batch when full or when the slice is used up; true when the caller should pause. */
    const queue = (send: readonly LedgerEntry[], skip: readonly SkippedEntry[]): boolean => {
      pending.send.push(...send);
      pending.skip.push(...skip);
      const size = pending.send.length + pending.skip.length;
      const due = timer.due();
      if (size >= CLAIM_BATCH || (size && due)) deliveries.transaction(flush);
      return due;
    };
    if (after < now && subscriptions.size > 0) {
      const occurrences = this.cache.occurrencesFor(this.platforms, after, now);
      for (const part of planReminderSteps({ now, after, occurrences, subscriptions })) {
        const send = part.send.map((p) => reminderEntry(platform, p, p.late));
        const skip = part.skip.map((s) => ({ ...reminderEntry(platform, s, true), reason: s.reason }));
        if (queue(send, skip)) await timer.pause();
      }
    }
    // Change alerts (an import's digest can reach tens of thousands of channels) are claimed
    // in the same batches; their watermark moves with the reminders' in the last transaction.
    if (pending.send.length + pending.skip.length) deliveries.transaction(flush);
    const planned = claimed + skipped > 0;
    const alerts = this.alertEntries(platform, now);
    const alertRows = alerts?.send ?? [];
    for (let i = 0; i < alertRows.length; i += CLAIM_BATCH) {
      if (queue(alertRows.slice(i, i + CLAIM_BATCH), [])) await timer.pause();
    }
    pending.skip.push(...(alerts?.skip ?? []));
    const agenda = agendaEntries(this.store, subscriptions, platform);
    if (agenda?.send.length) pending.send.push(...agenda.send);
    return deliveries.transaction(() => {
      flush();
      // A quiet minute leaves the watermark where it is (the next tick looks at a slightly wider
      // window and finds the same nothing), so an idle bot does not write every minute; it is
      // moved whenever something was planned, and at least every quarter hour.
      const mark = deliveries.watermark(name);
      if (after < now && (planned || now - after >= WATERMARK_EVERY_MS) && (!mark || Date.parse(mark) < now)) deliveries.setWatermark(name, nowIso);
      if (alerts) deliveries.setWatermark(`alerts:${platform}`, alerts.mark);
      if (agenda) deliveries.setWatermark(`agenda:${platform}`, agenda.mark);
      return { claimed, skipped };
    });
  }

  private get store(): Store {
    return this.options.store;
  }

  /** The ledger rows of the change alerts due since the last, and the history id planned up to. */
  private alertEntries(platform: Platform, now: number): { send: LedgerEntry[]; skip: SkippedEntry[]; mark: string } | undefined {
    const after = Number(this.store.deliveries.watermark(`alerts:${platform}`) ?? 0);
    const rows = this.store.positionHistory.since(after);
    if (!rows.length) return undefined;
    const mark = String(rows.at(-1)!.id);
    const subscriptions = this.cache.subscriptionsOf(platform);
    if (subscriptions.size === 0) return { send: [], skip: [], mark };
    const plan = planAlerts({ now, groups: groupChanges(locate(this.store, rows)), subscriptions });
    const entry = (p: { subscription: { id: number; channelId: string }; group: { key: string; lead: string; at: number } }, late: boolean): LedgerEntry => ({
      subscriptionId: p.subscription.id,
      occurrenceKey: p.group.key,
      lead: p.group.lead,
      platform,
      channelId: p.subscription.channelId,
      dueAt: new Date(p.group.at).toISOString(),
      late,
    });
    return { send: plan.send.map((p) => entry(p, p.late)), skip: plan.skip.map((s) => ({ ...entry(s, true), reason: s.reason })), mark };
  }
}

/** The ledger row of a planned (or skipped) reminder. */
function reminderEntry(platform: Platform, p: { subscription: { id: number; channelId: string }; occurrence: { key: string }; lead: string; dueAt: number }, late: boolean): LedgerEntry {
  return {
    subscriptionId: p.subscription.id,
    occurrenceKey: p.occurrence.key,
    lead: p.lead,
    platform,
    channelId: p.subscription.channelId,
    dueAt: new Date(p.dueAt).toISOString(),
    late,
  };
}

/**
 * A random prefix per database, in every delivery key: a fresh database reusing ledger ids
 * must not collide with an older one's keys inside the platform's dedupe window.
 */
function ledgerPrefix(store: Store): string {
  return store.deliveries.ensureState('ledger-id', randomBytes(4).toString('base64url').slice(0, 6));
}
