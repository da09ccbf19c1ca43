import { describe, expect, it } from 'vitest';
import { ALERT_MAX_AGE_MS, inScope, planAlerts, type AlertGroup, type LocatedChange } from '../../src/scheduler/alerts.ts';
import { ON_TIME_GRACE_MS } from '../../src/scheduler/plan.ts';
import { SubscriptionIndex, type SubscriptionView } from '../../src/scheduler/subscription-index.ts';
import type { ActiveRow } from '../../src/store/subscriptions.ts';

/** The plan as first written: every candidate filters every row of its group. */
function reference(input: Parameters<typeof planAlerts>[0]) {
  const send: { id: number; key: string; rows: number[]; late: boolean }[] = [];
  const skip: { id: number; key: string }[] = [];
  for (const group of input.groups) {
    const candidates = new Map<number, SubscriptionView>();
    for (const row of group.rows) {
      for (const s of input.subscriptions.audience('both', row.state, row.fips)) if (s.positions) candidates.set(s.id, s);
    }
    for (const subscription of candidates.values()) {
      const rows = group.rows.filter((row) => inScope(subscription, row));
      if (!rows.length) continue;
      const age = input.now - group.at;
      if (age > ALERT_MAX_AGE_MS) skip.push({ id: subscription.id, key: group.key });
      else send.push({ id: subscription.id, key: group.key, rows: rows.map((r) => r.id), late: age > ON_TIME_GRACE_MS });
    }
  }
  return { send, skip };
}

let seed = 7;
const random = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor(seed / 65_536) % n;
};
const PLACES = [
  ['TX', '48453'], ['TX', '48201'], ['TX', null], ['GA', '13067'], ['GA', '13121'], ['GA', null], ['AL', '01001'],
] as const;

function row(id: number): LocatedChange {
  const [state, fips] = PLACES[random(PLACES.length)]!;
  return { id, state, fips, officeName: 'x' } as LocatedChange;
}

function subscriptionRow(id: number): ActiveRow {
  const [state, fips] = PLACES[random(PLACES.length)]!;
  return {
    id, workspace_id: 'w', channel_id: `c${id}`, state, jurisdiction_fips: random(3) === 0 ? null : fips,
    elections: 0, meetings: random(2), agenda: 1, positions: random(4) === 0 ? 0 : 1, leads: null, positions_after_id: random(5) === 0 ? 20 : 0,
    created_at: '2026-01-01T00:00:00.000Z',
  };
}

describe('planAlerts', () => {
  it('GIVEN random changes, digests and subscriptions (county, state-wide, joined late, not following positions) THEN the same plan, in the same order, as every candidate reading every row', () => {
    for (let round = 0; round < 30; round++) {
      const now = Date.parse('2026-03-01T12:00:00.000Z');
      const subscriptions = new SubscriptionIndex(Array.from({ length: 40 }, (_, i) => subscriptionRow(i + 1)));
      let id = 0;
      const groups: AlertGroup[] = Array.from({ length: 6 }, (_, g) => {
        const digest = random(2) === 0;
        const rows = Array.from({ length: digest ? 1 + random(30) : 1 }, () => row(++id));
        const at = now - [0, 2 * 3_600_000, 8 * 86_400_000][random(3)]!;
        return { key: `${digest ? 'digest' : 'change'}:${g}`, lead: digest ? 'digest' : 'change', at, rows };
      });
      const plan = planAlerts({ now, groups, subscriptions });
      const expected = reference({ now, groups, subscriptions });
      expect(plan.send.map((p) => ({ id: p.subscription.id, key: p.group.key, rows: p.rows.map((r) => r.id), late: p.late }))).toEqual(expected.send);
      expect(plan.skip.map((s) => ({ id: s.subscription.id, key: s.group.key }))).toEqual(expected.skip);
      expect(expected.send.length + expected.skip.length).toBeGreaterThan(0);
    }
  });
});
