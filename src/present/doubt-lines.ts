/** The lines a holder's doubt adds to an answer (see queries/holder-doubt.ts). */
import { t, type Language } from '../i18n/index.ts';
import type { HolderDoubt } from '../queries/holder-doubt.ts';
import { date, link, text, type Rich, type Span } from '../reply.ts';
import { richMessage } from './format.ts';

const electionSpan = (doubt: HolderDoubt): Span => (doubt.election.date ? date(doubt.election.date) : text(String(doubt.election.year)));

function monthName(month: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** What to say of the name, then how terms begin (with the law's source) or that the start is unknown. */
export function doubtLines(doubt: HolderDoubt | undefined, language: Language): Rich[] {
  if (!doubt) return [];
  const lines: Rich[] = [];
  const { start } = doubt;
  if (start && doubt.begun === false) {
    lines.push(richMessage(language, 'doubt.until-term', { start: date(start.date), date: electionSpan(doubt) }));
  } else if (doubt.kind === 'predates') {
    lines.push(
      doubt.election.date
        ? richMessage(language, 'sheriff.stale', { date: date(doubt.election.date) })
        : [text(t(language, 'doubt.after-election.year', { year: doubt.election.year }))],
    );
  } else if (start) {
    lines.push(richMessage(language, 'doubt.before-term', { date: electionSpan(doubt), start: date(start.date) }));
  } else {
    lines.push([text(t(language, 'doubt.before-term.unknown', { year: doubt.election.year }))]);
  }
  if (start) {
    const rule = t(language, `term-start.${start.rule.dayRule}`, { month: monthName(start.rule.month, language) });
    lines.push(richMessage(language, 'doubt.term-rule', { source: link(start.rule.sourceTitle, start.rule.sourceUrl) }, { rule }));
  } else if (doubt.kind === 'predates') {
    lines.push([text(t(language, 'doubt.term-unknown'))]);
  }
  return lines;
}
