// One roster import or preview as a job a worker thread can run: a 2 MB roster is about 13,000
// rows and 1.2 s of reading and matching, which must not happen on the chat process's event loop.
import { fixedClock } from '../clock.ts';
import type { Store } from '../store/index.ts';
import { ApprovalRefused, type JobApproval } from './list-job.ts';
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
  /** Apply as the approval of a queued roster: its dataset must still be at the version proposed against. */
  approval?: JobApproval & { dataset: string };
}

export function runRosterJob(store: Store, job: RosterJob): RosterImportReport {
  const options = { bytes: job.bytes, fileName: job.fileName, clock: fixedClock(job.now), by: job.by };
  if (job.mode === 'preview') return previewRoster(store, options);
  const { approval } = job;
  if (!approval) return importRoster(store, options);
  // The version check, the import and the decision in one transaction.
  return store.db.transaction(() => {
    const current = store.imports.version(approval.dataset);
    if (current !== approval.expectedVersion) throw new ApprovalRefused('conflict', current);
    const report = importRoster(store, options);
    if (!store.pending.decide(approval.pendingId, approval.decision, approval.tell)) throw new ApprovalRefused('already_decided', current);
    return report;
  })();
}
