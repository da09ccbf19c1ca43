// Sends claimed ledger rows: 'sending' is recorded just before the platform call and the
// outcome just after. Permanent errors pause the subscription; transient ones retry a few times.
import type { Clock } from '../clock.ts';
import type { DeliverySender } from '../delivery/capabilities.ts';
import type { EditorNotifier } from '../delivery/editor-notifier.ts';
import { classifyDeliveryError, PERMANENT_REASON_TEXT, type PermanentReason } from '../delivery/errors.ts';
import type { Logger } from '../logger.ts';
import { pauseWorkspace } from '../delivery/pause-workspace.ts';
import type { Reply } from '../reply.ts';
import type { Delivery } from '../store/deliveries.ts';
import type { Store } from '../store/index.ts';
import type { Platform, Subscription } from '../store/subscriptions.ts';
import { inScope, type LocatedChange } from './alerts.ts';
import { locate } from './locate.ts';
import { rosterRowsOf } from './roster-alerts.ts';
import type { PlanningCache } from './planning-cache.ts';
import { renderAlert, renderPausedNotice } from '../present/alert.ts';
import { renderAgendaAlert } from '../present/agenda-alert.ts';
import { renderReminder, type RenderContext } from '../present/reminder.ts';
import type { Language } from '../i18n/index.ts';

/** Waits before attempts 2, 3, 4, 5 of a delivery that failed for a transient reason. */
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
const BATCH = 500;
/** A claimed row sent this long after it was due (e.g. after a restart) says it is late. */
const LATE_SEND_MS = 30 * 60_000;

export interface DelivererOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  senders: readonly DeliverySender[];
  /** The editors' channel per platform, where the operator named one: told when a channel is lost. */
  editors?: Partial<Record<Platform, EditorNotifier>>;
  hasCommand(name: string): boolean;
  cache: PlanningCache;
  keyPrefix: string;
  concurrency?: number;
  maxAttempts?: number;
  /** Whether this process still holds the scheduler lease: no send starts without it. */
  holdsLease?: () => boolean;
}

type Prepared = { reply: Reply; late: boolean; language: Language } | { skip: string };

export class Deliverer {
  private readonly senders: Map<Platform, DeliverySender>;
  private readonly draining = new Map<Platform, Promise<void>>();
  private readonly again = new Set<Platform>();
  private readonly render: RenderContext;

  constructor(private readonly options: DelivererOptions) {
    this.senders = new Map(options.senders.map((s) => [s.platform, s]));
    this.render = { store: options.store, hasCommand: options.hasCommand };
  }

  /** The idempotency key of a row: at most 25 characters (Discord's nonce). */
  keyOf(id: number): string {
    return `sw-${this.options.keyPrefix}-${id.toString(36)}`;
  }

  /**
   * Rows left 'sending' by a crash: the platform may or may not have posted them. Found by
   * the sender's lookup → sent; within the platform's dedupe window → sent again with the same
   * key (the platform returns the first message); otherwise → 'uncertain', not resent.
   */
  async recover(): Promise<void> {
    const { store, logger } = this.options;
    const now = this.options.clock.now().getTime();
    for (const [platform, sender] of this.senders) {
      for (const row of store.deliveries.inFlight(platform)) {
        const key = this.keyOf(row.id);
        if (sender.findDelivered) {
          const workspaceId = store.subscriptions.byId(row.subscriptionId)?.workspaceId;
          const found = await sender.findDelivered(row.channelId, key, workspaceId).catch(() => undefined);
          if (found) {
            store.deliveries.markSent(row.id, found.messageId, new Date(now).toISOString(), row.late);
            continue;
          }
          if (found === null) {
            store.deliveries.requeue(row.id);
            continue;
          }
        }
        const attemptedAt = row.attemptedAt ? Date.parse(row.attemptedAt) : 0;
        if (sender.dedupeWindowMs && now - attemptedAt < sender.dedupeWindowMs) {
          store.deliveries.requeue(row.id);
        } else {
          store.deliveries.finish(row.id, 'uncertain', new Date(now).toISOString(), `interrupted while posting; ${platform} cannot tell whether it was posted, so it was not sent again`);
          logger.warn({ delivery: row.id, platform, channel: row.channelId }, 'delivery interrupted by a restart; not resent');
        }
      }
    }
  }

