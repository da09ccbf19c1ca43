/**
 * Posts the trust model makes unasked: a new proposal to the editors' channel of each
 * platform (the core's "tell the editors" path, EditorNotifier), and a decision to the channel
 * where it was proposed (an interaction token expires after 15 minutes, so the answer to the
 * command cannot carry it), sent from the outbox and retried there (decision-outbox.ts). Each
 * running adapter is registered with its sender and editors' channel; a post that fails is
 * logged and never blocks the command.
 */
import type { ChannelSender } from '../delivery/channel-sender.ts';
import type { EditorNotifier } from '../delivery/editor-notifier.ts';
import type { Language } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';
import type { Clock } from '../clock.ts';
import type { Store } from '../store/index.ts';
import { sendDueDecisions, type OutboxReport } from './decision-outbox.ts';

export type NoticePlatform = ChannelSender['platform'];

/** A reply in a language: notices are rendered for the channel that receives them. */
export type NoticeText = (language: Language) => Reply;

export class NoticeBoard {
  private readonly senders = new Map<NoticePlatform, ChannelSender>();
  private readonly editors = new Map<NoticePlatform, EditorNotifier>();
  /** Posts in flight, so a test or a shutdown can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** A running platform: its sender, and its editors' channel when the operator named one. */
  register(sender: ChannelSender, editors?: EditorNotifier): void {
    this.senders.set(sender.platform, sender);
    if (editors) this.editors.set(sender.platform, editors);
  }

  /** Tells the editors, on every platform with an editors' channel (in English: editors share one record). */
  toEditors(key: string, text: NoticeText): void {
    for (const [platform, editors] of this.editors) {
      this.track(editors.tellEditors(text('en'), { key, language: 'en' }), { platform, channel: editors.channelId, key });
    }
  }

  /**
   * Sends the decisions due in the outbox (decision_notices) through the registered senders;
   * called after each decision and every minute (startDecisionRetry) for the retries.
   */
  sendDecisions(store: Store, clock: Clock): Promise<OutboxReport> {
    const sending = sendDueDecisions(store, clock, this.logger, this.senders);
    this.track(sending, { platform: '*', channel: '*', key: 'decisions' }, false);
    return sending;
  }

  /** Resolves when every notice posted so far has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private track(posting: Promise<unknown>, where: { platform: string; channel: string; key: string }, logPosted = true): void {
    const sending: Promise<void> = posting
      .then(() => {
        if (logPosted) this.logger.info(where, 'notice posted');
      })
      .catch((error: unknown) => this.logger.error({ err: error, ...where }, 'could not post a notice'))
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }
}
