/** Maps a printed county or city name to its jurisdiction: by state + matchKey, plus a few explicit aliases. */
import { matchKey, normalizeName, splitKindWord } from '../domain/names.ts';
import type { StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Store } from '../store/index.ts';

export type PlaceMatch = { jurisdiction: Jurisdiction; note?: string } | { reason: string };

interface Alias {
  fips: string;
  note: string;
}

/**
 * Printed place names that do not match by rule, each checked by hand against SOURCES.md or
 * the state's own county list. Keyed by state and normalized printed name. No fuzzy matching:
 * anything not listed here or matched exactly is reported as unmatched.
 */
const ALIASES: Record<string, Alias> = {
  // Documented source typo (SOURCES.md, ga_sheriffs_gsa): "Mcduffle" is McDuffie County.
  'GA|mcduffle': { fips: '13189', note: 'GSA prints "Mcduffle" (typo for McDuffie County)' },
  // VSA lists one sheriff for a county and the independent city inside it. The office is
  // recorded on the county; the city gets no sheriff's office of its own from this row.
  'VA|alleghany county covington': {
    fips: '51005',
    note: 'VSA lists one sheriff for Alleghany County and Covington city; recorded on Alleghany County',
  },
  'VA|york county poquoson': {
    fips: '51199',
    note: 'VSA lists one sheriff for York County and Poquoson city; recorded on York County',
  },
  'VA|williamsburg james': {
    fips: '51095',
    note: 'VSA "Williamsburg-James" is the Williamsburg-James City County sheriff; recorded on James City County',
  },
  // The ICE sheet (and so the signer list) says "Hopewell County Sheriff's Office"; Virginia has
  // no Hopewell County, and the name given is the VSA's sheriff of Hopewell (independent city).
  'VA|hopewell county': {
    fips: '51670',
    note: 'listed as "Hopewell County"; Virginia has only Hopewell city, whose sheriff the VSA lists under that name',
  },
};

/** The kinds a printed kind word (or its absence) allows. */
function allowedKinds(kindWord: string | undefined, bareName: 'county' | 'independent_city'): (kind: string) => boolean {
  if (kindWord === 'city') return (kind) => kind === 'independent_city' || kind === 'consolidated_city_county';
  if (kindWord === undefined && bareName === 'independent_city') return (kind) => kind === 'independent_city';
  return (kind) => kind !== 'independent_city';
}

/**
 * The jurisdiction a printed place names in `state`. 'Fairfax County' and 'Fairfax' (a city in
 * the VSA file) share a key; the kind word, or the file's meaning of a bare name, decides.
 */
export function matchPlace(
  store: Store,
  state: StateCode,
  printed: string,
  bareName: 'county' | 'independent_city',
): PlaceMatch {
  const alias = ALIASES[`${state}|${normalizeName(printed)}`];
  if (alias) {
    const jurisdiction = store.jurisdictions.byFips(alias.fips);
    return jurisdiction ? { jurisdiction, note: alias.note } : { reason: `alias target ${alias.fips} is not loaded` };
  }
  const key = matchKey(printed);
  if (!key) return { reason: 'no county name' };
  const { kindWord } = splitKindWord(printed);
  const candidates = store.jurisdictions.byKey(key, state);
  const fitting = candidates.filter((j) => allowedKinds(kindWord, bareName)(j.kind));
  if (fitting.length === 1) return { jurisdiction: fitting[0]! };
  if (fitting.length > 1) {
    return { reason: `"${printed}" fits several places in ${state}: ${fitting.map((j) => j.name).join(', ')}` };
  }
  if (candidates.length > 0) {
    return { reason: `"${printed}" names no such ${kindWord ?? bareName.replace('_', ' ')} in ${state} (only ${candidates.map((j) => j.name).join(', ')})` };
  }
  return { reason: `no county or city named "${printed}" in ${state}` };
}
