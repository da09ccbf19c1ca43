import { topicLabel, TOPICS } from '../domain/topics.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { msg, t } from '../i18n/index.ts';
import { text, type Rich } from '../reply.ts';
import { UserError } from './errors.ts';
import type { CommandRegistry } from './registry.ts';
import type { CommandDef } from './types.ts';
import { choiceLabel, commandDescription, optionDescription, usage } from './usage.ts';

/** `help` needs the registry it describes, so it is built from it. */
export function helpCommand(getRegistry: () => CommandRegistry): CommandDef {
  return {
    name: 'help',
    description: 'What Sheriff Watch can do, or how to use one command',
    options: [{ name: 'command', description: 'A command name, e.g. positions', type: 'text', required: false }],
    permission: 'everyone',
    cacheable: true,
    examples: ['help', 'help positions'],
    handler(ctx, args) {
      const language = languageFor(ctx);
      const registry = getRegistry();
      const visible = registry.all().filter((c) => c.permission === 'everyone' || ctx.caller.isModerator);
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
            items: visible.map((c): Rich => [
              text(usage(c), 'code'),
              text(` — ${commandDescription(language, c)}${c.permission === 'moderator' ? ` ${t(language, 'help.moderators')}` : ''}`),
            ]),
          },
          { heading: t(language, 'help.topics'), items: TOPICS.map((topic): Rich => [text(topic.id, 'code'), text(` — ${topicLabel(language, topic)}`)]) },
        ],
        notes: [[text(t(language, 'help.unknown-is-an-answer'))]],
      };
    },
  };
}
