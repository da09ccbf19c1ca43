import { changeLines, countsLine } from '../importers/ice-287g-diff.ts';
import type { ListImportReport } from '../importers/ice-287g-import.ts';
import { dateFromText, formatListReport, skippedLine } from '../importers/ice-287g-report.ts';
import type { FetchOutcome } from '../importers/ice-287g-fetch.ts';
import { noteText } from '../importers/dataset.ts';
import { t, type Language } from '../i18n/index.ts';
import { plain, text, type Reply, type Rich, type Section } from '../reply.ts';

/** Lines of each kind shown in chat; the attached report has them all. */
const SHOWN = 10;

/** The chat reply for a list import or preview: counts, the first changes of each kind, the full report attached. */
export function listReportReply(report: ListImportReport, title: string, extra: Rich[] = [], language: Language = 'en'): Reply {
  const skipped = skippedLine(report, language);
  const section = (heading: string, items: string[]): Section[] =>
    items.length
      ? [{ heading: `${heading} (${items.length})`, items: [...items.slice(0, SHOWN), ...(items.length > SHOWN ? [t(language, 'import.more', { n: items.length - SHOWN })] : [])].map((i): Rich => [text(i)]) }]
      : [];
  if (skipped && report.diff && (report.skipReason === 'retires_most' || report.skipReason === 'unplaced_most')) {
    // Stopped by the guard: what it would have ended, the full report attached, nothing applied.
    return {
      status: 'ok',
      title: t(language, 'import.nothing'),
      intro: [[text(skipped)]],
      sections: section(t(language, 'import.ended'), changeLines(report.diff, language).ended),
      notes: extra,
      attachments: [{ filename: `ice-287g-${report.version}-refused.txt`, contentType: 'text/plain; charset=utf-8', content: `${formatListReport(report, language)}\n` }],
    };
  }
  if (skipped || !report.diff) {
    return { status: 'ok', title: t(language, 'import.nothing'), intro: [[text(skipped ?? '')]], sections: [], notes: extra };
  }
  const lines = changeLines(report.diff, language);
  return {
    status: 'ok',
    title,
    intro: [
      [
        text(report.diff.previousVersion ? t(language, 'import.against', { version: report.diff.previousVersion }) : t(language, 'import.against.empty')),
        text(countsLine(report.diff, language), 'bold'),
      ],
      [text(t(language, 'import.rows', { rows: report.rowsRead, format: report.format.toUpperCase(), from: dateFromText(report, language), unmatched: report.unmatched.length }))],
    ],
    sections: [...section(t(language, 'import.added'), lines.added), ...section(t(language, 'import.ended'), lines.ended), ...section(t(language, 'import.changed'), lines.changed)],
    notes: extra,
    attachments: [{ filename: `ice-287g-${report.version}-report.txt`, contentType: 'text/plain; charset=utf-8', content: `${formatListReport(report, language)}\n` }],
  };
}

/** What a check of ICE's page is told as: the import's diff report, "unchanged", or why it failed and that nothing was replaced. */
/** `retryHours`: when the next automatic check comes (the watcher), or undefined (asked by hand). */
export function fetchOutcomeReply(outcome: FetchOutcome, language: Language, retryHours?: number): Reply {
  if (outcome.outcome === 'imported') {
    return listReportReply(outcome.report, t(language, 'watch.report.imported', { version: outcome.report.version }), [], language);
  }
  if (outcome.outcome === 'unchanged') {
    return { status: 'ok', title: t(language, 'import.nothing'), intro: [[text(t(language, 'watch.report.unchanged', { version: outcome.version }))]], sections: [], notes: [] };
  }
  const notes: Rich[] = [];
  if (outcome.loadedVersion) notes.push([text(t(language, 'watch.report.kept', { version: outcome.loadedVersion }))]);
  notes.push([text(retryHours ? t(language, 'watch.report.retry', { hours: retryHours }) : t(language, 'watch.report.retry.manual'))]);
  return { status: 'ok', title: t(language, 'watch.report.failed'), intro: [[text(noteText(outcome.reason, language))]], sections: [], notes };
}

/** The same as plain text, for the terminal (`npm run import -- ice-287g --fetch`). */
export function fetchOutcomeText(outcome: FetchOutcome, language: Language = 'en'): string {
  if (outcome.outcome === 'unchanged') return t(language, 'watch.report.unchanged', { version: outcome.version });
  if (outcome.outcome === 'failed') {
    const reply = fetchOutcomeReply(outcome, language);
    return [reply.title, ...[...(reply.intro ?? []), ...reply.notes].map(plain)].join('\n');
  }
  return '';
}
