import type { ActiveRow } from '../store/subscriptions.ts';
import { DEFAULT_LEADS, type EventKind, type LeadOverrides } from '../domain/leads.ts';

/** A subscription as the planner reads it: flags and lead sets resolved once. */
export interface SubscriptionView {
  id: number;
  workspaceId: string;
  channelId: string;
  state: string;
  fips: string | null;
  elections: boolean;
  meetings: boolean;
  /** Agenda watch alerts (only with meetings). */
  agenda: boolean;
  positions: boolean;
  leads: Readonly<Record<EventKind, ReadonlySet<string>>>;
  createdAt: number;
  positionsAfterId: number;
}

const KINDS: EventKind[] = ['election', 'registration', 'meeting'];
const DEFAULT_SETS: Record<EventKind, ReadonlySet<string>> = {
  election: new Set(DEFAULT_LEADS.election),
  registration: new Set(DEFAULT_LEADS.registration),
  meeting: new Set(DEFAULT_LEADS.meeting),
};

function viewOf(row: ActiveRow, overrides: LeadOverrides | null): SubscriptionView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    state: row.state,
    fips: row.jurisdiction_fips,
    elections: row.elections === 1,
    meetings: row.meetings === 1,
    agenda: row.meetings === 1 && row.agenda === 1,
    positions: row.positions === 1,
    leads: overrides
      ? { election: set('election', overrides), registration: set('registration', overrides), meeting: set('meeting', overrides) }
      : DEFAULT_SETS,
    createdAt: Date.parse(row.created_at),
    positionsAfterId: row.positions_after_id,
  };
}

function set(kind: EventKind, overrides: LeadOverrides): ReadonlySet<string> {
  return overrides[kind] ? new Set(overrides[kind]) : DEFAULT_SETS[kind];
}

/**
 * Active subscriptions of one platform, by county and by state (state-wide ones). Built once
 * from every row, then kept current one subscription at a time as they change.
 */
export class SubscriptionIndex {
  readonly byFips = new Map<string, SubscriptionView[]>();
  readonly byState = new Map<string, SubscriptionView[]>();
  readonly byId = new Map<number, SubscriptionView>();
  private readonly overrides = new Map<number, LeadOverrides>();
  private catalogCache: Record<EventKind, string[]> | undefined;

  constructor(rows: Iterable<ActiveRow> = []) {
    this.load(rows);
  }

  /** Adds rows not yet in the index (a page at a time, when read in slices). */
  load(rows: Iterable<ActiveRow>): void {
    for (const row of rows) this.add(row);
  }

  /** Replaces what is known of one subscription with its current row (undefined: no longer active). */
  update(id: number, row: ActiveRow | undefined): void {
    const old = this.byId.get(id);
    if (old) {
      const map = old.fips ? this.byFips : this.byState;
      const key = old.fips ?? old.state;
      const list = map.get(key)!.filter((s) => s.id !== id);
      if (list.length) map.set(key, list);
      else map.delete(key);
      this.byId.delete(id);
      if (this.overrides.delete(id)) this.catalogCache = undefined;
    }
    if (row) this.add(row);
  }

  /** Every lead any subscription uses, per kind of event. */
  get catalog(): Record<EventKind, string[]> {
    if (!this.catalogCache) {
      const union: Record<EventKind, Set<string>> = { election: new Set(DEFAULT_LEADS.election), registration: new Set(DEFAULT_LEADS.registration), meeting: new Set(DEFAULT_LEADS.meeting) };
      for (const overrides of this.overrides.values()) for (const k of KINDS) for (const lead of overrides[k] ?? []) union[k].add(lead);
      this.catalogCache = { election: [...union.election].sort(), registration: [...union.registration].sort(), meeting: [...union.meeting].sort() };
    }
    return this.catalogCache;
  }

  /** Subscriptions an event in this county/state reaches, for its audience. */
  audience(audience: 'county' | 'state' | 'both', state: string, fips: string | null): SubscriptionView[] {
    const county = audience !== 'state' && fips ? (this.byFips.get(fips) ?? []) : [];
    const wide = audience !== 'county' ? (this.byState.get(state) ?? []) : [];
    if (!wide.length) return county;
    if (!county.length) return wide;
    return [...county, ...wide];
  }

  get size(): number {
    return this.byId.size;
  }

  private add(row: ActiveRow): void {
    const overrides = row.leads ? (JSON.parse(row.leads) as LeadOverrides) : null;
    const view = viewOf(row, overrides);
    this.byId.set(view.id, view);
    const map = view.fips ? this.byFips : this.byState;
    const key = view.fips ?? view.state;
    const list = map.get(key);
    if (list) list.push(view);
    else map.set(key, [view]);
    if (overrides) {
      this.overrides.set(view.id, overrides);
      this.catalogCache = undefined;
    }
  }
}
