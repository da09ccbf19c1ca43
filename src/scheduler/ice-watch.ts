/**
 * The ICE list watcher: in platform mode, checks ICE's page at start and then every N hours,
 * imports a changed list, and tells the editors what happened (the diff report, or why nothing
 * was replaced). Change alerts to subscribed channels follow from the import's history rows,
 * as for any import. Never started in tests or the console unless asked.
 */
import type { Clock } from '../clock.ts';
import { fetchOutcomeReply } from '../present/list-report.ts';
import { fetchIce287gList, type FetchOutcome, type IceFetchSettings } from '../importers/ice-287g-fetch.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import type { Store } from '../store/index.ts';

/** Posts a report where the editors read it; `key` is a stable idempotency key (≤ 25 characters). */
export type TellEditors = (reply: Reply, key: string) => Promise<void>;

export interface IceWatchOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  settings: IceFetchSettings;
  /** ICE_287G_CHECK_HOURS; 0 starts nothing. */
  hours: number;
  tellEditors: TellEditors;
}

export interface RunningIceWatch {
  /** The first check (at start), for whoever wants to wait for it. */
  first: Promise<FetchOutcome | undefined> | undefined;
  stop(): void;
}

/** One check, reported: the editors hear of an import or a failure; "unchanged" is only logged. */
export async function checkAndReport(options: Omit<IceWatchOptions, 'hours'> & { retryHours?: number }): Promise<FetchOutcome> {
  const outcome = await fetchIce287gList(options.store, options.settings, options.clock);
  options.logger.info({ outcome: outcome.outcome, check: outcome.check.id }, 'checked ICE 287(g) list');
  if (outcome.outcome === 'unchanged') return outcome;
  try {
    await options.tellEditors(fetchOutcomeReply(outcome, 'en', options.retryHours), `ice-check-${outcome.check.id}`);
  } catch (error) {
    options.logger.error({ err: error }, 'could not tell the editors about the ICE list check');
  }
  return outcome;
}

export function startIceWatch(options: IceWatchOptions): RunningIceWatch {
  if (!(options.hours > 0)) return { first: undefined, stop: () => {} };
  const run = () =>
    checkAndReport({ ...options, retryHours: options.hours }).catch((error: unknown) => {
      options.logger.error({ err: error }, 'the ICE list check failed');
      return undefined;
    });
  const first = run();
  const timer = setInterval(() => void run(), options.hours * 3_600_000);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
