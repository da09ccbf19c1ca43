import type { Language } from '../i18n/index.ts';
import type { Reply } from '../reply.ts';

/** How one post is made. */
export interface SendOptions {
  /** Stable idempotency key of the delivery (see `send`). */
  key: string;
  /** The channel's language, for the adapter's own words (buttons, page lines); English if absent. */
  language?: Language;
  /**
   * The server/workspace the channel belongs to, when known: an adapter serving many
   * workspaces posts with that workspace's credentials. Absent: the adapter's own default.
   */
  workspaceId?: string;
}

/**
 * How the core posts to a channel without being asked (reminders, change alerts).
 * Each platform adapter provides one; the core never imports a chat library.
 */
export interface ChannelSender {
  platform: 'discord' | 'slack' | 'console';
  /**
   * Posts `reply` to the channel. `key` is a stable idempotency key for this delivery
   * (at most 25 characters, so it fits Discord's message nonce); a platform that can
   * deduplicate on it must, so that a retry after a crash never posts twice.
   */
  send(channelId: string, reply: Reply, options: SendOptions): Promise<{ messageId: string }>;
}
