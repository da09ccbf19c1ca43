/**
 * Discord's errors for a post → the core's delivery errors, so the scheduler decides from the
 * type alone. Codes: https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
 */
import { DiscordAPIError, RateLimitError } from 'discord.js';
import { ChannelNotFoundError, NoAccessError, PermanentDeliveryError, RetryAfterError } from '../../src/delivery/errors.ts';

const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;
const THREAD_ARCHIVED = 50083;

/** The core's error for what discord.js threw; anything unknown is returned as it is (transient). */
export function deliveryErrorOf(error: unknown, channelId: string): unknown {
  const options = { cause: error };
  if (error instanceof DiscordAPIError) {
    const what = `Discord ${error.code} for channel ${channelId}: ${error.message}`;
    switch (error.code) {
      case UNKNOWN_CHANNEL:
        return new ChannelNotFoundError(what, options);
      case MISSING_ACCESS:
      case MISSING_PERMISSIONS:
        return new NoAccessError(what, options);
      case THREAD_ARCHIVED:
        return new PermanentDeliveryError('archived', what, options);
    }
  }
  // Only when the REST client is told to reject on rate limits; by default it waits by itself.
  if (error instanceof RateLimitError) return new RetryAfterError(error.retryAfter, `Discord rate limit on ${error.route} for channel ${channelId}`, options);
  return error;
}
