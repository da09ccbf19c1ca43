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
import { t } from '../i18n/index.ts';
import { ICE_287G_KEY } from '../importers/ice-287g.ts';
import { text, type Reply, type Rich } from '../reply.ts';
import type { Store } from '../store/index.ts';
import type { ListCheck } from '../store/list-checks.ts';

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

const sameReason = (a: ListCheck['reason'], b: ListCheck['reason']) => JSON.stringify(a) === JSON.stringify(b);

/** What the editors are told of a check: an import, a new failure, a recovery; nothing for "unchanged" or the same failure again. */
function editorsReply(outcome: FetchOutcome, before: { latest: ListCheck | undefined; failingSince: ListCheck | undefined }, retryHours: number | undefined): Reply | undefined {
  const failing = before.latest?.outcome === 'failed' ? before.latest : undefined;
  if (outcome.outcome === 'failed') return failing && sameReason(failing.reason, outcome.reason) ? undefined : fetchOutcomeReply(outcome, 'en', retryHours);
  if (!failing) return outcome.outcome === 'imported' ? fetchOutcomeReply(outcome, 'en') : undefined;
  const recovered: Rich = [text(t('en', 'watch.report.recovered', { since: (before.failingSince ?? failing).checkedAt.slice(0, 10) }))];
  if (outcome.outcome === 'imported') {
    const reply = fetchOutcomeReply(outcome, 'en');
    return { ...reply, notes: [...reply.notes, recovered] };
  }
  return { status: 'ok', title: t('en', 'watch.report.recovered.unchanged'), intro: [[text(t('en', 'watch.report.unchanged', { version: outcome.version }))]], sections: [], notes: [recovered] };
}

/**
 * One check, reported: the editors hear of an import, of a failure once (not again at every
 * check while the same failure lasts; a different one is told), and of the recovery.
 */
export async function checkAndReport(options: Omit<IceWatchOptions, 'hours'> & { retryHours?: number }): Promise<FetchOutcome> {
  const before = { latest: options.store.listChecks.latest(ICE_287G_KEY), failingSince: options.store.listChecks.failingSince(ICE_287G_KEY) };
  const outcome = await fetchIce287gList(options.store, options.settings, options.clock);
  options.logger.info({ outcome: outcome.outcome, check: outcome.check.id }, 'checked ICE 287(g) list');
  const reply = editorsReply(outcome, before, options.retryHours);
  if (!reply) return outcome;
  try {
    await options.tellEditors(reply, `ice-check-${outcome.check.id}`);
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
