/**
 * Name normalization shared by lookup and every importer, so that 'Doña Ana', 'DONA ANA',
 * 'Prince Georges', 'Saint Louis' and 'St. Louis' meet on one key.
 */

const KIND_WORDS = [
  'city and borough',
  'census area',
  'municipality',
  'borough',
  'parish',
  'county',
] as const;

/** Lower-case, strip accents, apostrophes and periods, 'saint' → 'st', collapse spaces. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[.,]/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bsainte\b/g, 'ste')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SplitName {
  /** Normalized base name without a trailing kind word. */
  key: string;
  /** The kind word the text ended with, if any ('county', 'parish', 'city', …). */
  kindWord: string | undefined;
}

/** Splits 'St. Louis city' → { key: 'st louis', kindWord: 'city' }. */
export function splitKindWord(text: string): SplitName {
  const normalized = normalizeName(text);
  for (const word of [...KIND_WORDS, 'city']) {
    if (normalized.endsWith(` ${word}`)) {
      return { key: normalized.slice(0, -word.length - 1).trim(), kindWord: word };
    }
  }
  return { key: normalized, kindWord: undefined };
}

/**
 * The lookup key of a jurisdiction or agency-county name: normalized, kind word removed,
 * spaces dropped so that 'De Kalb' and 'DeKalb' meet.
 */
export function matchKey(text: string): string {
  return compactKey(splitKindWord(text).key);
}

/** A normalized name without spaces. */
export function compactKey(normalized: string): string {
  return normalized.replace(/ /g, '');
}
