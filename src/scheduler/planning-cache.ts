// The planner's inputs read from the store, kept between ticks and brought up to date from
// change_log (every write to elections, meetings and subscriptions appends there in its own
// transaction) and the imports table. A cache of rows, not of decisions: what is due is still
// computed from `now` on every tick.
//
// Building it reads 100,000 subscriptions and expands every occurrence: too long to do while
// chat waits. `prepare()` builds it in slices that hand the event loop back every few ms; the
// synchronous accessors build whatever is missing at once (tests, and a caller that did not
// prepare), with the same code.
import type { Store } from '../store/index.ts';
import type { Platform } from '../store/subscriptions.ts';
import { longestLeadDays, type EventKind } from '../domain/leads.ts';
import { collectOccurrenceSteps, type EventOccurrence } from './occurrences.ts';
import { OccurrenceIndex } from './plan.ts';
import { runAll, runSliced, SLICE_BUDGET_MS, type Steps } from './slices.ts';
import { SubscriptionIndex } from './subscription-index.ts';

const DAY = 86_400_000;
/** How far back a catch-up looks at most; older missed reminders are not recorded one by one. */
export const MAX_CATCH_UP_MS = 90 * DAY;
const EVENT_ENTITIES = new Set(['election', 'meeting', 'meeting_occurrence']);
/** Subscriptions read per step. */
const PAGE = 500;
/** A prepare() that keeps finding its result outdated by concurrent writes finishes at once after this many rounds. */
const MAX_ROUNDS = 3;

interface Collected {
  occurrences: EventOccurrence[];
  from: number;
  to: number;
  version: number;
}

export class PlanningCache {
  private seenChange = -1;
  private seenImport = -1;
  private eventsVersion = 0;
  private readonly subscriptions = new Map<Platform, SubscriptionIndex>();
  private collected: Collected | undefined;
  private index: { index: OccurrenceIndex; collected: EventOccurrence[]; catalog: string } | undefined;
  private preparing: Promise<void> | undefined;

  constructor(private readonly store: Store) {}

