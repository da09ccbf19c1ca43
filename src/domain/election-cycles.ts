// Election cycles: which years a state's (or county's) regular sheriff elections fall in.
import { stateName } from './states.ts';
import type { StateSheriffRule } from './types.ts';

/** Election years: the known years, filled in and extended both ways by `step`. */
export interface Cycle {
  known: number[];
  step: number;
}

/** True when `year` is a regular election year on the cycle. */
export function isCycleYear(cycle: Cycle, year: number): boolean {
  const { known, step } = cycle;
  const first = known[0]!;
  const last = known.at(-1)!;
  if (year > last) return (year - last) % step === 0;
  if (year < first) return (first - year) % step === 0;
  for (let i = 0; i < known.length - 1; i++) {
    const a = known[i]!;
    const b = known[i + 1]!;
    if (year === a || year === b) return true;
    // A gap that is not a whole number of terms is a cycle change: nothing in between.
    if (year > a && year < b) return (b - a) % step === 0 && (year - a) % step === 0;
  }
  return year === first;
}

/** Four-digit years written in a cycle text outside parentheses ("(1982 + 4n)", "AB 759 (2022)" are skipped). */
export function listedYears(text: string): number[] {
  let stripped = text;
  while (/\([^()]*\)/.test(stripped)) stripped = stripped.replace(/\([^()]*\)/g, ' ');
  return [...stripped.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

const VARIES = /\bvar(?:y|ies)\b|each county on its own|groups of counties/i;

export type CycleReading = { ok: true; cycle: Cycle } | { ok: false; reason: string };

/**
 * The state's own cycle: its last confirmed regular election year plus the years its cycle
 * text lists, stepped by the term length. Years closer together than a term (Virginia's
 * county and city cycles, Pennsylvania's two groups) or a text saying counties vary mean
 * no single state cycle.
 */
export function stateCycle(rule: StateSheriffRule): CycleReading {
  // Read once per rule object (the store keeps one per state) instead of once per county.
  let reading = cycleReadings.get(rule);
  if (!reading) {
    reading = readStateCycle(rule);
    cycleReadings.set(rule, reading);
  }
  return reading;
}

const cycleReadings = new WeakMap<StateSheriffRule, CycleReading>();

function readStateCycle(rule: StateSheriffRule): CycleReading {
  const where = stateName(rule.state);
  if (VARIES.test(rule.cycle)) {
    return { ok: false, reason: `Counties in ${where} hold sheriff elections in different years, and this county's year is not in the compiled rules. State rule: ${rule.cycle}.` };
  }
  if (!rule.termYears || rule.termYears < 1) return { ok: false, reason: `The compiled rules give no term length for ${where}.` };
  const years = new Set(listedYears(rule.cycle));
  if (rule.lastRegularYear) years.add(rule.lastRegularYear);
  const known = [...years].sort((a, b) => a - b);
  if (!known.length) return { ok: false, reason: `The compiled rules give no election year for ${where}.` };
  if (known.some((year, i) => i > 0 && year - known[i - 1]! < rule.termYears!)) {
    return { ok: false, reason: `${where} has more than one sheriff election cycle, and which one this jurisdiction follows is not in the compiled rules. State rule: ${rule.cycle}.` };
  }
  return { ok: true, cycle: { known, step: rule.termYears } };
}
