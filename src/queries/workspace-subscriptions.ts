// STUB: interface agreed with the reminders work, which replaces the body.
import type { Store } from '../store/index.ts';

/** One channel's subscription, as shown in Slack's App Home and `subscriptions`. */
export interface ChannelSubscriptionSummary {
  channelId: string;
  /** 'Travis County, TX' or 'Texas'. */
  scope: string;
  kinds: ('elections' | 'meetings' | 'positions')[];
  paused: boolean;
}

/** Every subscription of one server/workspace on one platform. */
export function workspaceSubscriptions(
  _store: Store,
  _platform: 'discord' | 'slack' | 'console',
  _workspaceId: string,
): ChannelSubscriptionSummary[] {
  return [];
}
