import { STATE_CODES, isStateCode } from '../domain/states.ts';
import type { StateSheriffRule } from '../domain/types.ts';
import { cell, readCsv } from './csv.ts';
import type { Dataset, LoadResult, UnmatchedRow } from './dataset.ts';

const ELECTED = new Set(['yes', 'some', 'no']);
const CONFIDENCE = new Set(['high', 'medium', 'low']);

/** An empty cell → null; a whole number → the number; anything else → undefined (malformed). */
function optionalInt(value: string | undefined): number | null | undefined {
  const text = cell(value);
  if (text === null) return null;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** One CSV record → a rule, or the reason it cannot be one. */
export function parseRuleRow(row: Record<string, string>): StateSheriffRule | string {
  const state = row.state ?? '';
  if (!isStateCode(state)) return `unknown state "${state}"`;
  const elected = row.has_elected_county_sheriffs ?? '';
  if (!ELECTED.has(elected)) return `has_elected_county_sheriffs must be yes, some or no, not "${elected}"`;
  const confidence = row.confidence ?? '';
  if (!CONFIDENCE.has(confidence)) return `confidence must be high, medium or low, not "${confidence}"`;
  const termYears = optionalInt(row.term_years);
  const lastRegularYear = optionalInt(row.last_regular_election_year);
  const nextRegularYear = optionalInt(row.next_regular_election_year);
  if (termYears === undefined || lastRegularYear === undefined || nextRegularYear === undefined) {
    return 'term_years and the election years must be whole numbers or empty';
  }
  if (elected !== 'no' && (termYears === null || lastRegularYear === null)) {
    return 'a state with elected sheriffs needs term_years and last_regular_election_year';
  }
  const sourceUrls = (row.source_url ?? '').split(' | ').map((url) => url.trim()).filter(Boolean);
  return {
    state,
    elected: elected as StateSheriffRule['elected'],
    termYears,
    cycle: row.cycle ?? '',
    lastRegularYear,
    nextRegularYear,
    electionKind: row.election_kind ?? '',
    electionDayRule: row.usual_election_day_rule ?? '',
    exceptions: row.exceptions ?? '',
    sourceUrls,
    confidence: confidence as StateSheriffRule['confidence'],
  };
}

export const electionRulesDataset: Dataset = {
  key: 'election-rules',
  title: 'Sheriff election rules by state (compiled)',
  version: '2026-11-24',
  file: 'sheriff_election_rules_by_state.csv',
  origin:
    'The project’s own compilation from state constitutions and statutes, state election offices and ' +
    'MIT Election Data + Science Lab (MEDSL) official results; dates derived from it are computed from state law, ' +
    'not an official election calendar',
  load({ store, text }): LoadResult {
    const rows = readCsv(text);
    const unmatched: UnmatchedRow[] = [];
    const notes: string[] = [];
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const rule = parseRuleRow(row);
      if (typeof rule === 'string') {
        unmatched.push({ row: index + 2, text: Object.values(row).join(','), reason: rule });
        return;
      }
      if (seen.has(rule.state)) notes.push(`${rule.state} appears more than once; the later row wins.`);
      seen.add(rule.state);
      store.rules.upsert(rule);
    });
    const missing = STATE_CODES.filter((code) => !seen.has(code));
    if (missing.length) notes.push(`No rule for ${missing.join(', ')}.`);
    return { rowsRead: rows.length, rowsMatched: rows.length - unmatched.length, unmatched, notes };
  },
};
