// The last regular sheriff elections before a day, walked back along the state's cycle.
import { electionDate, electionWindowEnd, parseElectionDayRule, yearOf } from './election-days.ts';
import { isCycleYear } from './election-cycles.ts';
import type { ElectionException } from './election-exceptions.ts';
import { assertToday, resolve, SEARCH_YEARS } from './elections.ts';
import type { Jurisdiction, StateSheriffRule } from './types.ts';

/**
 * Date of the latest regular sheriff election on or before `today`, if the rule fixes its day;
 * null when the sheriff is not elected, counties vary, or the rule gives only a year.
 */
export function lastRegularElection(
  rule: StateSheriffRule | undefined,
  jurisdiction: Jurisdiction,
  today: string,
  exception?: ElectionException,
): string | null {
  for (const { date } of cycleElectionsBack(rule, jurisdiction, today, exception)) {
    if (!date) return null;
    if (date <= today) return date;
  }
  return null;
}

/**
 * The latest regular election held before `today`: its date when the rule fixes one, else only
 * its year (Louisiana's Saturday elections) once the latest month the rule names has passed.
 * Null when the sheriff is not elected or the county's cycle is not known.
 */
export function lastRegularElectionHeld(
  rule: StateSheriffRule | undefined,
  jurisdiction: Jurisdiction,
  today: string,
  exception?: ElectionException,
): { year: number; date: string | null } | null {
  for (const { year, date, dayRule } of cycleElectionsBack(rule, jurisdiction, today, exception)) {
    if (date ? date <= today : electionWindowEnd(dayRule, year) < today) return { year, date };
  }
  return null;
}

/**
 * The county's regular-election years from this year back (as far as the search goes), each with
 * its election day when the rule fixes one. Nothing when the sheriff is not elected or the cycle is unknown.
 */
function* cycleElectionsBack(
  rule: StateSheriffRule | undefined,
  jurisdiction: Jurisdiction,
  today: string,
  exception: ElectionException | undefined,
): Generator<{ year: number; date: string | null; dayRule: ReturnType<typeof parseElectionDayRule> }> {
  assertToday(today);
  const resolved = resolve(rule, jurisdiction, exception);
  if (resolved.kind === 'final') return;
  const { cycle, dayRuleText } = resolved.schedule;
  const dayRule = parseElectionDayRule(dayRuleText);
  const thisYear = yearOf(today);
  for (let year = thisYear; year >= thisYear - SEARCH_YEARS; year--) {
    if (isCycleYear(cycle, year)) yield { year, date: electionDate(dayRule, year), dayRule };
  }
}
