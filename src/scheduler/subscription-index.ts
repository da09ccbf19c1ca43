import type { Subscription } from '../store/subscriptions.ts';
import { DEFAULT_LEADS, type EventKind } from './leads.ts';

/** A subscription as the planner reads it: flags and lead sets resolved once. */
export interface SubscriptionView {
  id: number;
  platform: string;
  workspaceId: string;
  channelId: string;
  state: string;
  fips: string | null;
  elections: boolean;
  meetings: boolean;
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

export function viewOf(s: Subscription): SubscriptionView {
  const leads = s.leads
    ? Object.fromEntries(KINDS.map((k) => [k, s.leads?.[k] ? new Set(s.leads[k]) : DEFAULT_SETS[k]]))
    : DEFAULT_SETS;
  return {
    id: s.id,
    platform: s.platform,
    workspaceId: s.workspaceId,
    channelId: s.channelId,
    state: s.state,
    fips: s.fips,
    elections: s.kinds.includes('elections'),
    meetings: s.kinds.includes('meetings'),
    positions: s.kinds.includes('positions'),
    leads: leads as Record<EventKind, ReadonlySet<string>>,
    createdAt: Date.parse(s.createdAt),
    positionsAfterId: s.positionsAfterId,
  };
}

/** Active subscriptions of one platform, by county and by state (state-wide ones). */
export class SubscriptionIndex {
  readonly byFips = new Map<string, SubscriptionView[]>();
  readonly byState = new Map<string, SubscriptionView[]>();
  readonly byId = new Map<number, SubscriptionView>();
  /** Every lead any subscription uses, per kind of event. */
  readonly catalog: Record<EventKind, string[]>;

  constructor(subscriptions: Iterable<Subscription>) {
    const catalog: Record<EventKind, Set<string>> = {
      election: new Set(DEFAULT_LEADS.election),
      registration: new Set(DEFAULT_LEADS.registration),
      meeting: new Set(DEFAULT_LEADS.meeting),
    };
    for (const s of subscriptions) {
      const view = viewOf(s);
      this.byId.set(view.id, view);
      const map = view.fips ? this.byFips : this.byState;
      const key = view.fips ?? view.state;
      const list = map.get(key);
      if (list) list.push(view);
      else map.set(key, [view]);
      if (s.leads) for (const k of KINDS) for (const lead of s.leads[k] ?? []) catalog[k].add(lead);
    }
    this.catalog = { election: [...catalog.election], registration: [...catalog.registration], meeting: [...catalog.meeting] };
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
}
