import { topicLabel, TOPICS } from '../../domain/topics.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg, t, type Language } from '../../i18n/index.ts';
import { text, type Rich } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import type { CommandRegistry } from '../../framework/registry.ts';
import { commandsFor } from '../../framework/preflight.ts';
import type { Caller, CommandDef } from '../../framework/types.ts';
import { choiceLabel, commandDescription, optionDescription, usage } from '../../framework/usage.ts';

/** `help` needs the registry it describes, so it is built from it. */
export function helpCommand(getRegistry: () => CommandRegistry): CommandDef {
  return {
    name: 'help',
    options: [{ name: 'command', type: 'text', required: false }],
    permission: 'everyone',
    cacheable: true,
    examples: ['help', 'help positions'],
    handler(ctx, args) {
      const language = languageFor(ctx);
      const registry = getRegistry();
      const visible = commandsFor(registry, ctx.caller);
      if (args.command) {
        const name = String(args.command).toLowerCase();
        const command = visible.find((c) => c.name === name);
        if (!command) throw new UserError('unknown_command', 'help.unknown', { name }, [msg('help.unknown.hint')]);
        return {
          status: 'ok',
          title: t(language, 'help.one.title', { command: command.name }),
          intro: [[text(commandDescription(language, command))]],
          sections: [
            { heading: t(language, 'help.usage'), lines: [[text(usage(command), 'code')]] },
            {
              heading: t(language, 'help.options'),
              items: command.options.map((o): Rich => [
                text(o.name, 'bold'),
                text(` — ${optionDescription(language, command, o)}${o.required ? '' : ` ${t(language, 'help.optional')}`}`),
              ]),
            },
            // What each fixed choice means, in the reader's language; the value is what is typed.
            ...command.options
              .filter((o) => o.type === 'choice' && o.choices?.length)
              .map((o) => ({
                heading: t(language, 'help.choices', { option: o.name }),
                items: o.choices!.map((c): Rich => [text(c.value, 'code'), text(` — ${choiceLabel(language, command, o, c)}`)]),
              })),
            { heading: t(language, 'help.examples'), items: command.examples.map((e): Rich => [text(e, 'code')]) },
          ],
          notes: [],
        };
      }
      return {
        status: 'ok',
        title: t(language, 'help.title'),
        intro: [
          [text(t(language, 'help.intro'))],
          [text(t(language, 'help.intro.county')), text('Travis, TX', 'code'), text('.')],
        ],
        sections: [
          {
            heading: t(language, 'help.commands'),
            items: commandList(registry, ctx.caller, language).map((entry): Rich => [
              text(entry.usage, 'code'),
              text(` — ${entry.description}${entry.who ? ` ${entry.who}` : ''}`),
            ]),
          },
          { heading: t(language, 'help.topics'), items: TOPICS.map((topic): Rich => [text(topic.id, 'code'), text(` — ${topicLabel(language, topic)}`)]) },
        ],
        notes: [[text(t(language, 'help.unknown-is-an-answer'))]],
      };
    },
  };
}

/** One line of the list of commands: how to type it, what it does, who may run it ('' for everyone). */
export interface CommandEntry {
  command: CommandDef;
  usage: string;
  description: string;
  who: string;
}

/** The commands this caller may run, as help lists them (the Slack App Home shows the same list). */
export function commandList(registry: CommandRegistry, caller: Pick<Caller, 'isEditor' | 'isCommunityManager'>, language: Language): CommandEntry[] {
  return commandsFor(registry, caller).map((command) => ({ command, usage: usage(command), description: commandDescription(language, command), who: whoMay(language, command) }));
}

function whoMay(language: Language, command: CommandDef): string {
  if (command.permission === 'editor') return t(language, 'help.moderators');
  if (command.permission === 'community-manager') return t(language, 'help.community-managers');
  return '';
}
