import type { CommandContext } from '../framework/types.ts';
import { languageOf, type Language } from './index.ts';

/**
 * The reply language: the caller's own client locale when it is one we speak other than
 * English (Discord sends it), then the channel's setting, then the server/workspace's, then English.
 */
export function languageFor(ctx: Pick<CommandContext, 'store' | 'conversation' | 'locale' | 'language'>): Language {
  if (ctx.language) return ctx.language;
  const personal = languageOf(ctx.locale);
  if (personal && personal !== 'en') return personal;
  if (ctx.conversation) {
    const { platform, workspaceId, channelId } = ctx.conversation;
    const chosen = ctx.store.languages.get({ platform, workspaceId, channelId });
    if (chosen) return chosen;
  }
  return personal ?? 'en';
}
