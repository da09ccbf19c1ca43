import type { CommandContext } from '../commands/types.ts';
import { identityKey } from './community.ts';

/**
 * Counts one command, button or autocomplete against the caller's limit: 0 when it may go
 * ahead, else the seconds to wait. The console's user is the operator and is never limited.
 */
export function commandWait(ctx: Pick<CommandContext, 'trust' | 'caller' | 'conversation'>): number {
  if (!ctx.trust || ctx.conversation?.platform === 'console' || ctx.caller.id.startsWith('console:')) return 0;
  return ctx.trust.commands.take(identityKey(ctx));
}
