import type { CommandRegistry } from '../../src/commands/registry.ts';
import type { Caller } from '../../src/commands/types.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { userError, type Reply } from '../../src/reply.ts';
import { BOT_NAME } from './constants.ts';

/**
 * A slash command cannot carry a file, so a command that needs one (an 'attachment' option)
 * gets a clear private answer instead of a confusing "missing file" from deep inside: how to
 * send it with a message to the bot instead (messages.ts).
 * Generic: it looks at option types and permissions, never at command names.
 */
export function refuseFileOptions(registry: CommandRegistry, text: string, caller: Caller, language: Language = 'en'): Reply | undefined {
  const first = text.trim().replace(/^\//, '').split(/\s+/)[0]?.toLowerCase() ?? '';
  const command = first ? registry.get(first) : undefined;
  if (!command?.options.some((option) => option.type === 'attachment' && option.required)) return undefined;
  // Someone who may not run the command at all hears that first, from the core.
  if (command.permission === 'moderator' && !caller.isModerator) return undefined;
  return userError('attachment_unsupported', t(language, 'slack.file-option', { command: command.name }), [t(language, 'slack.file-option.hint', { bot: BOT_NAME, command: command.name })]);
}
