import type { Clock } from '../clock.ts';
import { forgetPlaceIndex } from '../lookup/place-index.ts';
import type { Store } from '../store/index.ts';
import { countiesDataset } from './counties.ts';
import { countyNeighboursDataset } from './county-neighbours.ts';
import { runImport, type Dataset, type ImportReport } from './dataset.ts';
import { electionExceptionsDataset } from './election-exceptions.ts';
import { electionRulesDataset } from './election-rules.ts';
import { ICE_287G_SHIPPED } from './ice-287g.ts';
import { meetingSourcesDefaultDataset } from './meeting-sources-default.ts';
import { SHERIFF_DATASETS } from './sheriff-datasets.ts';

/** The datasets shipped in data/, in load order (later ones look up earlier ones). */
export const SHIPPED_DATASETS: readonly Dataset[] = [
  countiesDataset,
  electionRulesDataset,
  electionExceptionsDataset,
  ...SHERIFF_DATASETS,
  ...ICE_287G_SHIPPED,
  countyNeighboursDataset,
  meetingSourcesDefaultDataset,
];

/** Loads every shipped dataset that is new or changed; each in its own transaction. */
export function loadShippedData(store: Store, clock: Clock, datasets: readonly Dataset[] = SHIPPED_DATASETS): ImportReport[] {
  const reports = datasets.map((dataset) => runImport(store, dataset, { clock }));
  // Lookups keep an in-memory index of the counties; a reloaded county list must rebuild it.
  if (reports.some((report) => report.dataset === countiesDataset.key && !report.skipped)) forgetPlaceIndex(store);
  return reports;
}
