/**
 * Reading ICE's 287(g) participating-agencies sheet: which rows are sheriff's offices, what
 * kind every other agency is, and which county or county-equivalent an agency's text names.
 */
import { distance } from 'fastest-levenshtein';
import { matchKey, normalizeName, splitKindWord } from '../domain/names.ts';
import type { Jurisdiction, OfficeKind } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { note, type Note } from './dataset.ts';

/** One CSV row as converted from ICE's sheet (see data/SOURCES.md). */
export interface IceRow {
  state: string;
  agency: string;
  type: string;
  county: string;
  support_type: string;
  signed: string;
  moa_cell: string;
  moa_url: string;
  addendum_cell: string;
  addendum_url: string;
}

/** ICE's empty COUNTY cell: '#N/A' on most rows, '#NA' or 'N/A' on some. */
export function countyCell(cell: string | undefined): string | null {
  const text = cell?.trim() ?? '';
  if (!text || /^#?N\/?A$/i.test(text)) return null;
  // ICE's own typo on two rows ('Lake Conty', 'Guadalupe Conty').
  return text.replace(/\bConty$/i, 'County');
}

/** 'Autauga County Sheriff's Office', 'Jacksonville Sheriff’s Office', 'X County Sheriffs Office'. */
export function isSheriffAgency(agency: string): boolean {
  return /\bsheriff/i.test(agency);
}

/**
 * The kind of an agency that is not a sheriff's office. ICE's TYPE says which government runs it
 * ('State Agency', 'County', 'Municipality'); county- and city-run agencies are sorted by what their
 * name says they are: jails and corrections departments, police (incl. public-safety departments
 * and marshals), and everything else (constables, prosecutors, boards, universities).
 */
export function agencyKind(agency: string, type: string): Exclude<OfficeKind, 'sheriff'> {
  if (/^state agency$/i.test(type.trim())) return 'state';
  if (/correction|detention|\bjail\b|\bprison\b/i.test(agency)) return 'corrections';
  if (/\bpolice\b|public safety|marshal/i.test(agency)) return 'police';
  return 'other';
}

/** The place named by a sheriff's office's own name: 'Autauga County Sheriff's Office' → 'Autauga County'. */
export function placeInSheriffName(agency: string): string | null {
  const place = agency
    .replace(/\s*sheriff.*$/i, '')
    .replace(/^metropolitan\s+/i, '')
    .trim();
  if (!place) return null;
  // Virginia: 'City of Hopewell' → 'Hopewell city'.
  const cityOf = /^city of\s+(.+)$/i.exec(place);
  return cityOf ? `${cityOf[1]} city` : place;
}

/** A jurisdiction (with a note when it was a guess), or why there is none; notes and reasons are catalog messages. */
export type Resolution =
  | { jurisdiction: Jurisdiction; note?: Note }
  | { jurisdiction?: undefined; reason: Note };

/**
 * The one jurisdiction in the state that a county text names. The kind word decides between
 * namesakes (Richmond County vs Richmond city, VA); a kind word that fits no candidate is
 * accepted only when the name has exactly one jurisdiction in the state ('Hopewell County' →
 * Hopewell city, VA; 'Saint Landry County' → St. Landry Parish, LA), and the caller is told.
 */
export function resolveJurisdiction(store: Store, state: string, text: string): Resolution {
  const key = matchKey(text);
  if (!key) return { reason: note('import.place.no-name', { text }) };
  const candidates = store.jurisdictions.byKey(key, state);
  if (candidates.length === 0) return { reason: note('import.place.no-county', { text, state }) };
  const kindWord = splitKindWord(text).kindWord;
  if (kindWord) {
    const sameKind = candidates.filter((j) => splitKindWord(j.name).kindWord === kindWord);
    if (sameKind.length === 1) return { jurisdiction: sameKind[0]! };
  }
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const exact = !kindWord || normalizeName(only.name) === normalizeName(text);
    return exact ? { jurisdiction: only } : { jurisdiction: only, note: note('import.place.taken-as', { text, name: only.name }) };
  }
  return { reason: note('import.place.ambiguous', { text, state, names: candidates.map((j) => j.name).join(', ') }) };
}

/**
 * A sheriff's office's jurisdiction, from ICE's COUNTY cell and from the office's own name.
 * When both name a jurisdiction they must agree; when one does not resolve (ICE typos such as
 * 'Frankin County', 'German Coast County') the other decides and the caller is told.
 */
export function resolveSheriff(store: Store, state: string, row: IceRow): Resolution {
  const county = countyCell(row.county);
  const place = placeInSheriffName(row.agency);
  const fromCounty = county ? resolveJurisdiction(store, state, county) : undefined;
  const fromName = place ? resolveJurisdiction(store, state, place) : undefined;
  const a = fromCounty?.jurisdiction;
  const b = fromName?.jurisdiction;
  if (a && b && a.fips !== b.fips) {
    return { reason: note('import.place.conflict', { county: county!, countyName: a.name, agencyName: b.name }) };
  }
  if (a) return fromCounty!;
  if (b) {
    const why = county ? note('import.place.by-name', { county, name: b.name }) : note('import.place.by-name.no-county', { name: b.name });
    return { jurisdiction: b, note: why };
  }
  const texts = [...new Set([county, place].filter((t): t is string => !!t))];
  for (const text of texts) {
    const near = nearlyNamed(store, state, text);
    if (near) return near;
  }
  const reasons = [fromCounty, fromName].flatMap((r) => (r && !r.jurisdiction ? [r.reason] : []));
  // The same reason from both texts is said once.
  const distinct = [...new Map(reasons.map((r) => [JSON.stringify(r), r])).values()];
  if (!distinct.length) return { reason: note('import.place.none') };
  return { reason: distinct.length === 1 ? distinct[0]! : note('import.place.reasons', { reasons: distinct }) };
}

/**
 * The one jurisdiction in the state whose key is a single letter away from the text's
 * ('Berrian County' → Berrien County, MI; 'Flager County' → Flagler County, FL). Last resort
 * for ICE's misspellings, always reported; short names, where one letter is too much of the
 * name, are left alone.
 */
export function nearlyNamed(store: Store, state: string, text: string): Resolution | undefined {
  const key = matchKey(text);
  if (key.length < 5) return undefined;
  const near = store.jurisdictions.inState(state).filter((j) => distance(j.matchKey, key) === 1);
  if (near.length !== 1) return undefined;
  return { jurisdiction: near[0]!, note: note('import.place.one-letter', { text, name: near[0]!.name }) };
}

/**
 * ICE's MOA link. One cell holds a browser-extension viewer URL wrapping the ice.gov address
 * ('chrome-extension://…/https:/www.ice.gov/…'); the ice.gov address is what a reader needs.
 */
export function moaUrl(cell: string): { url: string | null; repaired: boolean } {
  const text = cell.trim();
  if (!text) return { url: null, repaired: false };
  const wrapped = /^chrome-extension:\/\/[^/]+\/(https?):\/+(.+)$/i.exec(text);
  if (wrapped) return { url: `${wrapped[1]!.toLowerCase()}://${wrapped[2]}`, repaired: true };
  return { url: text, repaired: false };
}
