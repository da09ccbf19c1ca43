// One roster import or preview as a job a worker thread can run: a 2 MB roster is about 13,000
// rows and 1.2 s of reading and matching, which must not happen on the chat process's event loop.
import { fixedClock } from '../clock.ts';
import type { Store } from '../store/index.ts';
import { importRoster, previewRoster, type RosterImportReport } from './roster.ts';

export interface RosterJob {
  kind: 'roster';
  mode: 'apply' | 'preview';
  bytes: Uint8Array;
  fileName: string;
  /** Who imports: the editor's id, or the proposer's for a preview. */
  by: string;
  /** The caller's clock reading, ISO: the job runs at that instant wherever it runs. */
  now: string;
}

export function runRosterJob(store: Store, job: RosterJob): RosterImportReport {
  const options = { bytes: job.bytes, fileName: job.fileName, clock: fixedClock(job.now), by: job.by };
  return job.mode === 'preview' ? previewRoster(store, options) : importRoster(store, options);
}
