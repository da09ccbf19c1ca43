// What a series must do to be recorded: occur at all, soon enough, and end after it starts.
import { DateTime } from 'luxon';
import rrule from 'rrule';
import { MeetingRuleError } from './meeting-rules.ts';
import { ruleStarts, type MeetingSeries } from './meetings.ts';

const { RRule } = rrule;

/** A series must have a meeting within this many years of its start (or of today, if later). */
export const OCCURS_WITHIN_YEARS = 5;
/** A COUNT rule is expanded from its first meeting on every use: it may start at most this long ago. */
export const COUNT_START_DAYS = 120;

/**
 * Refuses a rule whose UNTIL is before the series' start, or that gives no meeting in the five
 * years from the later of its start and now (every February 30th, a BYSETPOS no period reaches,
 * an UNTIL already past). The expansion is bounded (rule-budget.ts), so this check is cheap too.
 */
export function checkSeriesOccurs(series: Pick<MeetingSeries, 'startsAt' | 'timeZone' | 'rrule'>, now: Date): void {
  if (!series.rrule) return;
  const until = RRule.parseString(series.rrule).until;
  const start = DateTime.fromISO(series.startsAt, { zone: 'utc' }).setZone(series.timeZone);
  if (until) {
    // UNTIL is read as floating local time, like the rule itself.
    const untilLocal = DateTime.fromJSDate(until, { zone: 'utc' }).setZone(series.timeZone, { keepLocalTime: true });
    if (untilLocal < start.startOf('day')) {
      throw new MeetingRuleError('limits.rule.until-before', { until: untilLocal.toFormat('yyyy-MM-dd'), start: start.toFormat('yyyy-MM-dd') });
    }
  }
  const options = RRule.parseString(series.rrule);
  if (options.count && Date.parse(series.startsAt) < now.getTime() - COUNT_START_DAYS * 86_400_000) {
    throw new MeetingRuleError('limits.rule.count-old', { days: COUNT_START_DAYS });
  }
  const from = new Date(Math.max(Date.parse(series.startsAt), now.getTime()));
  const to = DateTime.fromJSDate(from).plus({ years: OCCURS_WITHIN_YEARS }).toJSDate();
  if (ruleStarts(series, from, to, 1).length === 0) {
    throw new MeetingRuleError('limits.rule.never', { years: OCCURS_WITHIN_YEARS, from: DateTime.fromJSDate(from).setZone(series.timeZone).toFormat('yyyy-MM-dd') });
  }
}
