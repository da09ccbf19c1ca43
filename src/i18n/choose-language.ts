import type { CommandContext } from '../commands/types.ts';
import { languageOf, type Language } from './index.ts';

/** The reply language: the caller's client locale when we speak it, else English. */
export function languageFor(ctx: Pick<CommandContext, 'locale'>): Language {
  return languageOf(ctx.locale) ?? 'en';
}
