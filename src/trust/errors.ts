import { UserError } from '../commands/errors.ts';
import { t, type Language } from '../i18n/index.ts';
import type { Limit } from './rate-limit.ts';

export function rateLimitedError(language: Language, seconds: number): UserError {
  return new UserError('rate_limited', t(language, 'trust.limited'), [t(language, 'trust.limited.hint', { seconds })]);
}

/** 'hour', '2 hours', '90 minutes', '45 seconds': whole hours, then minutes, then seconds. */
function windowText(language: Language, windowMs: number): string {
  if (windowMs === 3_600_000) return t(language, 'trust.window.hour');
  if (windowMs === 60_000) return t(language, 'trust.window.minute');
  if (windowMs % 3_600_000 === 0) return t(language, 'trust.window.hours', { n: windowMs / 3_600_000 });
  if (windowMs % 60_000 === 0) return t(language, 'trust.window.minutes', { n: windowMs / 60_000 });
  return t(language, 'trust.window.seconds', { n: Math.round(windowMs / 1000) });
}

export function proposalsLimitedError(language: Language, limit: Limit, seconds: number): UserError {
  return new UserError('proposals_limited', t(language, 'trust.proposals-limited'), [
    t(language, 'trust.proposals-limited.hint', { count: limit.count, window: windowText(language, limit.windowMs), seconds }),
  ]);
}
