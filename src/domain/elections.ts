// Next and last regular sheriff elections, computed from the state's rule and a county's exception.
import { electionDate, electionWindowEnd, isIsoDate, parseElectionDayRule, yearOf } from './election-days.ts';
import { isCycleYear, stateCycle, type Cycle } from './election-cycles.ts';
import { exceptionApplies, type ElectionException } from './election-exceptions.ts';
import { stateName } from './states.ts';
import type { Jurisdiction, Selection, StateSheriffRule } from './types.ts';

export interface Basis {
  /** The rule in words, e.g. "every 4 years, presidential years; Tuesday after the first Monday in November". */
  basis: string;
  confidence: StateSheriffRule['confidence'];
  sourceUrls: string[];
  /** Known caveats for this county or state (primaries decide, county exceptions…). */
  caveats: string[];
}

/** The next regular sheriff election for a jurisdiction, computed from state law. */
export type NextElection =
  | (Basis & { kind: 'scheduled'; date: string; year: number })
  /** The year follows from the cycle but the rule gives no fixed day (e.g. Louisiana's Saturday elections). */
  | (Basis & { kind: 'year_only'; year: number })
  /** Counties differ and this one's schedule is not known: say so, never invent a date. */
  | (Basis & { kind: 'varies'; reason: string })
  /** The sheriff is not elected here (appointed, or no sheriff at all). */
  | (Basis & { kind: 'not_elected'; reason: string });

// ---------------------------------------------------------------------------------------------
// Selection

/** How the sheriff is chosen here, with the reason when it is not a plain election. */
export function sheriffSelection(
  rule: StateSheriffRule | undefined,
  jurisdiction: Jurisdiction,
  exception?: ElectionException,
): { selection: Selection; reason?: string } {
  const ex = exception && exceptionApplies(exception, jurisdiction) ? exception : undefined;
  if (ex && (ex.kind === 'not_elected' || ex.selection !== 'elected')) {
    return { selection: ex.selection, reason: withCertainty(ex.detail, ex) };
  }
  if (!usableRule(rule, jurisdiction)) return { selection: 'unknown', reason: `No sheriff election rule is loaded for ${jurisdiction.state}.` };
  if (rule.elected === 'no') return { selection: selectionFromText(rule.exceptions), reason: rule.exceptions };
  return { selection: 'elected' };
}

/** 'no sheriffs', 'abolished' → none; 'appointed' → appointed; else unknown. */
function selectionFromText(text: string): Selection {
  if (/\bno (?:county )?sheriffs?\b|\babolished\b/i.test(text)) return 'none';
  if (/\bappointed\b/i.test(text)) return 'appointed';
  return 'unknown';
}

function withCertainty(text: string, ex: ElectionException): string {
  if (ex.certainty === 'stated') return text;
  return `${text} (${ex.certainty === 'guess' ? 'a guess' : 'inferred'} in the compiled rules, not confirmed)`;
}

function usableRule(rule: StateSheriffRule | undefined, jurisdiction: Jurisdiction): rule is StateSheriffRule {
  return rule !== undefined && rule.state === jurisdiction.state;
}

// ---------------------------------------------------------------------------------------------
// Next / last election

const RANK = { low: 0, medium: 1, high: 2 } as const;

function lower(a: Basis['confidence'], b: Basis['confidence']): Basis['confidence'] {
  return RANK[a] <= RANK[b] ? a : b;
}

const VACANCY = 'A vacancy can bring a special election outside the regular cycle.';

/**
 * Caveats that follow from how the race is decided (election_kind). A county on its own
 * election calendar gets the state's words only as the state rule, which may not fit it.
 */
function kindCaveats(rule: StateSheriffRule, ownCalendar = false): string[] {
  const kind = rule.electionKind;
  if (!kind || kind === 'n/a') return [];
  if (ownCalendar) return [`How the race is decided under the state rule (this county's election calendar differs): ${kind}.`];
  const caveats = [`How the race is decided: ${kind}.`];
  if (/\boutright\b/i.test(kind)) {
    caveats.push('A candidate with a majority at the primary is elected outright; the November election is then not needed.');
  } else if (/\bpartisan\b/i.test(kind) && !/\bnonpartisan\b/i.test(kind) && /\bprimary\b/i.test(kind)) {
    caveats.push('In one-party counties the party primary, not the general election, often decides the race.');
  }
  return caveats;
}

