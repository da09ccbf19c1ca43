/**
 * Test-only commands, registered next to the core's through a registry built in the test:
 * the core has no moderator command, no attachment command and no slow command yet.
 */
import { createRegistry } from '../../../src/commands/index.ts';
import { CommandRegistry } from '../../../src/framework/registry.ts';
import { UserError } from '../../../src/user-error.ts';
import { msg } from '../../../src/i18n/index.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { text } from '../../../src/reply.ts';

export const moderatorCommand: CommandDef = {
  name: 'record-test',
  // Test-only: an editor command; any catalog entry describes it.
  descriptionKey: 'command.about.description',
  options: [{ name: 'note', descriptionKey: 'option.note', type: 'text', required: true }],
  permission: 'editor',
  examples: [],
  handler: ({ caller }, args) => ({ status: 'ok', title: `Recorded: ${String(args.note)}`, intro: [[text(`by ${caller.id}`)]], sections: [], notes: [] }),
};

/** Says who the adapter says the caller is and where. */
export const whoamiCommand: CommandDef = {
  name: 'whoami-test',
  // Test-only: the caller and conversation as the adapter maps them; any catalog entry describes it.
  descriptionKey: 'command.about.description',
  options: [],
  permission: 'everyone',
  examples: [],
  handler: ({ caller, conversation, locale }) => ({
    status: 'ok',
    title: 'whoami',
    sections: [{
      fields: [
        { label: 'id', value: [text(caller.id)] },
        { label: 'editor', value: [text(String(caller.isEditor))] },
        { label: 'workspace', value: [text(conversation?.workspaceId ?? '-')] },
        { label: 'channel', value: [text(conversation?.channelId ?? '-')] },
        { label: 'community manager', value: [text(String(caller.isCommunityManager))] },
        { label: 'locale', value: [text(locale ?? '-')] },
      ],
    }],
    notes: [],
  }),
};

/** Echoes an attached file and sends it back as a reply attachment. */
export const fileCommand: CommandDef = {
  name: 'file-test',
  // Test-only: reads an attachment; any catalog entry describes it.
  descriptionKey: 'command.about.description',
  options: [{ name: 'file', descriptionKey: 'option.note', type: 'attachment', required: true }],
  permission: 'everyone',
  examples: [],
  handler: ({ attachments }, args) => {
    const file = attachments?.file;
    if (!file) throw new UserError('no_file', 'import.attach', {}, [msg('import.attach.help')]);
    const content = Buffer.from(file.data).toString('utf8');
    return {
      status: 'ok',
      title: `Got ${String(args.file)}`,
      intro: [[text(`${file.data.length} bytes: ${content}`)]],
      sections: [],
      notes: [],
      attachments: [{ filename: 'echo.txt', contentType: 'text/plain', content: content.toUpperCase() }],
    };
  },
};

/** The refusal the slow command answers with (any catalog message will do). */
export const SLOW_ERROR = 'parse.empty' as const;

/** A command that finishes when the test says so. */
export function slowCommand(): { command: CommandDef; release(outcome: 'ok' | 'user_error'): void } {
  const waiting: ((outcome: 'ok' | 'user_error') => void)[] = [];
  const command: CommandDef = {
    name: 'slow-test',
    // Test-only: finishes when released; any catalog entry describes it.
    descriptionKey: 'command.about.description',
    options: [],
    permission: 'everyone',
    examples: [],
    handler: async () => {
      const outcome = await new Promise<'ok' | 'user_error'>((resolve) => waiting.push(resolve));
      if (outcome === 'user_error') throw new UserError('too_slow', SLOW_ERROR);
      return { status: 'ok', title: 'Slow but done', sections: [], notes: [] };
    },
  };
  return { command, release: (outcome) => waiting.shift()?.(outcome) };
}

/** The core's commands plus the given test-only ones. */
export function registryWith(...extra: CommandDef[]): CommandRegistry {
  return new CommandRegistry([...createRegistry().all(), ...extra]);
}
