import rrule from 'rrule';
import { describe, expect, it } from 'vitest';
import { ruleStarts } from '../../src/domain/meetings.ts';
import { boundedBetween, expansionWork, MAX_SPAN_YEARS } from '../../src/domain/rule-budget.ts';
import { collectOccurrences } from '../../src/scheduler/occurrences.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { TEST_NOW } from '../helpers/store.ts';
import { placesStore } from '../scheduler/helpers.ts';

const { RRule } = rrule;
const ADD = 'meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 source:https://www.traviscountytx.gov/cc repeat:';

/** Periods stepped by the expansions `run` makes. */
async function periodsOf(run: () => unknown): Promise<number> {
  const before = expansionWork.periods;
  await run();
  return expansionWork.periods - before;
}

/** A series written straight to the database, as a rule stored before these checks would be. */
function insertRaw(store: Store, rule: string, startsAt = '2026-12-01T15:00:00.000Z'): number {
  const row = store.db
    .prepare(`INSERT INTO meetings (jurisdiction_fips, body, starts_at, time_zone, rrule, source_url, source_title, recorded_by, recorded_at, updated_at)
      VALUES ('48453', 'Old rule', ?, 'America/Chicago', ?, 'https://example.org/', 'example.org', 'test', ?, ?) RETURNING id`)
    .get(startsAt, rule, TEST_NOW, TEST_NOW) as { id: number };
  return row.id;
}

describe('recurrence rules that would cost unbounded work', () => {
  it.each([
    ['FREQ=DAILY;BYSETPOS=366', 'BYSETPOS=366 can never match with FREQ=DAILY: each period has at most 1'],
    ['FREQ=WEEKLY;BYSETPOS=366', 'at most 7 matching days'],
    ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=40', 'at most 31 matching days'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'gives no meeting in the 5 years from 2026-12-01'],
    ['FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=13;BYSETPOS=2', 'gives no meeting in the 5 years'],
    ['FREQ=MONTHLY;BYDAY=1TU;UNTIL=20250101', 'UNTIL (2025-01-01) is before the first meeting (2026-12-01)'],
  ])('GIVEN repeat:%s THEN refused saying why, nothing stored, and the check itself is bounded', async (rule, why) => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    let answer!: Awaited<ReturnType<typeof chat.ask>>;
    const periods = await periodsOf(async () => (answer = await chat.ask(`${ADD}${rule}`)));
    expect(answer.reply.status).toBe('user_error');
    expect(answer.text).toContain(why);
    expect(store.meetings.live()).toEqual([]);
    // Five years of daily periods at most: the 5-year check never steps further.
    expect(periods).toBeLessThanOrEqual(5 * 366 + 2);
  });

  it('GIVEN the Spanish reader THEN the refusal is Spanish', async () => {
    const chat = conversation({ store: placesStore(), moderator: true, locale: 'es-ES' });
    const { text } = await chat.ask(`${ADD}FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`);
    expect(text).toContain('no da ninguna reunión en los 5 años desde el 2026-12-01');
  });

  it('GIVEN a rare but real rule (February 29th) THEN it is accepted and its next date is 2028-02-29', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const { reply } = await chat.ask(`${ADD}FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29`);
    expect(reply.status).toBe('ok');
    const [series] = store.meetings.live();
    expect(ruleStarts(series!, new Date(TEST_NOW), new Date('2031-01-01T00:00:00Z'), 2)).toEqual(['2028-02-29T15:00:00.000Z']);
  });

  it('GIVEN rules stored before the checks (written to the database) THEN meetings, calendar and the scheduler stay bounded and the good series still shows', async () => {
    const store = placesStore();
    for (const rule of ['FREQ=DAILY;BYSETPOS=366', 'FREQ=WEEKLY;BYSETPOS=366', 'FREQ=MONTHLY;BYSETPOS=366', 'FREQ=SECONDLY']) insertRaw(store, rule);
    // Accepted by the old checks, never matching: bounded by the period budget rather than refused.
    insertRaw(store, 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', '2017-01-01T15:00:00.000Z');
    insertRaw(store, 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5', '2017-01-01T15:00:00.000Z');
    const good = insertRaw(store, 'FREQ=MONTHLY;BYDAY=1TU');
    const chat = conversation({ store });
    const started = performance.now();
    const work = expansionWork.periods;
    const meetingsText = (await chat.ask('meetings Travis, TX')).text;
    await chat.ask('calendar Travis, TX');
    const now = Date.parse(TEST_NOW);
    collectOccurrences(store, { from: now - 90 * 86_400_000, to: now + 60 * 86_400_000, now });
    const stepped = expansionWork.periods - work;
    expect(meetingsText).toContain(`#${good}`);
    // Three expansions (meetings, calendar, scheduler) of two never-matching daily rules, each at
    // most MAX_SPAN_YEARS of days, plus the good monthly series: bounded, and far from 8,000 years.
    expect(stepped).toBeLessThan(3 * 2 * (MAX_SPAN_YEARS * 366 + 2) + 3 * 200);
    // Generous guard against a hang only (the unbounded version took 13-29 s per command).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('the period budget on the rrule library', () => {
  it('GIVEN a rule that never matches THEN the expansion stops at its budget instead of the year 9999', () => {
    const rule = new RRule({ ...RRule.parseString('FREQ=DAILY;BYSETPOS=366'), dtstart: new Date(Date.UTC(2026, 0, 1, 9)) });
    const before = expansionWork.periods;
    const { dates, exhausted } = boundedBetween(rule, new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 1, 1)));
    expect(dates).toEqual([]);
    expect(exhausted).toBe(true);
    expect(expansionWork.periods - before).toBeLessThanOrEqual(34);
    // The rule is usable again afterwards: interval restored.
    expect(rule.options.interval).toBe(1);
  });

  it.each(['FREQ=MONTHLY;BYDAY=1TU,3TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=DAILY;COUNT=30'])(
    'GIVEN the usable rule %s THEN the bounded expansion gives exactly what rrule gives',
    (text) => {
      const make = () => new RRule({ ...RRule.parseString(text), dtstart: new Date(Date.UTC(2026, 0, 6, 9)) });
      const after = new Date(Date.UTC(2026, 0, 1));
      const before = new Date(Date.UTC(2031, 0, 1));
      expect(boundedBetween(make(), after, before).dates).toEqual(make().between(after, before, true));
    },
  );
});
