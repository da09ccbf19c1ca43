import { RosterFileError } from '../../importers/roster-read.ts';
import type { RosterImportReport } from '../../importers/roster.ts';
import { runRosterJobOffThread } from '../../importers/list-off-thread.ts';
import { formatRosterReport, rosterLines, rosterSkippedLine, rosterTitle } from '../../importers/roster-report.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import { text, type Reply, type Rich, type Section } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { proposeRoster } from '../../moderation/roster-proposal.ts';
import type { CommandDef } from '../../framework/types.ts';

/** A state's roster is a few hundred rows; far below this. */
export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;
const SHOWN = 10;

export function rosterReply(report: RosterImportReport, language: Language): Reply {
  const skipped = rosterSkippedLine(report, language);
  if (skipped || !report.result) return { status: 'ok', title: t(language, 'import.nothing'), intro: [[text(skipped ?? '')]], sections: [], notes: [] };
  const lines = rosterLines(report, language);
  const sections: Section[] = (['added', 'changed', 'contact', 'kept', 'unmatched'] as const)
    .filter((key) => lines[key].length > 0)
    .map((key) => ({
      heading: `${t(language, `roster.heading.${key}`)} (${lines[key].length})`,
      items: [...lines[key].slice(0, SHOWN), ...(lines[key].length > SHOWN ? [t(language, 'import.more', { n: lines[key].length - SHOWN })] : [])].map((l): Rich => [text(l)]),
    }));
  return {
    status: 'ok',
    title: rosterTitle(report, language),
    intro: [[text(t(language, 'roster.omitted'))]],
    sections,
    notes: [],
    attachments: [{ filename: `roster-${report.version}-report.txt`, contentType: 'text/plain; charset=utf-8', content: `${formatRosterReport(report, language)}\n` }],
  };
}

export const importRosterCommand: CommandDef = {
  name: 'import-roster',
  options: [{ name: 'file', type: 'attachment', required: true, maxBytes: MAX_ROSTER_BYTES }],
  // Anyone may send a roster: an editor's is imported (or waits for another editor under
  // REQUIRE_REVIEW); anyone else's is a proposal the editors approve or reject.
  permission: 'everyone',
  // No runnable example: an example cannot carry a file.
  examples: [],
  async handler(ctx) {
    const language = languageFor(ctx);
    const file = ctx.attachments?.file;
    if (!file) throw new UserError('missing_file', 'roster.attach', {}, [{ key: 'roster.attach.help' }]);
    if (file.data.byteLength > MAX_ROSTER_BYTES) throw new UserError('file_too_large', 'roster.too-large', { mb: MAX_ROSTER_BYTES / 1024 / 1024 });
    const job = { kind: 'roster' as const, bytes: file.data, fileName: file.filename, by: ctx.caller.id, now: ctx.clock.now().toISOString() };
    try {
      // Read and matched in a worker thread: a 2 MB roster is about a second of work.
      if (ctx.caller.isEditor && !ctx.requireReview) return rosterReply(await runRosterJobOffThread(ctx.store, { ...job, mode: 'apply' }), language);
      // Checked and previewed first: a file that is not a roster, or changes nothing, goes no further.
      const preview = await runRosterJobOffThread(ctx.store, { ...job, mode: 'preview' });
      const { result } = preview;
      if (preview.skipped || !result || result.added.length + result.changed.length + result.contact.length === 0) return rosterReply(preview, language);
      return proposeRoster(ctx, file, { ...preview, result });
    } catch (error) {
      if (error instanceof RosterFileError) throw new UserError('bad_file', 'roster.bad-file', { file: file.filename }, [{ key: error.key, params: error.params }]);
      throw error;
    }
  },
};
