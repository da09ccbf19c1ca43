/**
 * Telling proposers the decision, from the outbox (decision_notices): each queued notice is
 * claimed, rendered in its channel's language from the stored proposal and decision, and posted.
 * A failed post (direct messages closed, channel gone, rate limited, network) is tried again
 * after a growing wait, the platform's own wait when it names one; after MAX_ATTEMPTS it is
 * given up and logged. A claimed row is sent by one process only.
 */
import type { Clock } from '../clock.ts';
import type { ChannelSender } from '../delivery/channel-sender.ts';
import { classifyDeliveryError } from '../delivery/errors.ts';
import type { Logger } from '../logger.ts';
import type { DecisionNotice } from '../store/decision-notices.ts';
import type { Store } from '../store/index.ts';
import { decisionNotice } from './notice-replies.ts';

/** Waits before attempts 2, 3, 4 and 5. */
export const NOTICE_BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
export const MAX_NOTICE_ATTEMPTS = NOTICE_BACKOFF_MS.length + 1;
/** A row left 'sending' this long belongs to a process that stopped. */
const STALE_SENDING_MS = 10 * 60_000;

export interface OutboxReport {
  sent: number;
  retried: number;
  failed: number;
}

export async function sendDueDecisions(store: Store, clock: Clock, logger: Logger, senders: ReadonlyMap<string, ChannelSender>): Promise<OutboxReport> {
  const report: OutboxReport = { sent: 0, retried: 0, failed: 0 };
  const now = clock.now().getTime();
  store.decisionNotices.requeueStale(new Date(now).toISOString(), new Date(now - STALE_SENDING_MS).toISOString());
  // Only the platforms running here: another platform's notices wait for a process that runs it.
  for (const row of store.decisionNotices.due(new Date(now).toISOString(), [...senders.keys()])) {
    const sender = senders.get(row.platform)!;
    if (!store.decisionNotices.claim(row.pendingId, clock.now().toISOString())) continue;
    report[await sendOne(store, clock, logger, sender, row)] += 1;
  }
  return report;
}

async function sendOne(store: Store, clock: Clock, logger: Logger, sender: ChannelSender, row: DecisionNotice): Promise<keyof OutboxReport> {
  const at = () => clock.now().toISOString();
  const where = { proposal: row.pendingId, platform: row.platform, channel: row.channelId };
  const pending = store.pending.byId(row.pendingId);
  const decision = pending?.decision;
  if (!pending || !decision) {
    store.decisionNotices.failed(row.pendingId, at(), 'the proposal or its decision is missing');
    logger.error(where, 'decision notice has no decision to tell; given up');
    return 'failed';
  }
  const language = store.languages.get({ platform: row.platform as 'discord' | 'slack' | 'console', workspaceId: row.workspaceId, channelId: row.channelId }) ?? 'en';
  const told = { approved: decision.decision === 'approved', byName: decision.byName, note: decision.note };
  try {
    const { messageId } = await sender.send(row.channelId, decisionNotice(store, pending, told, language), { key: `sw-dec-${row.pendingId}`, language, workspaceId: row.workspaceId });
    store.decisionNotices.sent(row.pendingId, messageId, at());
    logger.info(where, 'decision notice posted');
    return 'sent';
  } catch (error) {
    const { retryAfterMs, message } = classifyDeliveryError(error);
    const attempts = row.attempts + 1;
    if (attempts >= MAX_NOTICE_ATTEMPTS) {
      store.decisionNotices.failed(row.pendingId, at(), `gave up after ${attempts} attempts: ${message}`);
      logger.error({ ...where, attempts, err: message }, 'could not tell the proposer the decision; given up');
      return 'failed';
    }
    const wait = Math.max(retryAfterMs ?? 0, NOTICE_BACKOFF_MS[attempts - 1]!);
    store.decisionNotices.retry(row.pendingId, new Date(clock.now().getTime() + wait).toISOString(), message);
    logger.warn({ ...where, attempts, err: message }, 'could not tell the proposer the decision; will retry');
    return 'retried';
  }
}
