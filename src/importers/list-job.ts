// One ICE list import as a job a worker thread can run: read (XLSX parsing blocks for a second or
// more), diff and apply (another few hundred ms) — none of it on the chat process's event loop.
// An approval of a queued import runs here too: the version check, the apply and the decision in
// one transaction of the worker's connection.
import { fixedClock } from '../clock.ts';
import type { NoticeTarget } from '../store/decision-notices.ts';
import type { Decision } from '../store/pending-changes.ts';
import type { Store } from '../store/index.ts';
import { applyIce287gList, prepareIce287gList, previewPreparedList, type ListImportReport } from './ice-287g-import.ts';
import { ICE_287G_KEY } from './ice-287g.ts';

/** The decision recorded with an approved import, and the record version it was proposed against. */
export interface JobApproval {
  pendingId: number;
  expectedVersion: number;
  decision: { decision: Decision; note: string | null; by: string; byName: string; at: string };
  /** Where the proposer hears the decision (queued with it in the same transaction). */
  tell?: NoticeTarget;
}

export interface ListJob {
  mode: 'apply' | 'preview';
  bytes: Uint8Array;
  fileName: string;
  date?: string;
  /** The list's date when neither its file name nor the workbook says it. */
  fallbackDate?: string;
  force?: boolean;
  /** The caller's clock reading, ISO: the job runs at that instant wherever it runs. */
  now: string;
  /** Apply as the approval of a queued import (mode 'apply'). */
  approval?: JobApproval;
}

export interface ListJobResult {
  version: string;
  report: ListImportReport;
}

/** Why an approval was not applied: the list moved since the proposal, or someone decided first. */
export class ApprovalRefused extends Error {
  override name = 'ApprovalRefused';
  constructor(
    readonly code: 'conflict' | 'already_decided',
    readonly current: number,
  ) {
    super(code);
  }
}

/** The version an import is based on: the newest import of the list (0 before any). */
export function listVersionOf(store: Store): number {
  return store.imports.version(ICE_287G_KEY);
}

/** Runs the job on a store (in the worker, or inline for an in-memory database). */
export async function runListJob(store: Store, job: ListJob): Promise<ListJobResult> {
  const { bytes, fileName, date, fallbackDate } = job;
  const list = await prepareIce287gList({ bytes, fileName, ...(date ? { date } : {}), ...(fallbackDate ? { fallbackDate } : {}) });
  const options = { clock: fixedClock(job.now), ...(job.force ? { force: true } : {}) };
  if (job.mode === 'preview') return { version: list.version, report: previewPreparedList(store, list, options) };
  const { approval } = job;
  if (!approval) return { version: list.version, report: applyIce287gList(store, list, options) };
  const report = store.db.transaction(() => {
    const current = listVersionOf(store);
    if (current !== approval.expectedVersion) throw new ApprovalRefused('conflict', current);
    // The proposer forced a list the guard stops (retire-most): approving it is the second confirmation.
    const applied = applyIce287gList(store, list, options);
    if (!store.pending.decide(approval.pendingId, approval.decision, approval.tell)) throw new ApprovalRefused('already_decided', current);
    return applied;
  })();
  return { version: list.version, report };
}
