import type { Reply } from '../reply.ts';

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
  send(channelId: string, reply: Reply, options: { key: string }): Promise<{ messageId: string }>;
}
