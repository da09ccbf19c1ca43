import { isStateCode } from '../domain/states.ts';
import { describeJurisdiction } from '../domain/jurisdiction-names.ts';
import { readCsv } from './csv.ts';
import type { Dataset, LoadResult, UnmatchedRow } from './dataset.ts';

/** County changes since the 2010 list (Census "substantial changes to counties"). */
const RENAMED: Record<string, { fips: string; name: string }> = {
  '46113': { fips: '46102', name: 'oglala lakota county' },
  '02270': { fips: '02158', name: 'kusilvak census area' },
};
const MERGED_AWAY = new Set(['51515']); // Bedford city, VA joined Bedford County in 2013.
const SPLIT: Record<string, { fips: string; name: string }[]> = {
  // Valdez-Cordova Census Area, AK split in 2019.
  '02261': [
    { fips: '02063', name: 'chugach census area' },
    { fips: '02066', name: 'copper river census area' },
  ],
};

export const countiesDataset: Dataset = {
  key: 'counties',
  title: 'US counties with FIPS codes and time zones',
  version: '2010',
  file: 'us_county_timezones_2010.csv',
  origin: 'R package countytimezones (Census 2010 county list), updated for county changes since 2010',
  load({ store, text }): LoadResult {
    const rows = readCsv(text);
    const unmatched: UnmatchedRow[] = [];
    const notes: string[] = [];
    let matched = 0;
    rows.forEach((row, index) => {
      const { fips = '', state = '', county = '', tz = '' } = row;
      if (!/^\d{5}$/.test(fips) || !isStateCode(state) || !county || !tz) {
        unmatched.push({ row: index + 2, text: Object.values(row).join(','), reason: 'malformed row' });
        return;
      }
      if (MERGED_AWAY.has(fips)) {
        notes.push(`${county} (${fips}) left out: merged into another county since 2010.`);
        matched++;
        return;
      }
      const replacements = SPLIT[fips] ?? [RENAMED[fips] ?? { fips, name: county }];
      if (replacements[0]!.fips !== fips || replacements.length > 1) {
        notes.push(`${county} (${fips}) is now ${replacements.map((r) => `${r.name} (${r.fips})`).join(' and ')}.`);
      }
      for (const current of replacements) {
        store.jurisdictions.upsert({ fips: current.fips, state, timeZone: tz, ...describeJurisdiction(current.fips, current.name) });
      }
      matched++;
    });
    return { rowsRead: rows.length, rowsMatched: matched, unmatched, notes };
  },
};
