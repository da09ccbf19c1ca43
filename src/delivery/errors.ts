/**
 * What a sender throws when a post fails, so the core decides from the type alone: each adapter
 * turns its platform's errors into these, and the core holds no platform's codes.
 */

/**
 * Why a channel can never receive a post until a person acts: the channel was deleted, the
 * bot was removed or lost permission, the channel was archived, or the whole server/workspace
 * took the bot's access away (uninstalled it, revoked its token).
 */
export type PermanentReason = 'channel_gone' | 'no_access' | 'archived' | 'access_revoked';

/**
 * Retrying cannot help. The scheduler pauses the subscription, tells the editors where it can,
 * and never retries the delivery. Anything a sender throws that is not one of these classes
 * counts as transient and is retried a few times with backoff.
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

/** The channel does not exist (deleted), or the bot can no longer see it at all. */
export class ChannelNotFoundError extends PermanentDeliveryError {
  override name = 'ChannelNotFoundError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('channel_gone', message, options);
  }
}

/** The bot may not post there: removed from the channel, or a permission taken away. */
export class NoAccessError extends PermanentDeliveryError {
  override name = 'NoAccessError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('no_access', message, options);
  }
}

/**
 * The bot may no longer post anywhere in this server/workspace (uninstalled, token revoked):
 * every subscription there pauses at once, and nothing is posted there to say so.
 */
export class AccessRevokedError extends PermanentDeliveryError {
  override name = 'AccessRevokedError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('access_revoked', message, options);
  }
}

/** The platform asked to wait: nothing was posted, and trying again after `retryAfterMs` will. */
export class RetryAfterError extends Error {
  override name = 'RetryAfterError';
  constructor(
    readonly retryAfterMs: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Permanent (with why), or transient (with how long the platform asked to wait, when it did). */
export function classifyDeliveryError(error: unknown): { permanent: PermanentReason | null; retryAfterMs?: number; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PermanentDeliveryError) return { permanent: error.reason, message };
  if (error instanceof RetryAfterError) return { permanent: null, retryAfterMs: error.retryAfterMs, message };
  return { permanent: null, message };
}

export const PERMANENT_REASON_TEXT: Record<PermanentReason, string> = {
  channel_gone: 'the channel was deleted or the bot can no longer see it',
  no_access: 'the bot lost permission to post there',
  archived: 'the channel is archived',
  access_revoked: 'the bot was uninstalled from the workspace or its access was revoked',
};
