import { changeLines, countsLine, diffCounts } from '../importers/ice-287g-diff.ts';
import type { ListImportReport } from '../importers/ice-287g-import.ts';
import { listVersionOf, type ListJob, type ListJobResult } from '../importers/list-job.ts';
import { runListJobOffThread } from '../importers/list-off-thread.ts';
import { MAX_FILE_BYTES } from '../importers/sheet-limits.ts';
import { dateFromText, formatListReport, skippedLine } from '../importers/ice-287g-report.ts';
import { IceSheetError } from '../importers/ice-287g-xlsx.ts';
import { fetchIce287gList, type FetchOutcome } from '../importers/ice-287g-fetch.ts';
import { noteText } from '../importers/dataset.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { msg, t, type Language } from '../i18n/index.ts';
import { plain, text, type Reply, type Rich, type Section } from '../reply.ts';
import type { AttachedFile, CommandContext, CommandDef } from './types.ts';
import { UserError } from './errors.ts';
import { importSummary } from './moderation-format.ts';
import { authorOf } from './moderation-submit.ts';

/** The largest sheet read (ICE's list is about 200 KB); the file option declares it to the adapters. */
export const MAX_LIST_BYTES = MAX_FILE_BYTES;
/** Lines of each kind shown in chat; the attached report has them all. */
const SHOWN = 10;

/** Reads and applies (or previews) the list in a worker thread: the chat keeps answering meanwhile. */
export async function offThread(file: AttachedFile, job: Pick<ListJob, 'mode' | 'force' | 'now' | 'approval'> & { date: string | undefined }, ctx: CommandContext): Promise<ListJobResult> {
  if (file.data.byteLength > MAX_LIST_BYTES) {
    throw new UserError('file_too_large', 'import.too-large', {}, [msg('import.too-large.help')]);
  }
  try {
    const { mode, now, force, date, approval } = job;
    return await runListJobOffThread(ctx.store, { mode, bytes: file.data, fileName: file.filename, now, ...(force ? { force: true } : {}), ...(date ? { date } : {}), ...(approval ? { approval } : {}) });
  } catch (error) {
    if (error instanceof IceSheetError) throw new UserError('bad_file', 'import.bad-file', { file: file.filename }, [(language: Language) => error.text(language)]);
    throw error;
  }
}

/** The version an import is based on: the newest import of the list (0 before any). */
export function listVersion(ctx: CommandContext): number {
  return listVersionOf(ctx.store);
}

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

export const import287gCommand: CommandDef = {
  name: 'import-287g',
  options: [
    { name: 'file', type: 'attachment', required: false, maxBytes: MAX_LIST_BYTES },
    {
      name: 'date',
      type: 'text',
      required: false,
      pattern: /^\d{4}-\d{2}-\d{2}$/,
    },
    { name: 'force', type: 'choice', required: false, choices: [{ value: 'yes', label: 'yes', aliases: ['force'] }] },
  ],
  permission: 'editor',
  // Free text: `import 287g <file> [YYYY-MM-DD]` (in the terminal the file is a path). No runnable example: an
  // example cannot carry a file, and every example must answer on its own (see the adapters' example tests).
  examples: [],
  async handler(ctx, args) {
    const language = languageFor(ctx);
    const file = ctx.attachments?.file;
    if (!file) {
      // No file: fetch ICE's current list, as the watcher does (ICE's own file, so no second review).
      if (ctx.iceFetch) return fetchOutcomeReply(await fetchIce287gList(ctx.store, ctx.iceFetch, ctx.clock), language);
      throw new UserError('missing_file', 'import.attach', {}, [msg('import.attach.help')]);
    }
    const force = args.force === 'yes';
    const mode = ctx.requireReview ? 'preview' : 'apply';
    const { version, report } = await offThread(file, { mode, date: args.date === undefined ? undefined : String(args.date), force, now: ctx.clock.now().toISOString() }, ctx);
    if (mode === 'apply') return listReportReply(report, t(language, 'import.imported', { version }), [], language);
    const preview = report;
    const list = { fileName: report.fileName, version, bytes: file.data };
    if (preview.skipped || !preview.diff) return listReportReply(preview, t(language, 'import.nothing'), [], language);
    const author = authorOf(ctx);
    const payload = { fileName: list.fileName, version: list.version, counts: diffCounts(preview.diff), ...(force ? { force: true } : {}) };
    const id = ctx.store.pending.add({
      kind: 'ice_import',
      jurisdictionFips: null,
      officeId: null,
      summary: importSummary(payload, 'en'),
      payload,
      file: list.bytes,
      expectedVersion: listVersion(ctx),
      requestedBy: author.id,
      requestedByName: author.name,
      requestedAt: ctx.clock.now().toISOString(),
      community: author.community ?? null,
      channelId: ctx.conversation?.channelId ?? null,
      byEditor: true,
    });
    return listReportReply(preview, t(language, 'import.waiting', { id, version: list.version }), [
      [text(t(language, 'import.waiting.how')), text(`approve ${id}`, 'code'), text('.')],
    ], language);
  },
};