  /** Sends every claimed row (and retries whose time has come) on every platform. */
  async drainAll(): Promise<void> {
    await Promise.all([...this.senders.keys()].map((platform) => this.drain(platform)));
  }

  private drain(platform: Platform): Promise<void> {
    const running = this.draining.get(platform);
    if (running) {
      this.again.add(platform);
      return running;
    }
    const run = (async () => {
      do {
        this.again.delete(platform);
        await this.drainOnce(platform);
      } while (this.again.has(platform));
    })().finally(() => this.draining.delete(platform));
    this.draining.set(platform, run);
    return run;
  }

  private async drainOnce(platform: Platform): Promise<void> {
    const { store, clock } = this.options;
    const sender = this.senders.get(platform)!;
    const memo = new Map<string, Prepared>();
    const retries = store.deliveries.retriesDue(platform, clock.now().toISOString(), BATCH);
    await this.pool(retries, (row) => this.deliver(sender, row, memo));
    let afterId = 0;
    for (;;) {
      if (!(this.options.holdsLease?.() ?? true)) break;
      const batch = store.deliveries.claimed(platform, afterId, BATCH);
      if (!batch.length) break;
      afterId = batch.at(-1)!.id;
      await this.pool(batch, (row) => this.deliver(sender, row, memo));
    }
  }

