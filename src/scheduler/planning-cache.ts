// The planner's inputs read from the store, kept between ticks and brought up to date from
// change_log (every write to elections, meetings and subscriptions appends there in its own
// transaction) and the imports table. A cache of rows, not of decisions: what is due is still
// computed from `now` on every tick.
import type { Store } from '../store/index.ts';
import type { Platform } from '../store/subscriptions.ts';
import { longestLeadDays, type EventKind } from './leads.ts';
import { collectOccurrences, type EventOccurrence } from './occurrences.ts';
import { OccurrenceIndex } from './plan.ts';
import { SubscriptionIndex } from './subscription-index.ts';

const DAY = 86_400_000;
/** How far back a catch-up looks at most; older missed reminders are not recorded one by one. */
export const MAX_CATCH_UP_MS = 90 * DAY;
const EVENT_ENTITIES = new Set(['election', 'meeting', 'meeting_occurrence']);

export class PlanningCache {
  private seenChange = -1;
  private seenImport = -1;
  private eventsVersion = 0;
  private readonly subscriptions = new Map<Platform, SubscriptionIndex>();
  private collected: { occurrences: EventOccurrence[]; from: number; to: number; version: number } | undefined;
  private index: { index: OccurrenceIndex; collected: EventOccurrence[]; catalog: string } | undefined;

  constructor(private readonly store: Store) {}

  /** The active subscriptions of a platform, current as of now. */
  subscriptionsOf(platform: Platform): SubscriptionIndex {
    this.refresh();
    let index = this.subscriptions.get(platform);
    if (!index) {
      index = new SubscriptionIndex(this.store.subscriptions.activeRows(platform));
      this.subscriptions.set(platform, index);
    }
    return index;
  }

  /**
   * Occurrences covering due times from `from` to past `now` by more than the longest lead of
   * any subscription on these platforms, with every lead's due time computed.
   */
  occurrencesFor(platforms: readonly Platform[], from: number, now: number): OccurrenceIndex {
    const catalog = this.catalog(platforms);
    const horizon = now + (longestLeadDays(Object.values(catalog)) + 1) * DAY;
    let collected = this.collected;
    if (!collected || collected.version !== this.eventsVersion || collected.from > from || collected.to < horizon) {
      const to = horizon + DAY;
      collected = { occurrences: collectOccurrences(this.store, { from, to, now }), from, to, version: this.eventsVersion };
      this.collected = collected;
    }
    const catalogKey = JSON.stringify(catalog);
    if (!this.index || this.index.collected !== collected.occurrences || this.index.catalog !== catalogKey) {
      this.index = { index: new OccurrenceIndex(collected.occurrences, catalog), collected: collected.occurrences, catalog: catalogKey };
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