function certaintyCaveat(ex: ElectionException): string[] {
  if (ex.certainty === 'stated') return [];
  const word = ex.certainty === 'guess' ? 'a guess' : 'an inference';
  return [`This county's departure from the state rule is ${word} in the compiled rules, not confirmed: "${ex.basis}".`];
}

interface Schedule {
  cycle: Cycle;
  dayRuleText: string;
  basis: string;
  confidence: Basis['confidence'];
  caveats: string[];
  /** Last year the state's rule confirms; later passed years are assumed held. Null for county cycles. */
  confirmedThrough: number | null;
}

type Resolved = { kind: 'schedule'; schedule: Schedule; base: Omit<Basis, 'basis' | 'confidence'> } | { kind: 'final'; result: NextElection };

export function assertToday(today: string): void {
  if (!isIsoDate(today)) throw new RangeError(`today must be a 'YYYY-MM-DD' date, got "${today}"`);
}

/** Works out which schedule applies, or the final answer when none does. */
export function resolve(rule: StateSheriffRule | undefined, jurisdiction: Jurisdiction, exception: ElectionException | undefined): Resolved {
  const ex = exception && exceptionApplies(exception, jurisdiction) ? exception : undefined;
  const hasRule = usableRule(rule, jurisdiction);
  const sourceUrls = hasRule ? rule.sourceUrls : [];
  const stateConfidence: Basis['confidence'] = hasRule ? rule.confidence : 'low';
  const exConfidence = ex ? exceptionConfidence(stateConfidence, ex) : stateConfidence;

  if (ex?.kind === 'not_elected') {
    const reason = withCertainty(ex.detail, ex);
    return {
      kind: 'final',
      result: {
        kind: 'not_elected',
        reason,
        basis: `${ex.name}: ${ex.detail}`,
        confidence: exConfidence,
        sourceUrls,
        caveats: [...certaintyCaveat(ex)],
      },
    };
  }
  if (!hasRule) {
    const reason = `No sheriff election rule is loaded for ${jurisdiction.state}.`;
    return { kind: 'final', result: { kind: 'varies', reason, basis: reason, confidence: 'low', sourceUrls, caveats: [] } };
  }
  const where = stateName(rule.state);
  if (rule.elected === 'no') {
    return {
      kind: 'final',
      result: { kind: 'not_elected', reason: rule.exceptions, basis: `${where}: ${rule.exceptions}`, confidence: rule.confidence, sourceUrls, caveats: [] },
    };
  }
  const stateNotes = rule.exceptions && !/^none known$/i.test(rule.exceptions) ? [`Notes on ${where}: ${rule.exceptions}.`] : [];
  const base = { sourceUrls, caveats: [VACANCY] };

  if (ex?.kind === 'cycle' && ex.cycleYears.length) {
    const step = ex.termYears ?? rule.termYears;
    const dayRuleText = ex.electionDayRule ?? rule.electionDayRule;
    if (step && step > 0) {
      return {
        kind: 'schedule',
        base,
        schedule: {
          cycle: { known: [...ex.cycleYears].sort((a, b) => a - b), step },
          dayRuleText,
          basis: `${ex.name}: ${ex.detail}; every ${step} years; ${dayRuleText}`,
          confidence: exConfidence,
          caveats: [...certaintyCaveat(ex), ...kindCaveats(rule, ex.electionDayRule !== null)],
          confirmedThrough: null,
        },
      };
    }
  }
  const note = ex ? [`${ex.name}: ${withCertainty(ex.detail, ex)}.`] : stateNotes;
  const dayRuleText = ex?.electionDayRule ?? rule.electionDayRule;
  const reading = stateCycle(rule);
  if (!reading.ok) {
    return {
      kind: 'final',
      result: { kind: 'varies', reason: reading.reason, basis: `${where}: ${rule.cycle}`, confidence: rule.confidence, sourceUrls, caveats: [...note, ...kindCaveats(rule)] },
    };
  }
  return {
    kind: 'schedule',
    base,
    schedule: {
      cycle: reading.cycle,
      dayRuleText,
      basis: `${where}: ${rule.cycle}; ${dayRuleText}`,
      confidence: exConfidence,
      caveats: [...note, ...kindCaveats(rule)],
      confirmedThrough: rule.lastRegularYear,
    },
  };
}

