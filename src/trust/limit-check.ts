import type { CommandContext } from '../framework/types.ts';
import { t, type Language } from '../i18n/index.ts';
import { identityKey } from '../domain/community.ts';

/**
 * Counts one command, button or autocomplete against the caller's limit: 0 when it may go
 * ahead, else the seconds to wait. The console's user is the operator and is never limited.
 */
export function commandWait(ctx: Pick<CommandContext, 'trust' | 'caller' | 'conversation'>): number {
  if (!ctx.trust || ctx.conversation?.platform === 'console' || ctx.caller.id.startsWith('console:')) return 0;
  return ctx.trust.commands.take(identityKey(ctx));
}

/**
 * Autocomplete has no message to say "try again": over the limit its only suggestion says so,
 * and choosing it keeps what was typed. Undefined when the request may go ahead.
 */
export function limitedSuggestion(
  ctx: Pick<CommandContext, 'trust' | 'caller' | 'conversation'> & { language: Language },
  typed: string,
): { name: string; value: string } | undefined {
  const wait = commandWait(ctx);
  if (!wait) return undefined;
  return { name: t(ctx.language, 'trust.limited.choice', { seconds: wait }), value: typed.slice(0, 100) || '-' };
}
