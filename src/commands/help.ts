import { TOPICS } from '../domain/topics.ts';
import { text, type Rich } from '../reply.ts';
import { UserError } from './errors.ts';
import type { CommandRegistry } from './registry.ts';
import type { CommandDef } from './types.ts';
import { usage } from './usage.ts';

/** `help` needs the registry it describes, so it is built from it. */
export function helpCommand(getRegistry: () => CommandRegistry): CommandDef {
  return {
    name: 'help',
    description: 'What Sheriff Watch can do, or how to use one command',
    options: [{ name: 'command', description: 'A command name, e.g. positions', type: 'text', required: false }],
    permission: 'everyone',
    cacheable: true,
    examples: ['help', 'help positions'],
    handler({ caller }, args) {
      const registry = getRegistry();
      const visible = registry.all().filter((c) => c.permission === 'everyone' || caller.isModerator);
      if (args.command) {
        const name = String(args.command).toLowerCase();
        const command = visible.find((c) => c.name === name);
        if (!command) throw new UserError('unknown_command', `No command called "${name}"`, ['Type `help` to see them all.']);
        return {
          status: 'ok',
          title: `help: ${command.name}`,
          intro: [[text(command.description)]],
          sections: [
            { heading: 'Usage', lines: [[text(usage(command), 'code')]] },
            { heading: 'Options', items: command.options.map((o): Rich => [text(o.name, 'bold'), text(` — ${o.description}${o.required ? '' : ' (optional)'}`)]) },
            { heading: 'Examples', items: command.examples.map((e): Rich => [text(e, 'code')]) },
          ],
          notes: [],
        };
      }
      return {
        status: 'ok',
        title: 'Sheriff Watch',
        intro: [
          [text('Find out where your sheriff stands on ICE, call the sheriff, show up, and vote.')],
          [text('Type a county to look up its sheriff, e.g. '), text('Travis, TX', 'code'), text('.')],
        ],
        sections: [
          {
            heading: 'Commands',
            items: visible.map((c): Rich => [
              text(usage(c), 'code'),
              text(` — ${c.description}${c.permission === 'moderator' ? ' (moderators)' : ''}`),
            ]),
          },
          { heading: 'Topics', items: TOPICS.map((t): Rich => [text(t.id, 'code'), text(` — ${t.label}`)]) },
        ],
        notes: [[text('Unknown is an answer: we never guess a name, a date or a position.')]],
      };
    },
  };
}
