import { diffCounts } from '../../importers/ice-287g-diff.ts';
import { listVersionOf, type ListJob, type ListJobResult } from '../../importers/list-job.ts';
import { runListJobOffThread } from '../../importers/list-off-thread.ts';
import { MAX_FILE_BYTES } from '../../importers/sheet-limits.ts';
import { IceSheetError } from '../../importers/ice-287g-xlsx.ts';
import { fetchIce287gList } from '../../importers/ice-287g-fetch.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t, type Language } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { fetchOutcomeReply, listReportReply } from '../../present/list-report.ts';
import type { AttachedFile, CommandContext, CommandDef } from '../../framework/types.ts';
import { UserError } from '../../user-error.ts';
import { importSummary } from '../../present/change-summary.ts';
import { authorOf } from '../../moderation/submit.ts';
import { storeProposal } from '../../trust/propose.ts';

/** The largest sheet read (ICE's list is about 200 KB); the file option declares it to the adapters. */
export const MAX_LIST_BYTES = MAX_FILE_BYTES;

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
    // Queued and posted to the editors' channel like any change waiting for review.
    const id = storeProposal(ctx, {
      kind: 'ice_import',
      fips: null,
      officeId: null,
      summary: importSummary(payload, 'en'),
      payload,
      file: list.bytes,
      expected: listVersionOf(ctx.store),
      author,
      at: ctx.clock.now().toISOString(),
      byEditor: true,
    });
    return listReportReply(preview, t(language, 'import.waiting', { id, version: list.version }), [
      [text(t(language, 'import.waiting.how')), text(`approve ${id}`, 'code'), text('.')],
    ], language);
  },
};
