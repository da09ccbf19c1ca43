import { SHIPPED_DATASETS } from '../importers/shipped.ts';
import { date, text, type Rich } from '../reply.ts';
import type { CommandDef } from './types.ts';

export const aboutCommand: CommandDef = {
  name: 'about',
  description: 'Which datasets are loaded, their dates, row counts and sources',
  options: [],
  permission: 'everyone',
  examples: ['about'],
  handler({ store }) {
    const loaded = store.imports.latestOfEach();
    const items = loaded.map((record): Rich => {
      const dataset = SHIPPED_DATASETS.find((d) => d.key === record.dataset);
      return [
        text(dataset?.title ?? record.dataset, 'bold'),
        text(` (${record.version}) — ${record.rowsRead} rows read, ${record.rowsMatched} matched`),
        text(record.rowsUnmatched ? `, ${record.rowsUnmatched} unmatched` : ''),
        text(' — loaded '),
        date(record.importedAt.slice(0, 10)),
        ...(dataset ? [text(`. Source: ${dataset.origin}`)] : []),
      ];
    });
    return {
      status: 'ok',
      title: 'About Sheriff Watch',
      intro: [
        [text('Sheriff Watch answers from public records and says where each fact came from and how old it is.')],
        [text('Election dates are computed from state law unless a moderator recorded an official date.')],
      ],
      sections: [
        { heading: 'Loaded datasets', items: items.length ? items : [[text('None loaded yet.')]] },
      ],
      notes: [[text('Provenance and licenses: data/SOURCES.md in the Sheriff Watch repository.')]],
    };
  },
};