  private async pool(rows: Delivery[], work: (row: Delivery) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < rows.length && (this.options.holdsLease?.() ?? true)) await work(rows[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, rows.length) }, worker));
  }

  private async deliver(sender: DeliverySender, row: Delivery, memo: Map<string, Prepared>): Promise<void> {
    const { store, clock, logger } = this.options;
    const at = () => clock.now().toISOString();
    const subscription = store.subscriptions.byId(row.subscriptionId);
    if (!/^(?:change|digest|notice)$/.test(row.lead)) {
      // The occurrence is read from the planning cache: bring it up to date in slices first,
      // so a row due before what the cache holds does not re-expand everything at once.
      const now = clock.now().getTime();
      await this.options.cache.prepare([...this.senders.keys()], Math.min(Date.parse(row.dueAt), now), now);
    }
    const prepared = this.prepare(row, subscription, memo);
    if ('skip' in prepared) {
      store.deliveries.finish(row.id, 'skipped', at(), prepared.skip);
      return;
    }
    const key = this.keyOf(row.id);
    if (row.attempts > 0) {
      // The failed attempt may have posted before its answer was lost: send again only when
      // that can be ruled out (the post is not found) or cannot show twice (same nonce, in time).
      const earlier = await this.earlierAttempt(sender, row, key, subscription?.workspaceId);
      if (earlier === 'unknown') {
        store.deliveries.finish(row.id, 'uncertain', at(), 'a retry could not tell whether the failed attempt was posted, so it was not sent again');
        logger.warn({ delivery: row.id, channel: row.channelId }, 'retry abandoned: earlier attempt may have posted');
        return;
      }
      if (earlier !== 'resend' && store.deliveries.markSending(row.id, at())) {
        store.deliveries.markSent(row.id, earlier.messageId, at(), prepared.late);
        return;
      }
    }
    if (!store.deliveries.markSending(row.id, at())) return; // someone else has it
    try {
      const editors = this.options.editors?.[sender.platform];
      const result = row.lead === 'notice' && editors?.channelId === row.channelId
        ? await editors.tellEditors(prepared.reply, { key, language: prepared.language })
        : await sender.send(row.channelId, prepared.reply, { key, language: prepared.language, ...(subscription ? { workspaceId: subscription.workspaceId } : {}) });
      store.deliveries.markSent(row.id, result.messageId, at(), prepared.late);
    } catch (error) {
      const { permanent, retryAfterMs, message } = classifyDeliveryError(error);
      if (permanent) {
        this.pauseFor(row, subscription, permanent, message);
        logger.warn({ delivery: row.id, channel: row.channelId, reason: permanent, err: message }, 'channel unreachable; subscription paused');
        return;
      }
      const attempts = row.attempts + 1;
      if (attempts >= (this.options.maxAttempts ?? 5)) {
        store.deliveries.finish(row.id, 'failed', at(), `gave up after ${attempts} attempts: ${message}`);
        logger.error({ delivery: row.id, channel: row.channelId, err: message }, 'delivery failed; giving up');
      } else {
        const backoff = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;
        // A nonce only deduplicates for a few minutes: retry within that window, or not at all.
        const wait = retryAfterMs ?? (sender.dedupeWindowMs && !sender.findDelivered ? Math.min(backoff, Math.floor(sender.dedupeWindowMs / 5)) : backoff);
        store.deliveries.markRetry(row.id, new Date(clock.now().getTime() + wait).toISOString(), message);
        logger.warn({ delivery: row.id, channel: row.channelId, attempts, err: message }, 'delivery failed; will retry');
      }
    }
  }

  /**
   * What became of the last failed attempt: found posted; known not posted (or a resend would
   * be deduplicated by the platform): resend; or unknown.
   */
  private async earlierAttempt(sender: DeliverySender, row: Delivery, key: string, workspaceId: string | undefined): Promise<{ messageId: string } | 'resend' | 'unknown'> {
    if (sender.findDelivered) {
      const found = await sender.findDelivered(row.channelId, key, workspaceId).catch(() => undefined);
      return found === undefined ? 'unknown' : (found ?? 'resend');
    }
    if (!sender.dedupeWindowMs) return 'resend'; // a sender that can neither look up nor deduplicate (console, tests)
    const attemptedAt = row.attemptedAt ? Date.parse(row.attemptedAt) : 0;
    return this.options.clock.now().getTime() - attemptedAt < sender.dedupeWindowMs ? 'resend' : 'unknown';
  }

  /** The reply for a row, or why it is no longer worth sending. */
  private prepare(row: Delivery, subscription: Subscription | undefined, memo: Map<string, Prepared>): Prepared {
    if (!subscription || subscription.endedAt) return { skip: 'unsubscribed before it was sent' };
    if (row.lead === 'notice') {
      // The notice goes to the editors' channel or another channel: that channel's language.
      const language = this.languageOf({ platform: subscription.platform, workspaceId: subscription.workspaceId, channelId: row.channelId });
      return { reply: renderPausedNotice(this.render, subscription, subscription.pausedReason ?? 'unreachable', language), late: false, language };
    }
    if (subscription.pausedAt) return { skip: 'the subscription is paused' };
    const now = this.options.clock.now().getTime();
    const late = row.late || now - Date.parse(row.dueAt) > LATE_SEND_MS;
    const scope = { state: subscription.state, fips: subscription.fips };
    const language = this.languageOf(subscription);
    const memoKey = `${row.occurrenceKey} ${row.lead} ${late} ${scope.fips ?? scope.state} ${language}`;
    const cached = memo.get(memoKey);
    if (cached) return cached;
    const prepared = row.lead === 'agenda'
      ? this.prepareAgenda(row, late, language)
      : row.lead === 'change' || row.lead === 'digest'
        ? this.prepareAlert(row, subscription, late, language)
        : this.prepareReminder(row, subscription, now, late, language);
    memo.set(memoKey, prepared);
    return prepared;
  }

  /** The language of the channel a message goes to (its own setting, else its server/workspace's, else English). */
  private languageOf(channel: Pick<Subscription, 'platform' | 'workspaceId' | 'channelId'>): Language {
    return this.options.store.languages.get({ platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId }) ?? 'en';
  }

  private prepareReminder(row: Delivery, subscription: Subscription, now: number, late: boolean, language: Language): Prepared {
    const from = Math.min(Date.parse(row.dueAt), now);
    const occurrence = this.options.cache.occurrencesFor([...this.senders.keys()], from, now).byKey.get(row.occurrenceKey);
    if (!occurrence) return { skip: 'the event is no longer scheduled (cancelled or moved)' };
    if (now >= occurrence.meaningfulUntil) return { skip: 'the event had already started' };
    return { reply: renderReminder(this.render, occurrence, { now, late, scope: { state: subscription.state, fips: subscription.fips }, language }), late, language };
  }

  private prepareAgenda(row: Delivery, late: boolean, language: Language): Prepared {
    const alert = this.options.store.agendaAlerts.byId(Number(row.occurrenceKey.replace(/^agenda:/, '')));
    const reply = alert && renderAgendaAlert(this.render, alert, { late, language });
    return reply ? { reply, late, language } : { skip: 'the meeting is no longer on record' };
  }

  private prepareAlert(row: Delivery, subscription: Subscription, late: boolean, language: Language): Prepared {
    const rows = this.alertRows(row.occurrenceKey).filter((r) => inScope(subscription, r));
    if (!rows.length) return { skip: 'the change is no longer in this subscription’s scope' };
    const group = { key: row.occurrenceKey, lead: row.lead as 'change' | 'digest', at: Date.parse(row.dueAt), rows };
    return { reply: renderAlert(this.render, group, rows, { late, scope: { state: subscription.state, fips: subscription.fips }, language }), late, language };
  }

  /** The rows an alert key names: 'change:<id>' or 'digest:<first>-<last>' (position history), 'roster:<first>-<last>'. */
  private alertRows(key: string): LocatedChange[] {
    const roster = rosterRowsOf(this.options.store, key);
    if (roster) return roster;
    const match = /^(?:change:(\d+)|digest:(\d+)-(\d+))$/.exec(key);
    if (!match) return [];
    const first = Number(match[1] ?? match[2]);
    const last = Number(match[1] ?? match[3]);
    const rows = this.options.store.positionHistory.since(first - 1).filter((r) => r.id <= last);
    return locate(this.options.store, rows);
  }

  /**
   * The channel is gone or closed: this row fails, the subscription pauses (its other open
   * rows are skipped), and one notice goes to the editors — in their channel when the operator
   * named one, else in another subscribed channel of the same server/workspace.
   */
  private pauseFor(row: Delivery, subscription: Subscription | undefined, reason: PermanentReason, message: string): void {
    const { store } = this.options;
    const at = this.options.clock.now().toISOString();
    store.deliveries.transaction(() => {
      store.deliveries.finish(row.id, 'failed', at, `${reason}: ${message}`);
      if (!subscription || row.lead === 'notice') return;
      if (reason === 'access_revoked') {
        // Nowhere in that workspace can hear it: pause all of it, tell nobody there.
        pauseWorkspace(store, subscription, PERMANENT_REASON_TEXT[reason], { by: 'scheduler', at });
        return;
      }
      if (!store.subscriptions.pause(subscription.id, PERMANENT_REASON_TEXT[reason], { by: 'scheduler', at })) return;
      for (const id of store.deliveries.openFor(subscription.id)) store.deliveries.finish(id, 'skipped', at, 'the subscription was paused');
      const editors = this.options.editors?.[subscription.platform]?.channelId;
      const elsewhere = editors && editors !== subscription.channelId
        ? editors
        : store.subscriptions.forWorkspace(subscription.platform, subscription.workspaceId).find((s) => s.channelId !== subscription.channelId && !s.pausedAt)?.channelId;
      const entry = {
        subscriptionId: subscription.id,
        occurrenceKey: `paused@${at}`,
        lead: 'notice',
        platform: subscription.platform,
        channelId: elsewhere ?? '',
        dueAt: at,
        late: false,
      };
      if (elsewhere) store.deliveries.claim(entry, at);
      else store.deliveries.skip(entry, 'no editors\' channel and no other subscribed channel to tell', at);
    });
    this.again.add(subscription?.platform ?? (row.platform as Platform));
  }
}