  /**
   * Makes the cache current for planning (from, now] on these platforms, in slices of at most
   * `budgetMs` of synchronous work each. Afterwards subscriptionsOf() and occurrencesFor()
   * with the same arguments return at once (unless the data changed meanwhile).
   */
  async prepare(platforms: readonly Platform[], from: number, now: number, budgetMs: number = SLICE_BUDGET_MS): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS && !this.isReady(platforms, from, now); round++) {
      while (this.preparing) await this.preparing;
      if (this.isReady(platforms, from, now)) return;
      this.preparing = runSliced(this.buildSteps(platforms, from, now), budgetMs).finally(() => (this.preparing = undefined));
      await this.preparing;
    }
  }

  /** The active subscriptions of a platform, current as of now. */
  subscriptionsOf(platform: Platform): SubscriptionIndex {
    this.refresh();
    return this.subscriptions.get(platform) ?? runAll(this.subscriptionSteps(platform));
  }

  /**
   * Occurrences covering due times from `from` to past `now` by more than the longest lead of
   * any subscription on these platforms, with every lead's due time computed.
   */
  occurrencesFor(platforms: readonly Platform[], from: number, now: number): OccurrenceIndex {
    return runAll(this.occurrenceSteps(platforms, from, now));
  }

  /** True when planning (from, now] needs no reading or expanding. */
  private isReady(platforms: readonly Platform[], from: number, now: number): boolean {
    this.refresh();
    if (platforms.some((p) => !this.subscriptions.has(p))) return false;
    const catalog = this.catalog(platforms);
    return !this.needsCollecting(catalog, from, now) && this.index?.collected === this.collected?.occurrences && this.index?.catalog === JSON.stringify(catalog);
  }

  private *buildSteps(platforms: readonly Platform[], from: number, now: number): Steps<void> {
    this.refresh();
    for (const platform of platforms) if (!this.subscriptions.has(platform)) yield* this.subscriptionSteps(platform);
    yield* this.occurrenceSteps(platforms, from, now);
  }

  /**
   * Reads a platform's active subscriptions a page at a time. Writes made between pages are
   * caught up at the end: every subscription changed since the read began is read again.
   */
  private *subscriptionSteps(platform: Platform): Steps<SubscriptionIndex> {
    this.refresh();
    const startedAt = this.store.deliveries.versions().change;
    const index = new SubscriptionIndex();
    for (let afterId = 0; ; ) {
      const page = this.store.subscriptions.activeRowsPage(platform, afterId, PAGE);
      index.load(page);
      if (page.length < PAGE) break;
      afterId = page.at(-1)!.id;
      yield;
    }
    const changed = new Set<number>();
    for (const row of this.store.deliveries.changesSince(startedAt)) if (row.entity === 'subscription') changed.add(row.entityId);
    for (const id of changed) index.update(id, this.store.subscriptions.activeRow(id, platform));
    // Another reader may have finished first; either result is current, keep one.
    const existing = this.subscriptions.get(platform);
    if (existing) return existing;
    this.subscriptions.set(platform, index);
    return index;
  }

  private needsCollecting(catalog: Record<EventKind, string[]>, from: number, now: number): boolean {
    const collected = this.collected;
    return !collected || collected.version !== this.eventsVersion || collected.from > from || collected.to < this.horizon(catalog, now);
  }

  private horizon(catalog: Record<EventKind, string[]>, now: number): number {
    return now + (longestLeadDays(Object.values(catalog)) + 1) * DAY;
  }

  private *occurrenceSteps(platforms: readonly Platform[], from: number, now: number): Steps<OccurrenceIndex> {
    const catalog = this.catalog(platforms);
    let collected = this.collected;
    if (this.needsCollecting(catalog, from, now)) {
      // Tagged with the version read before collecting: a change made meanwhile makes it stale.
      const version = this.eventsVersion;
      const to = this.horizon(catalog, now) + DAY;
      collected = { occurrences: yield* collectOccurrenceSteps(this.store, { from, to, now }), from, to, version };
      this.collected = collected;
    }
    const catalogKey = JSON.stringify(catalog);
    if (!this.index || this.index.collected !== collected!.occurrences || this.index.catalog !== catalogKey) {
      const index = yield* OccurrenceIndex.build(collected!.occurrences, catalog);
      this.index = { index, collected: collected!.occurrences, catalog: catalogKey };
    }
    return this.index.index;
  }

  /**
   * Brings the cache up to date: subscriptions that changed are re-read one by one; any change
   * to elections or meetings, or a new import (rules, places), re-collects the occurrences.
   */
  private refresh(): void {
    const { change, imported } = this.store.deliveries.versions();
    if (this.seenChange < 0) {
      this.seenChange = change;
      this.seenImport = imported;
      return;
    }
    if (imported !== this.seenImport) {
      this.seenImport = imported;
      this.eventsVersion++;
    }
    if (change === this.seenChange) return;
    const changedSubscriptions = new Set<number>();
    for (const row of this.store.deliveries.changesSince(this.seenChange)) {
      if (row.entity === 'subscription') changedSubscriptions.add(row.entityId);
      else if (EVENT_ENTITIES.has(row.entity)) this.eventsVersion++;
    }
    this.seenChange = change;
    for (const [platform, index] of this.subscriptions) {
      for (const id of changedSubscriptions) index.update(id, this.store.subscriptions.activeRow(id, platform));
    }
  }

  private catalog(platforms: readonly Platform[]): Record<EventKind, string[]> {
    const union: Record<EventKind, Set<string>> = { election: new Set(), registration: new Set(), meeting: new Set() };
    for (const platform of platforms) {
      const { catalog } = this.subscriptionsOf(platform);
      for (const kind of Object.keys(union) as EventKind[]) for (const lead of catalog[kind]) union[kind].add(lead);
    }
    return { election: [...union.election].sort(), registration: [...union.registration].sort(), meeting: [...union.meeting].sort() };
  }
}
