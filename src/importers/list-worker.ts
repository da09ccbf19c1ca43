// The worker thread's side of an off-thread import (ICE's list, or a sheriff roster): its own connection to the same
// database file (WAL: the chat process keeps reading while it writes), one job, one answer.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open.ts';
import { LocalizedError } from '../i18n/localized-error.ts';
import { createStore } from '../store/index.ts';
import { ApprovalRefused, runListJob, type ListJob } from './list-job.ts';
import { runRosterJob, type RosterJob } from './roster-job.ts';

const { path, job } = workerData as { path: string; job: ListJob | RosterJob };
const db = openDatabase(path);
try {
  const store = createStore(db);
  const result = 'kind' in job && job.kind === 'roster' ? runRosterJob(store, job) : await runListJob(store, job as ListJob);
  parentPort!.postMessage({ ok: true, result });
} catch (error) {
  if (error instanceof LocalizedError) parentPort!.postMessage({ ok: false, key: error.key, params: error.params });
  else if (error instanceof ApprovalRefused) parentPort!.postMessage({ ok: false, refused: error.code, current: error.current });
  else parentPort!.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  db.close();
}
