import { diffCounts } from '../../importers/ice-287g-diff.ts';
import { prepareIce287gList, type PreparedList } from '../../importers/ice-287g-import.ts';
import type { ListJob, ListJobResult } from '../../importers/list-job.ts';
import { runListJobOffThread } from '../../importers/list-off-thread.ts';
import { MAX_FILE_BYTES } from '../../importers/sheet-limits.ts';
import { IceSheetError } from '../../importers/ice-287g-xlsx.ts';
import { ICE_287G_KEY } from '../../importers/ice-287g.ts';
import { fetchIce287gList } from '../../importers/ice-287g-fetch.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t, type Language } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { fetchOutcomeReply, listReportReply } from '../../present/list-report.ts';
import type { AttachedFile, CommandContext, CommandDef } from '../../framework/types.ts';
import { UserError } from '../../user-error.ts';
import { importSummary } from '../../present/change-summary.ts';
import { authorOf } from '../../moderation/submit.ts';

/** The largest sheet read (ICE's list is about 200 KB); the file option declares it to the adapters. */
export const MAX_LIST_BYTES = MAX_FILE_BYTES;

export async function readList(file: AttachedFile, date: string | undefined): Promise<PreparedList> {
  if (file.data.byteLength > MAX_LIST_BYTES) {
    throw new UserError('file_too_large', 'import.too-large', {}, [msg('import.too-large.help')]);
  }
  try {
    return await prepareIce287gList({ bytes: file.data, fileName: file.filename, ...(date ? { date } : {}) });
  } catch (error) {
    if (error instanceof IceSheetError) throw new UserError('bad_file', 'import.bad-file', { file: file.filename }, [(language: Language) => error.text(language)]);
    throw error;
  }
}

/** Reads and applies (or previews) the list in a worker thread: the chat keeps answering meanwhile. */
async function offThread(file: AttachedFile, job: Pick<ListJob, 'mode' | 'force' | 'now'> & { date: string | undefined }, ctx: CommandContext): Promise<ListJobResult> {
  if (file.data.byteLength > MAX_LIST_BYTES) {
    throw new UserError('file_too_large', 'import.too-large', {}, [msg('import.too-large.help')]);
  }
  try {
    return await runListJobOffThread(ctx.store, { mode: job.mode, bytes: file.data, fileName: file.filename, now: job.now, ...(job.force ? { force: true } : {}), ...(job.date ? { date: job.date } : {}) });
  } catch (error) {
    if (error instanceof IceSheetError) throw new UserError('bad_file', 'import.bad-file', { file: file.filename }, [(language: Language) => error.text(language)]);
    throw error;
  }
}

/** The version an import is based on: the newest import of the list (0 before any). */
export function listVersion(ctx: CommandContext): number {
  return ctx.store.imports.latest(ICE_287G_KEY)?.id ?? 0;
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
