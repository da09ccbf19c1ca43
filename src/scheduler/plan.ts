// What is due: a pure function of the time, the watermark and the rows (occurrences and
// subscriptions as read from the database). No clock, no I/O.
import { dueAt, type EventKind } from './leads.ts';
import type { EventOccurrence } from './occurrences.ts';
import type { SubscriptionIndex, SubscriptionView } from './subscription-index.ts';

/** A reminder this late is still "on time" (cron drift, a slow fan-out). */
export const ON_TIME_GRACE_MS = 5 * 60_000;

/** Occurrences with every lead's due time precomputed, sorted by due time. */
export class OccurrenceIndex {
  readonly byKey: Map<string, EventOccurrence>;
  private readonly dueTimes: Float64Array;
  private readonly occurrenceOf: Uint32Array;
  private readonly leadOf: string[];

  constructor(
    readonly occurrences: readonly EventOccurrence[],
    catalog: Readonly<Record<EventKind, readonly string[]>>,
  ) {
    this.byKey = new Map(occurrences.map((o) => [o.key, o]));
    const fires: { at: number; occ: number; lead: string }[] = [];
    occurrences.forEach((o, i) => {
      for (const lead of catalog[o.kind]) {
        const at = dueAt(lead, o.time);
        if (at !== null) fires.push({ at, occ: i, lead });
      }
    });
    fires.sort((a, b) => a.at - b.at);
    this.dueTimes = Float64Array.from(fires, (f) => f.at);
    this.occurrenceOf = Uint32Array.from(fires, (f) => f.occ);
    this.leadOf = fires.map((f) => f.lead);
  }

  /** Calls `visit` for every (occurrence, lead) due in (after, until]. */
  forEachDue(after: number, until: number, visit: (occurrence: EventOccurrence, lead: string, at: number) => void): void {
    let lo = 0;
    let hi = this.dueTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.dueTimes[mid]! <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.dueTimes.length && this.dueTimes[i]! <= until; i++) {
      visit(this.occurrences[this.occurrenceOf[i]!]!, this.leadOf[i]!, this.dueTimes[i]!);
    }
  }

  get dueCount(): number {
    return this.dueTimes.length;
  }
}

export interface PlannedReminder {
  subscription: SubscriptionView;
  occurrence: EventOccurrence;
  lead: string;
  dueAt: number;
  late: boolean;
}

export interface SkippedReminder {
  subscription: SubscriptionView;
  occurrence: EventOccurrence;
  lead: string;
  dueAt: number;
  reason: string;
}

export interface ReminderPlan {
  send: PlannedReminder[];
  skip: SkippedReminder[];
}

function wants(s: SubscriptionView, o: EventOccurrence, lead: string, at: number): boolean {
  if (o.kind === 'meeting' ? !s.meetings : !s.elections) return false;
  return s.leads[o.kind].has(lead) && at > s.createdAt;
}

/**
 * Reminders due in (after, now]. Per subscription and occurrence only the latest due lead is
 * sent — on time when within the grace, late otherwise — and only while the event is still
 * ahead; the earlier leads (missed during downtime) and those for past events are skipped,
 * with the reason. A lead that fell due before the subscription existed is not considered.
 */
export function planReminders(input: { now: number; after: number; occurrences: OccurrenceIndex; subscriptions: SubscriptionIndex }): ReminderPlan {
  const { now, after, occurrences, subscriptions } = input;
  const groups = new Map<string, { subscription: SubscriptionView; occurrence: EventOccurrence; due: { lead: string; at: number }[] }>();
  const single: PlannedReminder[] = [];
  occurrences.forEachDue(after, now, (occurrence, lead, at) => {
    for (const subscription of subscriptions.audience(occurrence.audience, occurrence.state, occurrence.fips)) {
      if (!wants(subscription, occurrence, lead, at)) continue;
      const key = `${subscription.id} ${occurrence.key}`;
      const group = groups.get(key);
      if (group) group.due.push({ lead, at });
      else groups.set(key, { subscription, occurrence, due: [{ lead, at }] });
    }
  });
  const plan: ReminderPlan = { send: single, skip: [] };
  for (const { subscription, occurrence, due } of groups.values()) {
    due.sort((a, b) => a.at - b.at);
    const last = due.at(-1)!;
    const ahead = now < occurrence.meaningfulUntil;
    for (const d of due) {
      if (!ahead) {
        plan.skip.push({ subscription, occurrence, lead: d.lead, dueAt: d.at, reason: 'the event had already started when this was planned' });
      } else if (d !== last) {
        plan.skip.push({ subscription, occurrence, lead: d.lead, dueAt: d.at, reason: `superseded by the ${last.lead} reminder (missed while the bot was down)` });
      } else {
        plan.send.push({ subscription, occurrence, lead: d.lead, dueAt: d.at, late: now - d.at > ON_TIME_GRACE_MS });
      }
    }
  }
  return plan;
}
