/**
 * Display form of a person's name as a source printed it. Sources such as MEDSL and some
 * sheriffs' associations print names in capitals ('DANIEL GUIDA'). Those are shown in normal
 * case only where the casing follows from a rule; wherever the right capitals cannot be known
 * ('MCDANIEL' → McDaniel or Mcdaniel? 'DJ' → DJ or Dj?) the name is shown as printed, since a
 * wrongly cased name is a small invented fact.
 */

/** Generational suffixes and how they are written. */
const SUFFIXES: Record<string, string> = { JR: 'Jr.', SR: 'Sr.', II: 'II', III: 'III', IV: 'IV' };

/** Particles whose case varies by family ('De La Cruz', 'de la Cruz', 'Van Voorst', 'van Voorst'). */
const PARTICLES = new Set(['DA', 'DE', 'DEL', 'DELA', 'DELLA', 'DEN', 'DER', 'DI', 'DU', 'LA', 'LE', 'ST', 'STE', 'TEN', 'TER', 'VAN', 'VANDER', 'VON']);

/**
 * Prefixes glued to a name whose inner capital varies by family: McDaniel / Mcdaniel,
 * MacLeod / Macleod, DeGeorge / Degeorge, LaRue / Larue, LeRoy / Leroy, VanDyke / Vandyke,
 * DuBois / Dubois, DiNapoli / Dinapoli. De/La/Le/Di/Du/Van/Von count only before three or more
 * letters, so DEAN, LANE and VANCE are safe; DENNIS and LARRY are still held back. That is the
 * price of never guessing.
 */
const AMBIGUOUS_PREFIX = /^(MC\p{Lu}|MAC\p{Lu}{2}|(DE|DI|DU|LA|LE|VAN|VON)\p{Lu}{3})/u;

const VOWEL = /[AEIOUYÀ-ÖØ-Ý]/u;
/** 'J', 'J.', 'B.J', 'K.C.': letters each followed by a period (the last one optional). */
const INITIALS = /^\p{Lu}(\.\p{Lu})*\.?$/u;
const ROMAN = /^(II|III|IV)$/;

/** True when the text has letters and none of them is lower-case. */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/**
 * 'DANIEL GUIDA' → 'Daniel Guida'; 'JAMES A. GULLEY, JR.' → 'James A. Gulley, Jr.';
 * 'DAVID MCDANIEL' → 'DAVID MCDANIEL' (ambiguous, kept); 'Chad D. Scott' → unchanged.
 * Leading and trailing spaces are trimmed; nothing else changes unless every token is safe.
 */
export function displayPersonName(printed: string): string {
  const text = printed.trim();
  if (!isAllCaps(text)) return text;
  // Quotes and brackets hold nicknames or notes whose casing we cannot know.
  if (/["“”'‘’`()[\]]/.test(text)) return text;
  const tokens = text.split(/\s+/);
  const shown: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const word = displayToken(token, index, index === tokens.length - 1);
    if (word === undefined) return text;
    shown.push(word);
  }
  return shown.join(' ');
}

/** One space-separated token in display case, or undefined when its casing is ambiguous. */
function displayToken(token: string, index: number, last: boolean): string | undefined {
  const comma = token.endsWith(',') ? ',' : '';
  const bare = comma ? token.slice(0, -1) : token;
  if (bare === '') return undefined;
  if (INITIALS.test(bare)) return token;
  const suffix = SUFFIXES[bare.replace(/\.$/, '')];
  if (suffix && index > 0 && (last || comma)) return suffix + comma;
  if (ROMAN.test(bare)) return undefined; // a numeral in the middle of a name: unclear
  const parts = bare.split('-');
  const cased: string[] = [];
  for (const part of parts) {
    const word = displayWord(part, index);
    if (word === undefined) return undefined;
    cased.push(word);
  }
  return cased.join('-') + comma;
}

/** A plain word ('GUIDA' → 'Guida'), or undefined when it could be cased more than one way. */
function displayWord(word: string, index: number): string | undefined {
  if (!/^\p{Lu}+\.?$/u.test(word)) return undefined; // digits, stray punctuation
  const letters = word.replace(/\.$/, '');
  if (letters.length > 1 && !VOWEL.test(letters)) return undefined; // 'DJ', 'TJ', 'VP': initials?
  if (index > 0 && PARTICLES.has(letters)) return undefined;
  if (AMBIGUOUS_PREFIX.test(letters)) return undefined;
  return letters.charAt(0) + letters.slice(1).toLocaleLowerCase('en-US') + (word.endsWith('.') ? '.' : '');
}
