import type { Source } from '../domain/types.ts';
import { t, type Language } from '../i18n/index.ts';
import type { SheriffRecord } from '../queries/sheriff-record.ts';
import type { TopicVerdict } from '../queries/verdicts.ts';
import { placeName } from './format.ts';

/** Spoken scripts stay under this many words (a call is short). */
export const MAX_SCRIPT_WORDS = 150;

export interface CallScript {
  /** Paragraphs to say, in order. */
  paragraphs: string[];
  /** The sources cited as [n] in the paragraphs. */
  sources: Source[];
  words: number;
}

function sameSource(a: Source, b: Source): boolean {
  return a.title === b.title && a.url === b.url && a.date === b.date;
}

/** The 1-based reference number of a source, adding it once. */
export function sourceRef(sources: Source[], source: Source): number {
  const index = sources.findIndex((s) => sameSource(s, source));
  if (index >= 0) return index + 1;
  sources.push(source);
  return sources.length;
}

export function wordCount(text: string): number {
  return text.replace(/\[\d+\]/g, ' ').split(/\s+/).filter(Boolean).length;
}

/**
 * The call script: the caller's own words first, then one claim and ask per known fact
 * (each with its source), then questions for unknown topics, then the universal asks —
 * all under MAX_SCRIPT_WORDS. Unknown topics are questions, never claims.
 */
export function buildCallScript(record: SheriffRecord, verdicts: TopicVerdict[], language: Language): CallScript {
  const place = placeName(record.jurisdiction);
  // Address the sheriff by name only when the name is not older than the last election.
  const opening = record.holder && !record.holderMayHaveChanged
    ? t(language, 'call.opening.named', { place, sheriff: record.holder.name })
    : t(language, 'call.opening.unnamed', { place });
  const closing = t(language, 'call.closing');
  const keep = t(language, 'rubric.keep.ask');
  const sources: Source[] = [];
  const paragraphs = [opening];
  let words = wordCount(`${opening} ${closing}`);
  const add = (paragraph: string): boolean => {
    const more = wordCount(paragraph);
    if (words + more >= MAX_SCRIPT_WORDS) return false;
    paragraphs.push(paragraph);
    words += more;
    return true;
  };
  // Facts that call for a change come first; policies to keep are stated without an ask
  // (the closing already asks for the policy in writing); questions fill what room is left.
  const facts = verdicts.filter((v) => v.known && v.source);
  const ordered = [...facts.filter((v) => v.ask !== keep), ...facts.filter((v) => v.ask === keep)];
  const asked = new Set<string>();
  for (const verdict of ordered) {
    const cited = sources.findIndex((s) => sameSource(s, verdict.source!));
    const ref = cited >= 0 ? cited + 1 : sources.length + 1;
    const ask = verdict.ask && verdict.ask !== keep && !asked.has(verdict.ask) ? verdict.ask : undefined;
    const claim = ask ? t(language, 'call.claim', { verdict: verdict.verdict, ref, ask }) : `${verdict.verdict} [${ref}]`;
    if (!add(claim)) continue;
    if (cited < 0) sources.push(verdict.source!);
    if (ask) asked.add(ask);
  }
  for (const verdict of verdicts.filter((v) => !v.known && v.question)) add(verdict.question!);
  paragraphs.push(closing);
  return { paragraphs, sources, words: wordCount(paragraphs.join(' ')) };
}
