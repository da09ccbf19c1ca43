import { readCsv } from './csv.ts';
import type { Dataset, LoadResult, UnmatchedRow } from './dataset.ts';

/**
 * Which counties share a land border: pairs computed from us-atlas's county shapes by
 * src/cli/build-county-neighbours.ts (src/maps/adjacency.ts defines "neighbour").
 */
export const countyNeighboursDataset: Dataset = {
  key: 'county-neighbours',
  title: 'Neighbouring counties (shared land borders)',
  version: '2017',
  file: 'county_neighbours_us-atlas-3.0.1.csv',
  origin: 'computed from us-atlas 3.0.1 county shapes (Census cartographic boundaries 2017, 1:10m): counties whose shapes share a border arc',
  load({ store, text }): LoadResult {
    const rows = readCsv(text);
    const unmatched: UnmatchedRow[] = [];
    const pairs: [string, string][] = [];
    rows.forEach((row, index) => {
      const { fips = '', neighbour_fips: other = '' } = row;
      if (!/^\d{5}$/.test(fips) || !/^\d{5}$/.test(other) || fips === other) {
        unmatched.push({ row: index + 2, text: Object.values(row).join(','), reason: 'malformed row' });
        return;
      }
      pairs.push([fips, other]);
    });
    store.neighbours.replaceAll(pairs);
    return { rowsRead: rows.length, rowsMatched: pairs.length, unmatched, notes: [] };
  },
};
