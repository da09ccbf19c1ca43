/**
 * When a newly elected sheriff's term begins, per state (and per county where it differs), as
 * data/sheriff_term_starts.csv states it with a source. A state not in the table: unknown.
 */
import { isoDate, nthWeekdayOfMonth } from './election-days.ts';

export interface TermStartRule {
  state: string;
  /** Set when the rule is one county's (Orleans Parish). */
  fips: string | null;
  month: number;
  dayRule: 'day-1' | 'first-monday' | 'first-monday-after-second-tuesday';
  /** The rule in words, e.g. "January 1 after the election". */
  words: string;
  sourceTitle: string;
  sourceUrl: string;
}

/** The day the term won at an election in `electionYear` begins (every rule in the table is in the year after). */
export function termStartDate(rule: TermStartRule, electionYear: number): string {
  const year = electionYear + 1;
  switch (rule.dayRule) {
    case 'day-1':
      return isoDate(year, rule.month, 1);
    case 'first-monday':
      return nthWeekdayOfMonth(year, rule.month, 1, 1)!;
    case 'first-monday-after-second-tuesday': {
      const secondTuesday = Number(nthWeekdayOfMonth(year, rule.month, 2, 2)!.slice(8));
      // The Monday after the second Tuesday is six days later.
      return isoDate(year, rule.month, secondTuesday + 6);
    }
  }
}

/** The county's rule if it has one, else its state's. */
export function termStartRuleFor(rules: readonly TermStartRule[], state: string, fips: string): TermStartRule | undefined {
  return rules.find((r) => r.fips === fips) ?? rules.find((r) => r.state === state && r.fips === null);
}
