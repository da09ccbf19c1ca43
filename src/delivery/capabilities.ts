import type { ChannelSender } from './channel-sender.ts';

/**
 * What a sender can optionally do beyond `send`, so the scheduler can close the window a
 * crash leaves (a post made but its outcome not recorded). Adapters add what their platform
 * allows; a plain ChannelSender has none of these and is still a DeliverySender.
 */
export interface DeliveryCapabilities {
  /**
   * How long the platform deduplicates a repeated key, in ms (Discord: the message nonce with
   * enforce_nonce, a few minutes). Within it, a delivery whose outcome is unknown is resent
   * with the same key; the platform returns the first message instead of posting again.
   */
  dedupeWindowMs?: number;
  /** Looks up a message already posted with this key (e.g. Slack message metadata), in the channel's server/workspace. */
  findDelivered?(channelId: string, key: string, workspaceId?: string): Promise<{ messageId: string } | null>;
}

export type DeliverySender = ChannelSender & DeliveryCapabilities;
