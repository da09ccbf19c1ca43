/**
 * The state a mistyped or abbreviated state name most likely means ("Texs", "Calif",
 * "Fla."), for a "did you mean" — never used to answer without asking.
 */
import { distance } from 'fastest-levenshtein';
import { STATES, STATE_CODES, type StateCode } from '../domain/states.ts';
import { cleanPlaceText } from './place-text.ts';

/** Customary abbreviations that are not the start of the name. */
const ABBREVIATIONS: Record<string, StateCode> = { fla: 'FL', penna: 'PA', wis: 'WI', wisc: 'WI', nmex: 'NM', ndak: 'ND', sdak: 'SD', wva: 'WV', calif: 'CA' };

const NAMES = STATE_CODES.map((code) => ({ code, key: STATES[code].toLowerCase().replace(/[^a-z]/g, '') }));

export function closestState(text: string): StateCode | undefined {
  const key = cleanPlaceText(text).replace(/ /g, '');
  if (key.length < 3 || key.length > 20) return undefined;
  if (ABBREVIATIONS[key]) return ABBREVIATIONS[key];
  const starts = NAMES.filter((n) => key.length >= 4 && n.key.startsWith(key));
  if (starts.length === 1) return starts[0]!.code;
  const allowed = key.length >= 5 ? 2 : 1;
  const scored = NAMES.map((n) => ({ code: n.code, d: distance(key, n.key) })).filter((n) => n.d <= allowed);
  scored.sort((a, b) => a.d - b.d);
  if (scored.length === 0 || (scored.length > 1 && scored[1]!.d === scored[0]!.d)) return undefined;
  return scored[0]!.code;
}
