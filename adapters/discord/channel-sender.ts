/**
 * Posts a neutral reply to a channel unprompted (reminders, alerts). The delivery key is the
 * message nonce with `enforce_nonce`, so Discord returns the first message instead of
 * posting again when a delivery is retried.
 */
import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { DeliverySender } from '../../src/delivery/capabilities.ts';
import type { SendOptions } from '../../src/delivery/channel-sender.ts';
import type { Language } from '../../src/i18n/index.ts';
import type { Reply } from '../../src/reply.ts';
import { deliveryErrorOf } from './delivery-errors.ts';
import type { DiscordMessage } from './render-embed.ts';

/** Discord's nonce limit. */
export const MAX_NONCE = 25;

/** The key itself when it fits; otherwise a stable 25-character digest of it. */
export function nonceFor(key: string): string {
  return key.length <= MAX_NONCE ? key : createHash('sha256').update(key).digest('base64url').slice(0, MAX_NONCE);
}

/** The message id of a reply's first message. */

/**
 * Discord checks a nonce with enforce_nonce for uniqueness "in the past few minutes"; we
 * count on two, so a delivery whose outcome a crash left unknown is resent only within it.
 */
export const NONCE_DEDUPE_WINDOW_MS = 2 * 60_000;

export function createChannelSender(rest: REST, render: (reply: Reply, language?: Language) => DiscordMessage): DeliverySender {
  return {
    platform: 'discord',
    dedupeWindowMs: NONCE_DEDUPE_WINDOW_MS,
    async send(channelId, reply, options) {
      try {
        return await post(channelId, reply, options);
      } catch (error) {
        throw deliveryErrorOf(error, channelId);
      }
    },
  };

  async function post(channelId: string, reply: Reply, { key, language }: SendOptions): Promise<{ messageId: string }> {
    const message = render(reply, language);
    let firstId = '';
    for (const [i, part] of message.parts.entries()) {
      const first = i === 0;
      const created = (await rest.post(Routes.channelMessages(channelId), {
        body: {
          embeds: [part],
          allowed_mentions: { parse: [] },
          // Each part dedupes on its own nonce, so a retry never posts any part twice.
          nonce: nonceFor(first ? key : `${key}#${i}`),
          enforce_nonce: true,
          ...(first ? { components: message.components } : {}),
          ...(first && message.files.length ? { attachments: message.files.map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
        },
        files: first ? message.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })) : [],
      })) as { id: string };
      if (first) firstId = created.id;
    }
    return { messageId: firstId };
  }
}
