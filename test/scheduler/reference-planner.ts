// The planner written the plain way, for property tests: every platform planned at once in one
// transaction, from the whole plan (not in parts). The production Scheduler.plan() runs in slices
// and batches; tests check that it records exactly what this records.
import type { LedgerEntry } from '../../src/store/deliveries.ts';
import type { Store } from '../../src/store/index.ts';
import type { Platform } from '../../src/store/subscriptions.ts';
import { agendaEntries } from '../../src/scheduler/agenda-plan.ts';
import { groupChanges, planAlerts } from '../../src/scheduler/alerts.ts';
import { locate } from '../../src/scheduler/locate.ts';
import { planReminderSteps, type ReminderPlan } from '../../src/scheduler/plan.ts';
import { MAX_CATCH_UP_MS, PlanningCache } from '../../src/scheduler/planning-cache.ts';

const WATERMARK_EVERY_MS = 15 * 60_000;

export interface Report {
  claimed: number;
  skipped: number;
}

/** Every part of the plan in one. */
export function wholePlan(input: Parameters<typeof planReminderSteps>[0]): ReminderPlan {
  const plan: ReminderPlan = { send: [], skip: [] };
  for (const part of planReminderSteps(input)) {
    plan.send.push(...part.send);
    plan.skip.push(...part.skip);
  }
  return plan;
}

type Due = { subscription: { id: number; channelId: string }; lead: string; dueAt: number };

function entry(platform: Platform, key: string, p: Due, late: boolean): LedgerEntry {
  return { subscriptionId: p.subscription.id, occurrenceKey: key, lead: p.lead, platform, channelId: p.subscription.channelId, dueAt: new Date(p.dueAt).toISOString(), late };
}

function planPlatform(store: Store, cache: PlanningCache, platforms: readonly Platform[], platform: Platform, now: number): Report {
  const deliveries = store.deliveries;
  const nowIso = new Date(now).toISOString();
  const name = `reminders:${platform}`;
  const mark = deliveries.watermark(name);
  const after = Math.max(mark ? Date.parse(mark) : now - MAX_CATCH_UP_MS, now - MAX_CATCH_UP_MS);
  const subscriptions = cache.subscriptionsOf(platform);
  let claimed = 0;
  let skipped = 0;
  if (after < now && subscriptions.size > 0) {
    const plan = wholePlan({ now, after, occurrences: cache.occurrencesFor(platforms, after, now), subscriptions });
    claimed = deliveries.claimMany(plan.send.map((p) => entry(platform, p.occurrence.key, p, p.late)), nowIso);
    skipped = deliveries.claimMany(plan.skip.map((s) => ({ ...entry(platform, s.occurrence.key, s, true), reason: s.reason })), nowIso, 'skipped');
  }
  if (after < now && (claimed || skipped || now - after >= WATERMARK_EVERY_MS)) deliveries.setWatermark(name, nowIso);

  const rows = store.positionHistory.since(Number(deliveries.watermark(`alerts:${platform}`) ?? 0));
  if (rows.length) {
    if (subscriptions.size) {
      const plan = planAlerts({ now, groups: groupChanges(locate(store, rows)), subscriptions });
      const alert = (p: { subscription: { id: number; channelId: string }; group: { key: string; lead: string; at: number } }, late: boolean) =>
        entry(platform, p.group.key, { subscription: p.subscription, lead: p.group.lead, dueAt: p.group.at }, late);
      claimed += deliveries.claimMany(plan.send.map((p) => alert(p, p.late)), nowIso);
      skipped += deliveries.claimMany(plan.skip.map((s) => ({ ...alert(s, true), reason: s.reason })), nowIso, 'skipped');
    }
    deliveries.setWatermark(`alerts:${platform}`, String(rows.at(-1)!.id));
  }
  const agenda = agendaEntries(store, subscriptions, platform);
  if (agenda) {
    claimed += deliveries.claimMany(agenda.send, nowIso);
    deliveries.setWatermark(`agenda:${platform}`, agenda.mark);
  }
  return { claimed, skipped };
}

/** Plans and claims what is due at `now` on these platforms, one transaction per platform. */
export function planAtOnce(store: Store, platforms: readonly Platform[], now: number, cache = new PlanningCache(store)): Report {
  const report: Report = { claimed: 0, skipped: 0 };
  for (const platform of platforms) {
    const r = store.deliveries.transaction(() => planPlatform(store, cache, platforms, platform, now));
    report.claimed += r.claimed;
    report.skipped += r.skipped;
  }
  return report;
}
