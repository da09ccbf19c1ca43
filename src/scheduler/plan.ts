// What is due: a pure function of the time, the watermark and the rows (occurrences and
// subscriptions as read from the database). No clock, no I/O.
import { dueAt, type EventKind } from '../domain/leads.ts';
import type { EventOccurrence } from './occurrences.ts';
import { runAll, type Steps } from './slices.ts';
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
    fires?: { dueTimes: Float64Array; occurrenceOf: Uint32Array; leadOf: string[] },
  ) {
    this.byKey = new Map(occurrences.map((o) => [o.key, o]));
    const sorted = fires ?? runAll(OccurrenceIndex.fireSteps(occurrences, catalog));
    this.dueTimes = sorted.dueTimes;
    this.occurrenceOf = sorted.occurrenceOf;
    this.leadOf = sorted.leadOf;
  }

  /** Builds the index in steps (a few hundred occurrences each), for a planner that runs in slices. */
  static *build(occurrences: readonly EventOccurrence[], catalog: Readonly<Record<EventKind, readonly string[]>>): Steps<OccurrenceIndex> {
    const fires = yield* OccurrenceIndex.fireSteps(occurrences, catalog);
    return new OccurrenceIndex(occurrences, catalog, fires);
  }

  /** Every lead's due time of every occurrence, sorted by due time. */
  private static *fireSteps(occurrences: readonly EventOccurrence[], catalog: Readonly<Record<EventKind, readonly string[]>>): Steps<{ dueTimes: Float64Array; occurrenceOf: Uint32Array; leadOf: string[] }> {
    const at: number[] = [];
    const occ: number[] = [];
    const leads: string[] = [];
    for (let i = 0; i < occurrences.length; i++) {
      if (i % 256 === 0) yield;
      const o = occurrences[i]!;
      for (const lead of catalog[o.kind]) {
        const due = dueAt(lead, o.time);
        if (due !== null) {
          at.push(due);
          occ.push(i);
          leads.push(lead);
        }
      }
    }
    yield;
    // Sorting a typed array of positions by a typed array of times (stable: ties keep their order).
    const order = Uint32Array.from(at.keys());
    const times = Float64Array.from(at);
    order.sort((a, b) => times[a]! - times[b]! || a - b);
    yield;
    return {
      dueTimes: Float64Array.from(order, (k) => times[k]!),
      occurrenceOf: Uint32Array.from(order, (k) => occ[k]!),
      leadOf: Array.from(order, (k) => leads[k]!),
    };
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
 *
 * The plan comes in parts: one part per occurrence with something due (in the order of its
 * first due lead), so a planner running in slices can record and yield between parts. The
 * decisions of one (subscription, occurrence) are always in the same part.
 */
export function* planReminderSteps(input: { now: number; after: number; occurrences: OccurrenceIndex; subscriptions: SubscriptionIndex }): Generator<ReminderPlan, void, void> {
  const { now, after, occurrences, subscriptions } = input;
  const byOccurrence = new Map<string, { occurrence: EventOccurrence; due: { lead: string; at: number }[] }>();
  occurrences.forEachDue(after, now, (occurrence, lead, at) => {
    const found = byOccurrence.get(occurrence.key);
    if (found) found.due.push({ lead, at });
    else byOccurrence.set(occurrence.key, { occurrence, due: [{ lead, at }] });
  });
  for (const { occurrence, due } of byOccurrence.values()) {
    // forEachDue visits in due-time order, so `due` is sorted and so is every subset of it.
    const plan: ReminderPlan = { send: [], skip: [] };
    const ahead = now < occurrence.meaningfulUntil;
    for (const subscription of subscriptions.audience(occurrence.audience, occurrence.state, occurrence.fips)) {
      let last: { lead: string; at: number } | undefined;
      for (const d of due) if (wants(subscription, occurrence, d.lead, d.at)) last = d;
      if (!last) continue;
      for (const d of due) {
        if (!wants(subscription, occurrence, d.lead, d.at)) continue;
        if (!ahead) {
          plan.skip.push({ subscription, occurrence, lead: d.lead, dueAt: d.at, reason: 'the event had already started when this was planned' });
        } else if (d !== last) {
          plan.skip.push({ subscription, occurrence, lead: d.lead, dueAt: d.at, reason: `superseded by the ${last.lead} reminder (missed while the bot was down)` });
        } else {
          plan.send.push({ subscription, occurrence, lead: d.lead, dueAt: d.at, late: now - d.at > ON_TIME_GRACE_MS });
        }
      }
    }
    if (plan.send.length || plan.skip.length) yield plan;
  }
}