function exceptionConfidence(state: Basis['confidence'], ex: ElectionException): Basis['confidence'] {
  if (ex.kind === 'note') return state;
  if (ex.certainty === 'guess') return 'low';
  if (ex.certainty === 'inferred') return lower(state, 'medium');
  return state;
}

/** Years searched around today; cycles are at most a few years long. */
export const SEARCH_YEARS = 24;

/**
 * The next regular sheriff election for a jurisdiction, computed from the state's rule (its
 * cycle from the last confirmed election year and the term length, and its election-day rule)
 * and, when given and about this jurisdiction, the county's exception row. The next election is
 * the first cycle year whose election day is today or later; where the rule fixes no day
 * (Louisiana's Saturday elections, Jacksonville's spring city election) only the year is given,
 * and a year counts as ahead until the end of the latest month its rule names.
 * `today` is 'YYYY-MM-DD' in the jurisdiction's time zone.
 */
export function nextRegularElection(
  rule: StateSheriffRule | undefined,
  jurisdiction: Jurisdiction,
  today: string,
  exception?: ElectionException,
): NextElection {
  assertToday(today);
  const resolved = resolve(rule, jurisdiction, exception);
  if (resolved.kind === 'final') return resolved.result;
  const { schedule, base } = resolved;
  const dayRule = parseElectionDayRule(schedule.dayRuleText);
  const thisYear = yearOf(today);
  let year: number | undefined;
  for (let y = thisYear - 1; y <= thisYear + SEARCH_YEARS; y++) {
    if (isCycleYear(schedule.cycle, y) && electionWindowEnd(dayRule, y) >= today) {
      year = y;
      break;
    }
  }
  const common = {
    basis: schedule.basis,
    confidence: schedule.confidence,
    sourceUrls: base.sourceUrls,
  };
  if (year === undefined) {
    const reason = 'No regular election year was found on this cycle.';
    return { kind: 'varies', reason, ...common, caveats: [...schedule.caveats, ...base.caveats] };
  }
  const caveats = [...cycleCaveats(schedule, year, today, dayRule), ...schedule.caveats, ...base.caveats];
  const date = electionDate(dayRule, year);
  if (date) return { kind: 'scheduled', date, year, ...common, caveats };
  return {
    kind: 'year_only',
    year,
    ...common,
    caveats: [`The rule fixes no single day (${schedule.dayRuleText}); check the election office's calendar for ${year}.`, ...caveats],
  };
}

/** Caveats about the years between the last and the next election: a changed cycle, or elections assumed held. */
function cycleCaveats(schedule: Schedule, next: number, today: string, dayRule: ReturnType<typeof parseElectionDayRule>): string[] {
  const caveats: string[] = [];
  let previous: number | undefined;
  for (let y = next - 1; y >= next - SEARCH_YEARS; y--) {
    if (isCycleYear(schedule.cycle, y)) {
      previous = y;
      break;
    }
  }
  if (previous !== undefined && next - previous !== schedule.cycle.step) {
    caveats.push(`The cycle changed: the regular election after ${previous} is in ${next}, not ${previous + schedule.cycle.step}.`);
  }
  const confirmed = schedule.confirmedThrough;
  if (confirmed !== null && previous !== undefined && previous > confirmed && electionWindowEnd(dayRule, previous) < today) {
    caveats.push(`Assumes the ${previous} election was held on schedule; the compiled rules confirm regular elections only through ${confirmed}.`);
  }
  return caveats;
}
