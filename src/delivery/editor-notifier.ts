import type { Language } from '../i18n/index.ts';
import type { Reply } from '../reply.ts';
import type { ChannelSender } from './channel-sender.ts';

/**
 * How the core tells a platform's editors something nobody asked for (a channel that stopped
 * receiving reminders; later proposals and import reports): a post to the channel the operator
 * named for them (DISCORD_EDITOR_CHANNEL_ID, SLACK_EDITOR_CHANNEL_ID).
 */
export interface EditorNotifier {
  /** The editors' channel on this platform. */
  readonly channelId: string;
  /**
   * Posts `reply` there. `key` is the delivery's idempotency key, as for ChannelSender.send;
   * throws the same delivery errors (a lost editors' channel is a PermanentDeliveryError).
   */
  tellEditors(reply: Reply, options: { key: string; language?: Language }): Promise<{ messageId: string }>;
}

/** The editors' channel through the platform's own sender; undefined when the operator named none. */
export function editorsChannel(sender: ChannelSender, channelId: string | undefined): EditorNotifier | undefined {
  if (!channelId) return undefined;
  return { channelId, tellEditors: (reply, { key, language }) => sender.send(channelId, reply, { key, ...(language ? { language } : {}) }) };
}
