/**
 * Why a channel can never receive a post until a person acts: the channel was deleted, the
 * bot was removed or lost permission, or the channel was archived.
 */
export type PermanentReason = 'channel_gone' | 'no_access' | 'archived';

/**
 * Thrown by a ChannelSender when retrying cannot help. The scheduler pauses the subscription,
 * tells a moderator where it can, and never retries the delivery. Anything else a sender
 * throws counts as transient and is retried a few times with backoff.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
  constructor(
    readonly reason: PermanentReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Discord JSON error codes that mean the channel is gone or closed to the bot. */
const DISCORD_PERMANENT: Record<number, PermanentReason> = {
  10003: 'channel_gone', // Unknown Channel
  50001: 'no_access', // Missing Access
  50013: 'no_access', // Missing Permissions
  50083: 'archived', // Thread is archived
};

/** Slack Web API errors that mean the same. */
const SLACK_PERMANENT: Record<string, PermanentReason> = {
  channel_not_found: 'channel_gone',
  not_in_channel: 'no_access',
  is_archived: 'archived',
  restricted_action: 'no_access',
  access_denied: 'no_access',
  account_inactive: 'no_access',
  invalid_auth: 'no_access',
  team_access_not_granted: 'no_access',
};

/**
 * Permanent or transient. Senders should throw PermanentDeliveryError; until every adapter
 * does, the platform errors that discord.js (`code`) and the Slack Web API (`data.error`)
 * raise for a lost channel are recognised by shape, so the core never imports a chat library.
 */
export function classifyDeliveryError(error: unknown): { permanent: PermanentReason | null; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PermanentDeliveryError) return { permanent: error.reason, message };
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && DISCORD_PERMANENT[code]) return { permanent: DISCORD_PERMANENT[code], message };
    const slack = (error as { data?: { error?: unknown } }).data?.error;
    if (typeof slack === 'string' && SLACK_PERMANENT[slack]) return { permanent: SLACK_PERMANENT[slack], message };
  }
  return { permanent: null, message };
}

export const PERMANENT_REASON_TEXT: Record<PermanentReason, string> = {
  channel_gone: 'the channel was deleted or the bot can no longer see it',
  no_access: 'the bot lost permission to post there',
  archived: 'the channel is archived',
};
