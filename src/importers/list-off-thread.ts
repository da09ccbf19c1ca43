// Runs an import (ICE's list, a sheriff roster) off the event loop: in a worker thread with its own database
// connection and a capped heap. An in-memory database (tests) cannot be shared with a thread:
// there the job runs inline.
import type { MessageKey, Params } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import { typescriptWorker } from '../threads/typescript-worker.ts';
import { IceSheetError } from './ice-287g-xlsx.ts';
import { ApprovalRefused, runListJob, type ListJob, type ListJobResult } from './list-job.ts';
import { RosterFileError } from './roster-read.ts';
import { runRosterJob, type RosterJob } from './roster-job.ts';
import type { RosterImportReport } from './roster.ts';

/** The worker's heap limit: a file the size limits admit needs far less (BENCH_ONLY=limits npm run bench). */
export const WORKER_HEAP_MB = 96;
/**
 * The worker's young generation: V8's default semispaces (16 MB each, three of them) were 28 MB
 * of the process's peak RSS on the largest admitted sheet (243 -> 215 MiB); the short-lived
 * objects of one import are collected as well in 4 MB, for a few ms more.
 */
export const WORKER_YOUNG_MB = 4;

const WORKER = new URL('./list-worker.ts', import.meta.url);

type Answer<T> =
  | { ok: true; result: T }
  | { ok: false; key: MessageKey; params: Params }
  | { ok: false; refused: ApprovalRefused['code']; current: number }
  | { ok: false; message: string };

export async function runListJobOffThread(store: Store, job: ListJob): Promise<ListJobResult> {
  return store.db.memory ? runListJob(store, job) : inWorker<ListJobResult>(store, job, IceSheetError);
}

/** A roster import or preview, off the event loop the same way (inline for an in-memory database). */
export async function runRosterJobOffThread(store: Store, job: RosterJob): Promise<RosterImportReport> {
  return store.db.memory ? runRosterJob(store, job) : inWorker<RosterImportReport>(store, job, RosterFileError);
}

/** Runs the job in a worker; a file it cannot read is thrown as the job's own `FileError`. */
async function inWorker<T>(store: Store, job: ListJob | RosterJob, FileError: new (key: MessageKey, params: Params) => Error): Promise<T> {
  const worker = typescriptWorker(WORKER, {
    workerData: { path: store.db.name, job },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const answer = await new Promise<Answer<T>>((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: Answer<T>) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      // Out of memory in the worker (a file the limits missed) is the file's fault, not the bot's.
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ ok: false, key: 'limits.sheet.too-big', params: { size: '?', part: `more than ${WORKER_HEAP_MB} MB to read` } });
      else reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the import worker stopped (exit code ${code}) without an answer`));
    });
  });
  await worker.terminate();
  if (answer.ok) return answer.result;
  if ('key' in answer) throw new FileError(answer.key, answer.params);
  if ('refused' in answer) throw new ApprovalRefused(answer.refused, answer.current);
  throw new Error(`import worker failed: ${answer.message}`);
}
