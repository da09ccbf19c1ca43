import type { webApi } from '@slack/bolt';
import type { ChannelSender } from '../../src/delivery/channel-sender.ts';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/reply.ts';
import { DELIVERY_EVENT_TYPE } from './constants.ts';
import { uploadAttachments } from './files.ts';
import type { SlackMessage } from './render-blocks.ts';

/**
 * Posts to Slack channels with chat.postMessage. Slack has no nonce, so a post cannot be
 * deduplicated by Slack itself: the delivery key travels in the message metadata
 * (`event_type: sheriff_watch_delivery`, `event_payload.key`), where an operator or a later
 * check can find it. The window left: a crash after Slack accepted the post but before the
 * caller stored the returned ts, followed by a retry, posts twice.
 */
export function slackChannelSender(
  client: webApi.WebClient,
  render: (reply: Reply) => SlackMessage,
  logger: Logger,
): ChannelSender {
  return {
    platform: 'slack',
    async send(channelId, reply, { key }) {
      const message = render(reply);
      const result = await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
        unfurl_links: false,
        unfurl_media: false,
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
