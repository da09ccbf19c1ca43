import type { Preflight } from '../../src/framework/preflight.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { userError, type Reply } from '../../src/reply.ts';
import { BOT_NAME } from './constants.ts';

/**
 * A slash command cannot carry a file, so a command that needs one gets a clear private answer
 * instead of a confusing "missing file" from deep inside: how to send it with a message to the
 * bot instead (messages.ts). Someone who may not run the command hears that from the core.
 */
export function slashFileHint(checked: Preflight, language: Language = 'en'): Reply | undefined {
  const { command } = checked;
  if (!command || !checked.needsFile || !checked.allowed) return undefined;
  return userError('attachment_unsupported', t(language, 'slack.file-option', { command: command.name }), [t(language, 'slack.file-option.hint', { bot: BOT_NAME, command: command.name })]);
}
