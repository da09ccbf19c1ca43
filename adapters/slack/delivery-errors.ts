/**
 * The Slack Web API's errors for a post → the core's delivery errors, so the scheduler decides
 * from the type alone. Error strings: https://api.slack.com/methods/chat.postMessage#errors
 */
import { webApi } from '@slack/bolt';
import { AccessRevokedError, ChannelNotFoundError, NoAccessError, PermanentDeliveryError, RetryAfterError } from '../../src/delivery/errors.ts';

const NOT_FOUND = new Set(['channel_not_found']);
const NO_ACCESS = new Set(['not_in_channel', 'restricted_action', 'access_denied', 'team_access_not_granted']);
/** The workspace's token no longer works (uninstalled, revoked, the bot deactivated): nothing there can be posted. */
export const REVOKED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);
const ARCHIVED = new Set(['is_archived']);

/** The core's error for what the Web API client threw; anything unknown is returned as it is (transient). */
export function deliveryErrorOf(error: unknown, channelId: string): unknown {
  const options = { cause: error };
  const coded = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown };
  if (coded?.code === webApi.ErrorCode.PlatformError && typeof coded.data?.error === 'string') {
    const code = coded.data.error;
    const what = `Slack ${code} for channel ${channelId}`;
    if (NOT_FOUND.has(code)) return new ChannelNotFoundError(what, options);
    if (NO_ACCESS.has(code)) return new NoAccessError(what, options);
    if (REVOKED.has(code)) return new AccessRevokedError(what, options);
    if (ARCHIVED.has(code)) return new PermanentDeliveryError('archived', what, options);
  }
  // Only when the client is told to reject rate-limited calls; by default it waits by itself.
  if (coded?.code === webApi.ErrorCode.RateLimitedError && typeof coded.retryAfter === 'number') {
    return new RetryAfterError(coded.retryAfter * 1000, `Slack rate limit for channel ${channelId}`, options);
  }
  return error;
}
