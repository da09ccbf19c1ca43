import { UserError } from '../user-error.ts';
import { msg, type Message } from '../i18n/index.ts';
import type { Limit } from './rate-limit.ts';

export function rateLimitedError(seconds: number): UserError {
  return new UserError('rate_limited', 'trust.limited', {}, [msg('trust.limited.hint', { seconds })]);
}

/** 'hour', '2 hours', '90 minutes', '45 seconds': whole hours, then minutes, then seconds. */
function windowText(windowMs: number): Message {
  if (windowMs === 3_600_000) return msg('trust.window.hour');
  if (windowMs === 60_000) return msg('trust.window.minute');
  if (windowMs % 3_600_000 === 0) return msg('trust.window.hours', { n: windowMs / 3_600_000 });
  if (windowMs % 60_000 === 0) return msg('trust.window.minutes', { n: windowMs / 60_000 });
  return msg('trust.window.seconds', { n: Math.round(windowMs / 1000) });
}

export function proposalsLimitedError(limit: Limit, seconds: number): UserError {
  return new UserError('proposals_limited', 'trust.proposals-limited', {}, [
    msg('trust.proposals-limited.hint', { count: limit.count, window: windowText(limit.windowMs), seconds }),
  ]);
}
