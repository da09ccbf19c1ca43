// A bound on the work of expanding one recurrence rule, whatever rule was stored.
//
// The rrule library steps period by period (a day, a week, a month, a year) and only stops when a
// matching date passes the end of the window — or at year 9999. A rule that never matches
// (FREQ=DAILY;BYSETPOS=366, every February 30th) therefore steps through ~8,000 years: seconds of
// blocked event loop per expansion. rrule has no budget option, but its loop reads
// `options.interval` on every step and stops when it reads 0; a counting getter turns that into
// a period budget without a fork. test/domain/rule-budget.test.ts pins this to the installed rrule.
import rrule from 'rrule';

const { RRule } = rrule;
type Rule = InstanceType<typeof RRule>;

const DAY_MS = 86_400_000;

/** The longest span, in years, one expansion may step through (a COUNT rule iterates from its start). */
export const MAX_SPAN_YEARS = 12;
/** The most occurrences one expansion returns (a daily series over a year is 366). */
export const MAX_OCCURRENCES = 1_000;

/** Days of one period of each frequency (rrule: YEARLY 0, MONTHLY 1, WEEKLY 2, DAILY 3). */
const PERIOD_DAYS: Record<number, number> = { [RRule.YEARLY]: 365.25, [RRule.MONTHLY]: 30.44, [RRule.WEEKLY]: 7, [RRule.DAILY]: 1 };

/** Work done by every expansion in this process: read by the fuzz test and the bench. */
export const expansionWork = { expansions: 0, periods: 0, occurrences: 0, cut: 0, maxPeriods: 0 };

/** The periods a rule needs to step from its start to `until`, capped at MAX_SPAN_YEARS of them. */
export function periodBudget(rule: Rule, until: Date): number {
  const { freq, interval, dtstart } = rule.options;
  const days = PERIOD_DAYS[freq];
  if (days === undefined) return 0; // hourly and finer: never stored by a moderator, never expanded
  const step = days * Math.max(1, interval);
  const needed = Math.ceil((until.getTime() - dtstart.getTime()) / DAY_MS / step) + 2;
  const cap = Math.ceil((MAX_SPAN_YEARS * 365.25) / step) + 2;
  return Math.max(2, Math.min(needed, cap));
}

/**
 * The rule's dates in [after, before] (floating time), stepping through at most the periods that
 * reach `before` (and never more than MAX_SPAN_YEARS), returning at most `limit` dates.
 */
export function boundedBetween(rule: Rule, after: Date, before: Date, limit = MAX_OCCURRENCES): { dates: Date[]; exhausted: boolean } {
  const periods = periodBudget(rule, before);
  const interval = rule.options.interval;
  let reads = 0;
  let exhausted = false;
  // rrule reads interval once before its loop and twice per step (the stop check and the step itself).
  Object.defineProperty(rule.options, 'interval', {
    configurable: true,
    get() {
      reads++;
      if (exhausted || reads > 1 + 2 * periods) {
        exhausted = true;
        return 0;
      }
      return interval;
    },
  });
  try {
    const dates = rule.between(after, before, true, (_date, index) => index < limit);
    const stepped = Math.floor(Math.max(0, reads - 1) / 2);
    expansionWork.expansions++;
    expansionWork.periods += stepped;
    expansionWork.maxPeriods = Math.max(expansionWork.maxPeriods, stepped);
    expansionWork.occurrences += dates.length;
    if (exhausted) expansionWork.cut++;
    return { dates, exhausted };
  } finally {
    Object.defineProperty(rule.options, 'interval', { configurable: true, writable: true, value: interval });
  }
}
