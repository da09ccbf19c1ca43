/**
 * Posts the trust model makes unasked: a new proposal to the editors' channel of each
 * platform, and a decision to the channel where it was proposed (an interaction token expires
 * after 15 minutes, so the answer to the command cannot carry it). Adapters register their
 * ChannelSender when they start; a post that fails is logged and never blocks the command.
 */
import type { ChannelSender } from '../delivery/channel-sender.ts';
import type { Language } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Reply } from '../reply.ts';

export type NoticePlatform = ChannelSender['platform'];

/** A reply in a language: notices are rendered for the channel that receives them. */
export type NoticeText = (language: Language) => Reply;

export interface EditorChannels {
  discord?: string | undefined;
  slack?: string | undefined;
}

export class NoticeBoard {
  private readonly senders = new Map<NoticePlatform, ChannelSender>();
  /** Posts in flight, so a test or a shutdown can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly editorChannels: EditorChannels,
    private readonly logger: Logger,
  ) {}

  register(sender: ChannelSender): void {
    this.senders.set(sender.platform, sender);
  }

  /** Whether any platform has an editors' channel to post proposals to. */
  hasEditorChannel(): boolean {
    return [...this.senders.keys()].some((p) => p !== 'console' && this.editorChannels[p]);
  }

  /** Tells the editors, on every platform with an editors' channel (in English: editors share one record). */
  toEditors(key: string, text: NoticeText): void {
    for (const [platform, sender] of this.senders) {
      const channelId = platform === 'console' ? undefined : this.editorChannels[platform];
      if (channelId) this.post(sender, channelId, key, text, 'en');
    }
  }

  /** Posts to one channel on one platform (where a proposal was made), in that channel's language. */
  toChannel(platform: string, channelId: string, key: string, text: NoticeText, language: Language): void {
    const sender = this.senders.get(platform as NoticePlatform);
    if (!sender) {
      this.logger.warn({ platform, channel: channelId, key }, 'no sender for a notice; it was not posted');
      return;
    }
    this.post(sender, channelId, key, text, language);
  }

  /** Resolves when every notice posted so far has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private post(sender: ChannelSender, channelId: string, key: string, text: NoticeText, language: Language): void {
    const sending = sender
      .send(channelId, text(language), { key, language })
      .then(() => this.logger.info({ platform: sender.platform, channel: channelId, key }, 'notice posted'))
      .catch((error: unknown) => this.logger.error({ err: error, platform: sender.platform, channel: channelId, key }, 'could not post a notice'))
      .finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }
}
