import { scopeText } from './reminder.ts';
import type { Store } from '../store/index.ts';
import type { SubscriptionKind } from '../store/subscriptions.ts';

/** One channel's subscription, as shown in Slack's App Home and `subscriptions`. */
export interface ChannelSubscriptionSummary {
  channelId: string;
  /** 'Travis County, TX' or 'Texas'. */
  scope: string;
  kinds: SubscriptionKind[];
  paused: boolean;
}

/** Every subscription of one server/workspace on one platform. */
export function workspaceSubscriptions(
  store: Store,
  platform: 'discord' | 'slack' | 'console',
  workspaceId: string,
): ChannelSubscriptionSummary[] {
  return store.subscriptions.forWorkspace(platform, workspaceId).map((s) => ({
    channelId: s.channelId,
    scope: scopeText(store, s),
    kinds: s.kinds,
    paused: s.pausedAt !== null,
  }));
}
