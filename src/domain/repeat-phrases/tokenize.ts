// Cuts a typed repeat into tokens, each with its place in the text (for messages that quote it).
import { LEXICON, MULTI_WORDS, type Word } from './lexicon.ts';
import { RepeatPhraseError } from './errors.ts';

export type Token =
  | (Word & { raw: string; start: number; end: number })
  | { kind: 'clock'; hour: number; minute: number; raw: string; start: number; end: number }
  | { kind: 'ampm'; pm: boolean; raw: string; start: number; end: number }
  | { kind: 'date'; iso: string; raw: string; start: number; end: number };

/** Lowercase without accents, one character for one character, so positions still match the text typed. */
function plain(text: string): string {
  return [...text.toLowerCase()].map((c) => (c === 'º' || c === 'ª' ? c : c.normalize('NFD')[0]!)).join('');
}

/** Tried in order at each position; the first that matches makes the token. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => Omit<Token, 'raw' | 'start' | 'end'> | null][] = [
  [/\d{4}-\d{2}-\d{2}(?![\d])/y, (m) => ({ kind: 'date', iso: m[0] })],
  [/(\d{1,2}):(\d{2})(?!\d)/y, (m) => ({ kind: 'clock', hour: Number(m[1]), minute: Number(m[2]) })],
  [/(\d{1,3})(?:st|nd|rd|th|er|ro|do|to|vo|no|\.?º|\.?°|\.?ª)(?![a-z])/y, (m) => ({ kind: 'ordinal', n: Number(m[1]) })],
  [/\d{1,4}(?!\d)/y, (m) => ({ kind: 'number', n: Number(m[0]) })],
  [/([ap])(?:\.\s?m\.?|m)(?![a-z])/y, (m) => ({ kind: 'ampm', pm: m[1] === 'p' })],
  [/[a-z]+(?:'[a-z]+)?\.?|[,&@-]/y, (m) => LEXICON.get(m[0].replace(/\.$/, '')) ?? null],
];

/** The tokens of a repeat, fillers left out; an unknown word is refused, quoted. */
export function tokenize(text: string): Token[] {
  let lower = plain(text);
  // Joining multi-word phrases keeps positions only roughly; quoting them is rare (they are known words).
  for (const [pattern, joined] of MULTI_WORDS) lower = lower.replace(pattern, (m) => joined.padEnd(m.length, ' '));
  const tokens: Token[] = [];
  let at = 0;
  while (at < lower.length) {
    if (/\s/.test(lower[at]!)) {
      at++;
      continue;
    }
    let matched = false;
    for (const [pattern, make] of PATTERNS) {
      pattern.lastIndex = at;
      const m = pattern.exec(lower);
      if (!m) continue;
      const raw = text.slice(at, at + m[0].length);
      const meaning = make(m);
      if (!meaning) throw new RepeatPhraseError('repeat.word', { word: raw.replace(/\.$/, '') });
      if (meaning.kind !== 'filler') tokens.push({ ...meaning, raw, start: at, end: at + m[0].length } as Token);
      at += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      const word = /\S+/.exec(text.slice(at))![0];
      throw new RepeatPhraseError('repeat.word', { word });
    }
  }
  return tokens;
}
