// One ICE list import as a job a worker thread can run: read (XLSX parsing blocks for a second or
// more), diff and apply (another few hundred ms) — none of it on the chat process's event loop.
import { fixedClock } from '../clock.ts';
import type { Store } from '../store/index.ts';
import { applyIce287gList, prepareIce287gList, previewPreparedList, type ListImportReport } from './ice-287g-import.ts';

export interface ListJob {
  mode: 'apply' | 'preview';
  bytes: Uint8Array;
  fileName: string;
  date?: string;
  force?: boolean;
  /** The caller's clock reading, ISO: the job runs at that instant wherever it runs. */
  now: string;
}

export interface ListJobResult {
  version: string;
  report: ListImportReport;
}

/** Runs the job on a store (in the worker, or inline for an in-memory database). */
export async function runListJob(store: Store, job: ListJob): Promise<ListJobResult> {
  const list = await prepareIce287gList({ bytes: job.bytes, fileName: job.fileName, ...(job.date ? { date: job.date } : {}) });
  const options = { clock: fixedClock(job.now), ...(job.force ? { force: true } : {}) };
  const report = job.mode === 'apply' ? applyIce287gList(store, list, options) : previewPreparedList(store, list, options);
  return { version: list.version, report };
}
