import { ICE_287G_KEY } from '../../importers/ice-287g.ts';
import { SHIPPED_DATASETS } from '../../importers/shipped.ts';
import { iceFreshnessLines, lastCheckLine } from '../../present/freshness-lines.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import { date, text, type Rich } from '../../reply.ts';
import type { CommandDef } from '../../framework/types.ts';

/** Who edits the shared record, per running platform; a platform where nobody does says so. */
function editorLines(editors: { discord?: string | null; slack?: string | null }, language: Language): Rich[] {
  const lines: Rich[] = [];
  if (editors.discord === null) lines.push([text(t(language, 'trust.about.discord-none'), 'bold')]);
  else if (editors.discord) lines.push([text(t(language, 'trust.about.discord', { guild: editors.discord }))]);
  if (editors.slack === null) lines.push([text(t(language, 'trust.about.slack-none'), 'bold')]);
  else if (editors.slack) lines.push([text(t(language, 'trust.about.slack', { team: editors.slack }))]);
  if (lines.length) lines.push([text(t(language, 'trust.about.propose'))]);
  return lines;
}

export const aboutCommand: CommandDef = {
  name: 'about',
  options: [],
  permission: 'everyone',
  examples: ['about'],
  handler(ctx) {
    const { store } = ctx;
    const language = languageFor(ctx);
    const loaded = store.imports.latestOfEach();
    const items = loaded.map((record): Rich => {
      // The shipped file of that date, when the loaded list is one (a fetched or uploaded list has no shipped origin).
      const dataset = SHIPPED_DATASETS.find((d) => d.key === record.dataset && d.version === record.version);
      const title = dataset?.title ?? SHIPPED_DATASETS.find((d) => d.key === record.dataset)?.title;
      return [
        text(title ?? record.dataset, 'bold'),
        text(t(language, 'about.rows', { version: record.version, read: record.rowsRead, matched: record.rowsMatched })),
        text(record.rowsUnmatched ? t(language, 'about.unmatched', { count: record.rowsUnmatched }) : ''),
        text(t(language, 'about.loaded')),
        date(record.importedAt.slice(0, 10)),
        ...(dataset ? [text(t(language, 'about.source', { origin: dataset.origin }))] : []),
      ];
    });
    return {
      status: 'ok',
      title: t(language, 'about.title'),
      intro: [[text(t(language, 'about.intro'))], [text(t(language, 'about.elections'))]],
      sections: [
        { heading: t(language, 'freshness.heading'), lines: [...iceFreshnessLines(store, ctx.clock, language), lastCheckLine(store.listChecks.latest(ICE_287G_KEY), language)] },
        { heading: t(language, 'about.datasets'), items: items.length ? items : [[text(t(language, 'about.none'))]] },
      ],
      notes: [[text(t(language, 'about.provenance'))], ...editorLines(ctx.trust?.editors ?? {}, language)],
    };
  },
};
