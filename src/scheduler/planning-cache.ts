// The planner's inputs read from the store, kept between ticks while the data is unchanged.
// A cache of rows, not of decisions: what is due is still computed from `now` on every tick.
import type { Store } from '../store/index.ts';
import type { Platform } from '../store/subscriptions.ts';
import { longestLeadDays, type EventKind } from './leads.ts';
import { collectOccurrences } from './occurrences.ts';
import { OccurrenceIndex } from './plan.ts';
import { SubscriptionIndex } from './subscription-index.ts';

const DAY = 86_400_000;
/** How far back a catch-up looks at most; older missed reminders are not recorded one by one. */
export const MAX_CATCH_UP_MS = 90 * DAY;

export class PlanningCache {
  private version = '';
  private readonly subscriptions = new Map<Platform, SubscriptionIndex>();
  private occurrences: { index: OccurrenceIndex; from: number; to: number; version: string; catalog: string } | undefined;

  constructor(private readonly store: Store) {}

  /** The active subscriptions of a platform. */
  subscriptionsOf(platform: Platform): SubscriptionIndex {
    this.refresh();
    let index = this.subscriptions.get(platform);
    if (!index) {
      index = new SubscriptionIndex(this.store.subscriptions.active(platform));
      this.subscriptions.set(platform, index);
    }
    return index;
  }

  /**
   * Occurrences covering due times from `from` to past `now` by more than the longest lead
   * of any subscription on these platforms, with every lead's due time computed.
   */
  occurrencesFor(platforms: readonly Platform[], from: number, now: number): OccurrenceIndex {
    this.refresh();
    const catalog = this.catalog(platforms);
    const horizon = now + (longestLeadDays(Object.values(catalog)) + 1) * DAY;
    const catalogKey = JSON.stringify(catalog);
    const cached = this.occurrences;
    if (cached && cached.version === this.version && cached.from <= from && cached.to >= horizon && cached.catalog === catalogKey) {
      return cached.index;
    }
    const to = horizon + DAY;
    const index = new OccurrenceIndex(collectOccurrences(this.store, { from, to, now }), catalog);
    this.occurrences = { index, from, to, version: this.version, catalog: catalogKey };
    return index;
  }

  /** Drops everything read (after this process wrote through another path). */
  invalidate(): void {
    this.version = '';
    this.subscriptions.clear();
    this.occurrences = undefined;
  }

  private refresh(): void {
    const version = this.store.deliveries.dataVersion();
    if (version === this.version) return;
    this.version = version;
    this.subscriptions.clear();
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
