import type { Writable } from 'node:stream';
import type { CommandRegistry } from '../../src/framework/registry.ts';
import { invocationText } from '../../src/framework/invocation-text.ts';
import type { DeliverySender } from '../../src/delivery/capabilities.ts';
import { renderText } from './render.ts';

/**
 * The console's ChannelSender: prints what the bot would post, marked with the channel. It
 * has no idempotency key, so a reminder interrupted mid-print by a crash is not printed again.
 */
export function consoleSender(output: Writable, registry: CommandRegistry): DeliverySender {
  const commandLine = (invocation: Parameters<typeof invocationText>[1]) => invocationText(registry, invocation);
  return {
    platform: 'console',
    async send(channelId, reply, { key }) {
      output.write(`\n[posted to #${channelId}]\n${renderText(reply, { commandLine })}\n\n`);
      return { messageId: `console:${key}` };
    },
  };
}
