import type { ElectionException } from '../domain/election-exceptions.ts';
import { compactKey, splitKindWord } from '../domain/names.ts';
import { isStateCode } from '../domain/states.ts';
import type { JurisdictionKind, Selection } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { cell, readCsv } from './csv.ts';
import type { Dataset, LoadResult, UnmatchedRow } from './dataset.ts';

const KINDS = new Set<ElectionException['kind']>(['not_elected', 'cycle', 'note']);
const SELECTIONS = new Set<Selection>(['elected', 'appointed', 'none', 'unknown']);
const CERTAINTIES = new Set<ElectionException['certainty']>(['stated', 'inferred', 'guess']);
const JURISDICTION_KINDS = new Set<JurisdictionKind>([
  'county', 'parish', 'borough', 'census_area', 'municipality', 'independent_city', 'consolidated_city_county', 'district',
]);

function nameKey(text: string): string {
  return compactKey(splitKindWord(text).key);
}

/** One CSV record → an exception, or the reason it cannot be one. Does not look at the store. */
export function parseExceptionRow(row: Record<string, string>): ElectionException | string {
  const state = row.state ?? '';
  if (!isStateCode(state)) return `unknown state "${state}"`;
  const fips = cell(row.fips);
  const appliesToKind = cell(row.applies_to_kind);
  if ((fips === null) === (appliesToKind === null)) return 'exactly one of fips and applies_to_kind must be filled';
  if (fips !== null && !/^\d{5}$/.test(fips)) return `fips must be 5 digits, not "${fips}"`;
  if (appliesToKind !== null && !JURISDICTION_KINDS.has(appliesToKind as JurisdictionKind)) {
    return `applies_to_kind "${appliesToKind}" is not a jurisdiction kind`;
  }
  const kind = row.kind as ElectionException['kind'];
  if (!KINDS.has(kind)) return `kind must be not_elected, cycle or note, not "${row.kind}"`;
  const selection = row.selection as Selection;
  if (!SELECTIONS.has(selection)) return `selection must be elected, appointed, none or unknown, not "${row.selection}"`;
  const certainty = row.certainty as ElectionException['certainty'];
  if (!CERTAINTIES.has(certainty)) return `certainty must be stated, inferred or guess, not "${row.certainty}"`;
  const termText = cell(row.term_years);
  if (termText !== null && !/^[1-9]\d*$/.test(termText)) return `term_years must be a whole number, not "${termText}"`;
  const yearsText = cell(row.cycle_years);
  if (yearsText !== null && !/^\d{4}(?:\/\d{4})*$/.test(yearsText)) return `cycle_years must look like 2024/2028, not "${yearsText}"`;
  const cycleYears = yearsText ? yearsText.split('/').map(Number) : [];
  const name = cell(row.county);
  const detail = cell(row.detail);
  const basis = cell(row.basis);
  if (!name || !detail || !basis) return 'county, detail and basis must be filled';
  if (kind === 'not_elected' && selection === 'elected') return 'a not_elected row cannot have selection "elected"';
  if (kind !== 'not_elected' && selection !== 'elected') return `a ${kind} row is about an elected sheriff; use kind not_elected`;
  if (kind === 'cycle' && !cycleYears.length && !cell(row.election_day_rule)) return 'a cycle row needs cycle_years or election_day_rule';
  return {
    state,
    fips,
    appliesToKind: appliesToKind as JurisdictionKind | null,
    name,
    kind,
    selection,
    termYears: termText === null ? null : Number(termText),
    cycleYears,
    electionDayRule: cell(row.election_day_rule),
    detail,
    basis,
    certainty,
  };
}

/** Why a county row does not fit the county list, or null when it does. */
function checkAgainstCounties(store: Store, e: ElectionException): string | null {
  if (e.fips === null) return null;
  const jurisdiction = store.jurisdictions.byFips(e.fips);
  if (!jurisdiction) return `FIPS ${e.fips} is not in the county list`;
  if (jurisdiction.state !== e.state) return `FIPS ${e.fips} is in ${jurisdiction.state}, not ${e.state}`;
  // 'Butte-Silver Bow' is 'Silver Bow County' in the Census list: either key may contain the other.
  const ours = nameKey(e.name);
  const theirs = nameKey(jurisdiction.name);
  if (!ours.includes(theirs) && !theirs.includes(ours)) return `FIPS ${e.fips} is ${jurisdiction.name}, not ${e.name}`;
  return null;
}

export const electionExceptionsDataset: Dataset = {
  key: 'election-exceptions',
  title: 'County exceptions to the sheriff election rules (compiled)',
  version: '2026-11-24',
  file: 'sheriff_election_exceptions.csv',
  origin:
    'The project’s own compilation of the county exceptions named in the exceptions and cycle columns of ' +
    'sheriff_election_rules_by_state.csv (state law, election offices, MEDSL results); see data/sheriff_election_exceptions.md',
  load({ store, text }): LoadResult {
    const rows = readCsv(text);
    const unmatched: UnmatchedRow[] = [];
    const notes: string[] = [];
    const accepted: ElectionException[] = [];
    const keys = new Set<string>();
    rows.forEach((row, index) => {
      const reject = (reason: string): void => {
        unmatched.push({ row: index + 2, text: Object.values(row).join(','), reason });
      };
      const parsed = parseExceptionRow(row);
      if (typeof parsed === 'string') return reject(parsed);
      const problem = checkAgainstCounties(store, parsed);
      if (problem) return reject(problem);
      const key = parsed.fips ?? `${parsed.state}:${parsed.appliesToKind}`;
      if (keys.has(key)) return reject(`a second row for ${key}`);
      keys.add(key);
      accepted.push(parsed);
    });
    store.electionExceptions.replaceAll(accepted);
    const guessed = accepted.filter((e) => e.certainty !== 'stated').length;
    if (guessed) notes.push(`${guessed} of ${accepted.length} rows are inferred or guessed in the compiled rules.`);
    return { rowsRead: rows.length, rowsMatched: accepted.length, unmatched, notes };
  },
};
