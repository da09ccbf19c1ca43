/**
 * A message to the bot (a mention in a channel, or a direct message) as a command line for the
 * core's free-text grammar, and the files it carries as the command's 'attachment' options.
 * Generic: it looks at option types, never at command names.
 */
import type { CommandRegistry } from '../../src/framework/registry.ts';
import { fileOptionsOf } from '../../src/framework/preflight.ts';
import type { CommandDef } from '../../src/framework/types.ts';
import { unescapeSlackText } from './escape.ts';

/**
 * The text someone typed, as they typed it: the bot's own mention removed, Slack's tokens
 * turned back into words (`<https://x.org|x.org>` → `https://x.org`, `<#C1|news>` → `#news`,
 * `<@U1>` → `@U1`, `<!here>` dropped) and `&amp;` `&lt;` `&gt;` unescaped.
 */
export function messageLine(text: string, botUserId: string | undefined): string {
  const words = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|');
    if (target.startsWith('@')) return botUserId && target === `@${botUserId}` ? ' ' : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) return ' ';
    return target;
  });
  return unescapeSlackText(words).replace(/\s+/g, ' ').trim();
}

/**
 * The one command that needs a file, for a message that carries files and no words: an upload
 * with just `@Sheriff Watch` runs it. Undefined when no command, or several, need a file.
 */
export function onlyFileCommand(registry: CommandRegistry): CommandDef | undefined {
  // Any command that reads a file counts: a bare upload is only taken as a command when one alone could mean it.
  const needing = registry.all().filter((c) => fileOptionsOf(c).length > 0);
  return needing.length === 1 ? needing[0] : undefined;
}

/**
 * The line with each file named in its option (`file:"ice list.xlsx"`), which the parser takes
 * anywhere after the command; the option's argument holds the file name, as on Discord.
 */
export function lineWithFiles(line: string, named: readonly { option: string; filename: string }[]): string {
  const tokens = named.map(({ option, filename }) => {
    const shown = filename.replace(/["\s]+/g, '_').slice(0, 80) || 'file';
    return `${option}:"${shown}"`;
  });
  return [line, ...tokens].join(' ');
}
