// Change alerts: position_history rows → one alert per change, or one digest per import
// (rows written by 'import:<dataset>' with one changed_at). Pure: rows and time in, plan out.
import type { PositionHistoryEntry } from '../store/position-history.ts';
import { ON_TIME_GRACE_MS } from './plan.ts';
import type { SubscriptionIndex, SubscriptionView } from './subscription-index.ts';

/** Alerts older than this when planned (long downtime) are recorded as skipped. */
export const ALERT_MAX_AGE_MS = 7 * 86_400_000;

/** A history row with where its office is. */
export interface LocatedChange extends PositionHistoryEntry {
  state: string;
  /** The office's county, null for agencies without one (state police…). */
  fips: string | null;
  officeName: string;
  /** 'roster': a sheriff roster's change (a change_log row; see roster-alerts.ts), else a position's history row. */
  stream?: 'roster';
}

/** One alert-worthy thing: a single change, or every change one import made. */
export interface AlertGroup {
  key: string;
  lead: 'change' | 'digest';
  at: number;
  rows: LocatedChange[];
}

export function isImport(by: string): boolean {
  return by.startsWith('import:');
}

/** 'change:<id>' per moderator change; 'digest:<first id>-<last id>' per import. */
export function groupChanges(rows: readonly LocatedChange[]): AlertGroup[] {
  const groups: AlertGroup[] = [];
  const imports = new Map<string, LocatedChange[]>();
  for (const row of rows) {
    if (!isImport(row.by)) {
      groups.push({ key: `change:${row.id}`, lead: 'change', at: Date.parse(row.at), rows: [row] });
      continue;
    }
    const key = `${row.by} ${row.at}`;
    const list = imports.get(key);
    if (list) list.push(row);
    else imports.set(key, [row]);
  }
  for (const list of imports.values()) {
    groups.push({ key: `digest:${list[0]!.id}-${list.at(-1)!.id}`, lead: 'digest', at: Date.parse(list[0]!.at), rows: list });
  }
  return groups.sort((a, b) => a.rows[0]!.id - b.rows[0]!.id);
}

export interface PlannedAlert {
  subscription: SubscriptionView;
  group: AlertGroup;
  /** The group's rows in this subscription's scope. */
  rows: LocatedChange[];
  late: boolean;
}

export interface SkippedAlert {
  subscription: SubscriptionView;
  group: AlertGroup;
  reason: string;
}

export function inScope(s: Pick<SubscriptionView, 'state' | 'fips' | 'positionsAfterId'> & { createdAt: number | string }, row: LocatedChange): boolean {
  // Roster rows are numbered in another table: a subscription hears of those made after it began.
  const created = typeof s.createdAt === 'string' ? Date.parse(s.createdAt) : s.createdAt;
  if (row.stream === 'roster' ? Date.parse(row.at) < created : row.id <= s.positionsAfterId) return false;
  return s.fips ? row.fips === s.fips : row.state === s.state;
}

/** For each group, the subscriptions with `positions` whose scope it touches. */
export function planAlerts(input: { now: number; groups: readonly AlertGroup[]; subscriptions: SubscriptionIndex }): { send: PlannedAlert[]; skip: SkippedAlert[] } {
  const send: PlannedAlert[] = [];
  const skip: SkippedAlert[] = [];
  for (const group of input.groups) {
    // A digest can hold hundreds of rows and reach tens of thousands of subscriptions: each
    // subscription reads the rows of its own county or state, not the whole group.
    const byFips = new Map<string, LocatedChange[]>();
    const byState = new Map<string, LocatedChange[]>();
    const candidates = new Map<number, SubscriptionView>();
    for (const row of group.rows) {
      const sameState = byState.get(row.state);
      const sameCounty = row.fips ? byFips.get(row.fips) : undefined;
      if (!sameState) byState.set(row.state, [row]);
      else sameState.push(row);
      if (row.fips && !sameCounty) byFips.set(row.fips, [row]);
      else sameCounty?.push(row);
      // Each county and state is looked up once, in the order its first row comes.
      const audience = !sameState ? 'both' : row.fips && !sameCounty ? 'county' : undefined;
      if (audience) for (const s of input.subscriptions.audience(audience, row.state, row.fips)) if (s.positions) candidates.set(s.id, s);
    }
    const age = input.now - group.at;
    for (const subscription of candidates.values()) {
      const scoped = (subscription.fips ? byFips.get(subscription.fips) : byState.get(subscription.state)) ?? [];
      const rows = scoped.filter((row) => inScope(subscription, row));
      if (!rows.length) continue;
      if (age > ALERT_MAX_AGE_MS) skip.push({ subscription, group, reason: 'more than 7 days old when planned (the bot was down)' });
      else send.push({ subscription, group, rows, late: age > ON_TIME_GRACE_MS });
    }
  }
  return { send, skip };
}
