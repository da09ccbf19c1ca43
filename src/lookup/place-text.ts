/**
 * Turns what people type for a place ("Autauga County Alabama", "Fairfax, VA", "City of
 * Fairfax", "sheriff of Travis Co.") into readings a lookup can try in order. Pure: no store.
 */
import { compactKey, normalizeName, splitKindWord } from '../domain/names.ts';
import { parseState, type StateCode } from '../domain/states.ts';

/** Longer county text cannot be a place (the longest county name is ~40 characters). */
export const MAX_PLACE_TEXT = 200;

/** A question around the place, in English or Spanish: "who is the sheriff of …", "¿quién es el sheriff del …". */
const QUESTION_LEAD = /^(?:(?:who|what|whos|which)(?: is| s| are)?|(?:quien|cual|quienes|cuales)(?: es| son)?|(?:tell me|dime)(?: about| sobre)?) /;
const SHERIFF_LEAD =
  /^(?:the |el |la |los )?(?:sheriffs?|alguacil(?:es)?)(?: (?:office|department|dept))?(?: (?:of|for|in|de|del|en|para))?(?: the| el| la)?(?: |$)/;
const SHERIFF_TRAIL = /(?:^| )(?:sheriffs?|alguacil)(?: (?:office|department|dept))?$/;
/** A place word left at the start once the sheriff is gone: "for Austin TX". */
const PREPOSITION_LEAD = /^(?:for|of|in|en|para) (?=\S)/;
/** Spanish names the kind first: "condado de Harris" is Harris County. */
const SPANISH_KIND = /^(?:(?:el|la) )?(condado|parroquia|municipio|distrito)(?: (?:de|del))? (?=\S)/;
const SPANISH_KINDS: Record<string, string> = { condado: 'county', parroquia: 'parish', municipio: 'municipality', distrito: 'district' };
const COUNTRY = /^(?:usa?|united states(?: of america)?|america)$/;
const KIND_PREFIX = /^(city|county|parish|borough) of (?=\S)/;
/** A comma tail that belongs to the name, not a state: "Fairfax, city". */
const KIND_TAIL = /^(?:county|co|city|parish|borough|census area|municipality|city and borough)$/;

/** Normalized words: accents, apostrophes, punctuation, digits and "sheriff" filler removed. */
export function cleanPlaceText(text: string): string {
  return withoutSheriff(plainWords(text));
}

function plainWords(text: string): string {
  return normalizeName(text.replace(/&/g, ' and '))
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function withoutSheriff(words: string): string {
  const bare = words.replace(QUESTION_LEAD, '').replace(SHERIFF_LEAD, '').replace(SHERIFF_TRAIL, '').replace(PREPOSITION_LEAD, '').trim();
  const spanish = SPANISH_KIND.exec(bare);
  return spanish ? `${bare.slice(spanish[0].length)} ${SPANISH_KINDS[spanish[1]!]}`.trim() : bare;
}

/** A state in any form people type ("tx", "Texas", "D.C.", " new  mexico "). */
export function parseStateText(text: string): StateCode | undefined {
  return parseState(text) ?? parseState(cleanPlaceText(text));
}

/** One way to read the text: these county words, in this state (if the text named one). */
export interface Reading {
  words: string;
  state: StateCode | undefined;
}

export interface ParsedPlace {
  /** The whole text, cleaned, read as a county name. */
  whole: string;
  /** Readings that split a state off the text; the comma form first, then 1, 2, 3 trailing words. */
  splits: Reading[];
  /** The original text after the last comma, when it is neither a state nor a kind word. */
  badTail: string | undefined;
  /** Set when the whole text is just a state ("Connecticut", "sheriff TX"). */
  onlyState: StateCode | undefined;
  /** The text said "sheriff(s)": "Texas sheriffs" asks about the state, not Texas County. */
  saysSheriff: boolean;
}

export function parsePlaceText(text: string): ParsedPlace {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  while (parts.length > 1 && COUNTRY.test(cleanPlaceText(parts.at(-1)!))) parts.pop();
  const plain = plainWords(parts.join(' '));
  const whole = withoutSheriff(plain);
  const splits: Reading[] = [];
  let badTail: string | undefined;
  if (parts.length > 1) {
    const tail = parts.at(-1)!;
    const head = cleanPlaceText(parts.slice(0, -1).join(' '));
    const state = parseStateText(tail);
    if (state && head) splits.push({ words: head, state });
    else if (!state && !KIND_TAIL.test(cleanPlaceText(tail))) badTail = tail;
  }
  if (splits.length === 0) splits.push(...trailingStateSplits(whole));
  return { whole, splits, badTail, onlyState: parseState(whole), saysSheriff: whole !== plain };
}

/** "dona ana new mexico" → [{ 'dona ana', NM }]; never leaves the county words empty. */
function trailingStateSplits(words: string): Reading[] {
  const list = words.split(' ');
  const splits: Reading[] = [];
  for (let n = 1; n <= 3 && n < list.length; n++) {
    const state = parseState(list.slice(-n).join(' '));
    if (state) splits.push({ words: list.slice(0, -n).join(' '), state });
  }
  return splits;
}

/** The lookup keys of county words. */
export interface NameKeys {
  /** matchKey form: kind word dropped ('stlouis'). */
  base: string;
  /** Compact words with the kind word kept ('jamescity'), to catch names that end in "City". */
  full: string;
  kindWord: string | undefined;
}

/**
 * 'city of fairfax' → { base: 'fairfax', full: 'fairfaxcity', kindWord: 'city' }. With
 * `coAsCounty`, a trailing "co" is read as "county" (and words without one give undefined).
 */
export function nameKeys(words: string, coAsCounty = false): NameKeys | undefined {
  let text = words;
  let prefixKind: string | undefined;
  const prefix = KIND_PREFIX.exec(text);
  if (prefix) {
    prefixKind = prefix[1];
    text = text.slice(prefix[0].length);
  }
  if (coAsCounty) {
    if (!text.endsWith(' co')) return undefined;
    text = `${text.slice(0, -3)} county`;
  }
  const { key, kindWord } = splitKindWord(text);
  if (!key) return undefined;
  const kind = kindWord ?? prefixKind;
  const full = compactKey(kind && !kindWord ? `${key} ${kind}` : text);
  return { base: compactKey(key), full, kindWord: kind };
}
