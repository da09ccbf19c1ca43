// Counties linked to their meeting calendar by default: only where a public source shows the
// client name the county's calendar answers to (data/SOURCES.md names it per row). Applied at
// data load like any dataset; nothing is fetched here — the daily import reads the calendar.
import { legistarClient } from '../meeting-sources/legistar-client.ts';
import { SourceError } from '../meeting-sources/types.ts';
import { cell, readCsv } from './csv.ts';
import type { Dataset, LoadResult, UnmatchedRow } from './dataset.ts';

/** Who a default link is recorded as; `meeting-source` says such a link came with the bot's data. */
export const DEFAULT_LINK_BY = 'import:meeting-sources-default';

// Only Legistar: a client name is what a public source can show. Checked without the importer
// (whose modules pull in rrule, which the test run's data setup cannot load).
const CHECKS: ReadonlyMap<string, (locator: string) => string> = new Map([['legistar', legistarClient]]);

export const meetingSourcesDefaultDataset: Dataset = {
  key: 'meeting-sources-default',
  title: 'County meeting calendars linked by default',
  version: '2026-12-03',
  file: 'meeting_sources_default.csv',
  origin: 'a Legistar client name per county, each shown by a public source (data/SOURCES.md)',
  load({ store, text, at }): LoadResult {
    const rows = readCsv(text);
    const unmatched: UnmatchedRow[] = [];
    let matched = 0;
    rows.forEach((row, index) => {
      const miss = (reason: string) => unmatched.push({ row: index + 2, text: Object.values(row).join(','), reason });
      const fips = row.fips ?? '';
      const j = store.jurisdictions.byFips(fips);
      const kind = row.kind ?? '';
      const check = CHECKS.get(kind);
      if (!j || j.state !== row.state) return miss('unknown county');
      if (!check || !cell(row.source_url)) return miss('unknown kind or no source');
      let locator: string;
      try {
        locator = check(row.locator ?? '');
      } catch (error) {
        if (error instanceof SourceError) return miss('bad locator');
        throw error;
      }
      matched++;
      // Linked once: a link an editor unlinked (`meeting-source … off`) is not brought back by a reload.
      if (store.meetingSources.everLinked(fips, kind, locator)) return;
      store.meetingSources.add({ fips, kind, locator, body: cell(row.body), token: null, by: DEFAULT_LINK_BY, at });
    });
    return { rowsRead: rows.length, rowsMatched: matched, unmatched, notes: [] };
  },
};
