import type { webApi } from '@slack/bolt';
import type { DeliverySender } from '../../src/delivery/capabilities.ts';
import { AccessRevokedError } from '../../src/delivery/errors.ts';
import type { Logger } from '../../src/logger.ts';
import type { Language } from '../../src/i18n/index.ts';
import type { Reply } from '../../src/reply.ts';
import { DELIVERY_EVENT_TYPE } from './constants.ts';
import { deliveryErrorOf } from './delivery-errors.ts';
import { uploadAttachments } from './files.ts';
import type { SlackMessage } from './render-blocks.ts';

/** How far back a restart looks for a post a crash interrupted (the newest messages). */
const HISTORY_LOOKBACK = 100;

/**
 * Posts to Slack channels with chat.postMessage. Slack has no nonce, so the delivery key
 * travels in the message metadata (`event_type: sheriff_watch_delivery`,
 * `event_payload.key`), and after a crash `findDelivered` looks for it in the channel's
 * recent history: found, the post is recorded instead of repeated; not found, it is resent.
 */
export function slackChannelSender(
  /** The client for the channel's workspace (one token: always the same; many: that workspace's). Throws AccessRevokedError when none. */
  clientFor: (workspaceId: string | undefined) => webApi.WebClient,
  render: (reply: Reply, language?: Language) => SlackMessage,
  logger: Logger,
  /** Told when Slack refuses a workspace's token, so it is not used again. */
  onAccessLost?: (workspaceId: string | undefined) => void,
): DeliverySender {
  return {
    platform: 'slack',
    async findDelivered(channelId, key, workspaceId) {
      const client = clientFor(workspaceId);
      const history = await client.conversations.history({ channel: channelId, limit: HISTORY_LOOKBACK, include_all_metadata: true });
      if (!history.ok) throw new Error(`conversations.history for ${channelId} failed: ${history.error ?? 'unknown'}`);
      const found = history.messages?.find((m) => {
        const metadata = m.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
        return metadata?.event_type === DELIVERY_EVENT_TYPE && metadata.event_payload?.key === key;
      });
      // A full page without the key may mean the post scrolled out of reach: say unknown, not absent.
      if (!found?.ts && history.has_more && (history.messages?.length ?? 0) >= HISTORY_LOOKBACK) {
        throw new Error(`delivery ${key} not in the last ${HISTORY_LOOKBACK} messages of ${channelId}`);
      }
      return found?.ts ? { messageId: found.ts } : null;
    },
    async send(channelId, reply, { key, language, workspaceId }) {
      const client = clientFor(workspaceId);
      const message = render(reply, language);
      const result = await client.chat
        .postMessage({
          channel: channelId,
          text: message.text,
          blocks: message.blocks,
          metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
          unfurl_links: false,
          unfurl_media: false,
        })
        .catch((error: unknown) => {
          const mapped = deliveryErrorOf(error, channelId);
          if (mapped instanceof AccessRevokedError) onAccessLost?.(workspaceId);
          throw mapped;
        });
      if (!result.ok || !result.ts) throw new Error(`chat.postMessage to ${channelId} failed: ${result.error ?? 'no ts returned'}`);
      if (reply.attachments?.length) {
        // The message is out: a failed file must not make the caller retry (and post twice).
        try {
          await uploadAttachments(client, channelId, reply.attachments, result.ts);
        } catch (error) {
          logger.error({ err: error, channel: channelId, key, files: reply.attachments.map((a) => a.filename) }, 'could not attach files to a Slack delivery');
        }
      }
      return { messageId: result.ts };
    },
  };
}
