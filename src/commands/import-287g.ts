import { changeLines, countsLine } from '../importers/ice-287g-diff.ts';
import { applyIce287gList, prepareIce287gList, previewPreparedList, type ListImportReport, type PreparedList } from '../importers/ice-287g-import.ts';
import { formatListReport, skippedLine } from '../importers/ice-287g-report.ts';
import { IceSheetError } from '../importers/ice-287g-xlsx.ts';
import { ICE_287G_KEY } from '../importers/ice-287g.ts';
import { text, type Reply, type Rich, type Section } from '../reply.ts';
import type { AttachedFile, CommandContext, CommandDef } from './types.ts';
import { UserError } from './errors.ts';
import { authorOf } from './moderation-submit.ts';

const MAX_BYTES = 10 * 1024 * 1024;
/** Lines of each kind shown in chat; the attached report has them all. */
const SHOWN = 10;

export async function readList(file: AttachedFile, date: string | undefined): Promise<PreparedList> {
  if (file.data.byteLength > MAX_BYTES) {
    throw new UserError('file_too_large', 'That file is too large', [`ICE's list is well under 1 MB; files up to 10 MB are read.`]);
  }
  try {
    return await prepareIce287gList({ bytes: file.data, fileName: file.filename, ...(date ? { date } : {}) });
  } catch (error) {
    if (error instanceof IceSheetError) throw new UserError('bad_file', `Could not read "${file.filename}"`, [error.message]);
    throw error;
  }
}

/** The version an import is based on: the newest import of the list (0 before any). */
export function listVersion(ctx: CommandContext): number {
  return ctx.store.imports.latest(ICE_287G_KEY)?.id ?? 0;
}

/** The chat reply for a list import or preview: counts, the first changes of each kind, the full report attached. */
export function listReportReply(report: ListImportReport, title: string, extra: Rich[] = []): Reply {
  const skipped = skippedLine(report);
  if (skipped || !report.diff) {
    return { status: 'ok', title: 'Nothing to import', intro: [[text(skipped ?? '')]], sections: [], notes: extra };
  }
  const lines = changeLines(report.diff);
  const section = (heading: string, items: string[]): Section[] =>
    items.length
      ? [{ heading: `${heading} (${items.length})`, items: [...items.slice(0, SHOWN), ...(items.length > SHOWN ? [`… and ${items.length - SHOWN} more in the attached report`] : [])].map((i): Rich => [text(i)]) }]
      : [];
  return {
    status: 'ok',
    title,
    intro: [
      [text(`Against ${report.diff.previousVersion ? `the list of ${report.diff.previousVersion}` : 'an empty record'}: `), text(countsLine(report.diff), 'bold')],
      [text(`${report.rowsRead} rows read (${report.format.toUpperCase()}, dated from the ${report.dateFrom}), ${report.unmatched.length} not placed.`)],
    ],
    sections: [...section('Added', lines.added), ...section('Ended', lines.ended), ...section('Changed', lines.changed)],
    notes: extra,
    attachments: [{ filename: `ice-287g-${report.version}-report.txt`, contentType: 'text/plain; charset=utf-8', content: `${formatListReport(report)}\n` }],
  };
}

export const import287gCommand: CommandDef = {
  name: 'import-287g',
  description: "Load a newer ICE 287(g) list (attach ICE's XLSX, or the CSV) and report what changed",
  options: [
    { name: 'file', description: "ICE's participating-agencies sheet, .xlsx as published or .csv", type: 'attachment', required: true },
    {
      name: 'date',
      description: 'The date ICE published it, YYYY-MM-DD, if the file name does not say',
      type: 'text',
      required: false,
      pattern: /^\d{4}-\d{2}-\d{2}$/,
    },
  ],
  permission: 'moderator',
  // Free text: `import 287g <file> [YYYY-MM-DD]` (in the terminal the file is a path). No runnable example: an
  // example cannot carry a file, and every example must answer on its own (see the adapters' example tests).
  examples: [],
  async handler(ctx, args) {
    const file = ctx.attachments?.file;
    if (!file) {
      throw new UserError('missing_file', 'Attach the list', ["Attach ICE's participating-agencies sheet (XLSX or CSV) to the command."]);
    }
    const list = await readList(file, args.date === undefined ? undefined : String(args.date));
    if (!ctx.requireReview) {
      const report = applyIce287gList(ctx.store, list, { clock: ctx.clock });
      return listReportReply(report, `Imported ICE's 287(g) list of ${list.version}`);
    }
    const preview = previewPreparedList(ctx.store, list, { clock: ctx.clock });
    if (preview.skipped || !preview.diff) return listReportReply(preview, 'Nothing to import');
    const author = authorOf(ctx);
    const id = ctx.store.pending.add({
      kind: 'ice_import',
      jurisdictionFips: null,
      officeId: null,
      summary: `ICE 287(g) list of ${list.version} (${list.fileName}): ${countsLine(preview.diff)}`,
      payload: { fileName: list.fileName, version: list.version },
      file: list.bytes,
      expectedVersion: listVersion(ctx),
      requestedBy: author.id,
      requestedByName: author.name,
      requestedAt: ctx.clock.now().toISOString(),
    });
    return listReportReply(preview, `Waiting for review: change #${id}, ICE's 287(g) list of ${list.version}`, [
      [text('Nothing is applied yet. Another moderator approves it with '), text(`approve ${id}`, 'code'), text('.')],
    ]);
  },
};
