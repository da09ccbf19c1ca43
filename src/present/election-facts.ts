import { en } from '../i18n/en.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import { date, link, text, type Rich } from '../reply.ts';
import { richMessage } from './format.ts';
import type { NextElectionView } from '../queries/election-facts.ts';
import type { NextElection } from '../domain/elections.ts';
import type { RecordedElection } from '../store/recorded-elections.ts';

/** One line: the date (or year, or why there is none). */
export function electionHeadline(next: NextElectionView, language: Language = 'en'): Rich {
  if (next.recorded) {
    return [
      text(t(language, 'election.next.recorded'), 'bold'),
      date(next.recorded.date),
      text(t(language, 'election.next.recorded.kind', { kind: electionKind(next.recorded.kind, language) })),
    ];
  }
  switch (next.kind) {
    case 'scheduled':
      return [text(t(language, 'election.next'), 'bold'), date(next.date)];
    case 'year_only':
      return [text(t(language, 'election.next'), 'bold'), text(t(language, 'election.next.year', { year: next.year }))];
    case 'varies':
      return [text(t(language, 'election.next'), 'bold'), text(t(language, 'election.next.varies', { reason: next.reason }))];
    case 'not_elected':
      return [text(t(language, 'election.not-elected'), 'bold'), text(next.reason)];
  }
}

/** 'primary', 'general'… in the language. */
export function electionKind(kind: string, language: Language): string {
  const key = `election-kind.${kind}`;
  return Object.hasOwn(en, key) ? t(language, key as MessageKey) : kind;
}

/** 'high', 'medium', 'low' in the language. */
export function confidenceLabel(confidence: string, language: Language): string {
  const key = `confidence.${confidence}`;
  return Object.hasOwn(en, key) ? t(language, key as MessageKey) : confidence;
}

/** The basis, confidence, caveats and sources of a computed election (or the recorded one that wins). */
export function electionDetails(next: NextElectionView, language: Language = 'en'): Rich[] {
  if (next.recorded) return recordedDetails(next.recorded, next, language);
  const lines: Rich[] = [];
  if (next.kind !== 'not_elected') {
    lines.push([text(t(language, 'election.computed'), 'italic'), text(t(language, 'election.confidence', { confidence: confidenceLabel(next.confidence, language) }))]);
  }
  if (next.basis) lines.push([text(t(language, 'election.rule', { basis: next.basis }))]);
  for (const caveat of next.caveats) lines.push([text(caveat)]);
  if (next.sourceUrls.length > 0) {
    lines.push([
      text(t(language, 'format.sources')),
      ...next.sourceUrls.flatMap((url, i) => [...(i > 0 ? [text(' · ')] : []), link(hostOf(url), url)]),
    ]);
  }
  return lines;
}

function recordedDetails(e: RecordedElection, computed: NextElection, language: Language): Rich[] {
  const lines: Rich[] = [
    [text(t(language, 'election.source')), link(e.sourceTitle, e.sourceUrl), text(t(language, 'election.recorded-at', { date: e.updatedAt.slice(0, 10), id: e.id }))],
  ];
  if (e.registrationDeadline) lines.push([text(t(language, 'election.registration')), date(e.registrationDeadline)]);
  if (e.note) lines.push([text(e.note)]);
  if (computed.kind === 'scheduled' && computed.date !== e.date) {
    lines.push([...richMessage(language, 'election.state-law', { date: date(computed.date) }), text(t(language, 'election.replaced'), 'italic')]);
  }
  return lines;
}

/** One line per recorded election: '2026-03-03 (Tue) — primary · registration deadline … · source'. */
export function recordedLine(e: RecordedElection, language: Language = 'en'): Rich {
  const line: Rich = [date(e.date), text(t(language, 'election.line', { kind: electionKind(e.kind, language), id: e.id }))];
  if (e.registrationDeadline) line.push(text(t(language, 'election.register-by')), date(e.registrationDeadline));
  if (e.note) line.push(text(` · ${e.note}`));
  line.push(text(' · '), link(e.sourceTitle, e.sourceUrl));
  return line;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
