/**
 * Whether the name on record may no longer be the sheriff's: a regular election for the office
 * was held after the name's source date, or the source is dated between an election and the day
 * the new term began (Orleans Parish, LA: a January 2026 directory still lists the sheriff the
 * 2025-10-11 election unseated, whose successor took office in May 2026). Where the new term has
 * not begun yet, the name is still the sheriff's until then.
 */
import { generalElectionDay, yearOf } from '../domain/election-days.ts';
import type { ElectionException } from '../domain/election-exceptions.ts';
import { lastRegularElectionHeld } from '../domain/last-elections.ts';
import { termStartDate, termStartRuleFor, type TermStartRule } from '../domain/term-starts.ts';
import type { Jurisdiction, OfficeHolder, StateSheriffRule } from '../domain/types.ts';
import { termStartRules } from '../importers/term-starts.ts';

export interface ElectionHeld {
  year: number;
  /** Null where the rule gives only the year. */
  date: string | null;
}

export interface HolderDoubt {
  /** 'predates': the source is older than the election; 'before-term': dated after it but before the new term began. */
  kind: 'predates' | 'before-term';
  election: ElectionHeld;
  /** When the term won at that election begins, when the state's rule is known. */
  start: { date: string; rule: TermStartRule } | null;
  /** Today is on or after the new term's start; null when the start is unknown. */
  begun: boolean | null;
}

/**
 * The latest election that decided this office: the county's regular cycle where it is known,
 * else, for a name that is itself an election result, that election's year plus the term.
 */
function lastElection(rule: StateSheriffRule | undefined, j: Jurisdiction, holder: OfficeHolder, today: string, exception?: ElectionException): ElectionHeld | null {
  const held = lastRegularElectionHeld(rule, j, today, exception);
  if (held) return held;
  if (holder.sourceKind !== 'election_winner' || !rule?.termYears) return null;
  // Counties on their own cycles (Oregon, New York): the seat won at the source's election is up again a term later.
  const year = yearOf(holder.source.date) + rule.termYears;
  return generalElectionDay(year) <= today ? { year, date: null } : null;
}

export function holderDoubt(
  rule: StateSheriffRule | undefined,
  j: Jurisdiction,
  holder: OfficeHolder | undefined,
  today: string,
  exception?: ElectionException,
): HolderDoubt | undefined {
  if (!holder) return undefined;
  const election = lastElection(rule, j, holder, today, exception);
  if (!election) return undefined;
  const startRule = termStartRuleFor(termStartRules(), j.state, j.fips);
  const start = startRule ? { date: termStartDate(startRule, election.year), rule: startRule } : null;
  const begun = start ? today >= start.date : null;
  const dated = holder.source.date;
  const predates = election.date ? dated < election.date : yearOf(dated) < election.year;
  if (predates) return { kind: 'predates', election, start, begun };
  // The winner of that very election is the name the new term brings: nothing to doubt.
  if (holder.sourceKind === 'election_winner' && (election.date ? dated === election.date : yearOf(dated) === election.year)) return undefined;
  if (start && dated < start.date) return { kind: 'before-term', election, start, begun };
  // Dated in the election year itself, when the day is not known: it may be before or after.
  if (!election.date && yearOf(dated) === election.year) return { kind: 'before-term', election, start, begun };
  return undefined;
}

/** The name may already be someone else's: the doubt holds and the new term has begun (or its start is unknown). */
export function mayHaveChanged(doubt: HolderDoubt | undefined): boolean {
  return doubt !== undefined && doubt.begun !== false;
}
