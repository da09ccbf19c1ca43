import { languageOf, msg, t, type Language } from '../../i18n/index.ts';
import { text } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import type { CommandDef } from '../../framework/types.ts';

/** Chooses the reply language for this channel, or for the whole server/workspace. */
export const languageCommand: CommandDef = {
  name: 'language',
  options: [
    {
      name: 'language',
      type: 'choice',
      required: true,
      choices: [
        { value: 'en', label: 'English', aliases: ['english', 'inglés', 'ingles'] },
        { value: 'es', label: 'Español', aliases: ['spanish', 'espanol', 'español'] },
      ],
    },
    {
      name: 'scope',
      type: 'choice',
      required: false,
      choices: [
        { value: 'channel', label: 'This channel', aliases: ['canal'] },
        { value: 'server', label: 'Whole server or workspace', aliases: ['workspace', 'servidor'] },
      ],
    },
  ],
  permission: 'community-manager',
  examples: ['language es', 'language en server'],
  handler({ store, clock, caller, conversation, locale }, args) {
    if (!conversation) {
      // No channel to read a setting from: the caller's own language, else the one asked for.
      const reader = languageOf(locale) ?? (args.language as Language | undefined) ?? 'en';
      throw new UserError('no_conversation', 'language.no-channel', {}, [msg('language.no-channel.help')]).writtenIn(reader);
    }
    const language = args.language as Language;
    const wholeWorkspace = args.scope === 'server';
    store.languages.set(
      { platform: conversation.platform, workspaceId: conversation.workspaceId, channelId: wholeWorkspace ? '' : conversation.channelId },
      language,
      caller.id,
      clock.now().toISOString(),
    );
    return {
      status: 'ok',
      title: t(language, 'language.title'),
      intro: [[text(t(language, wholeWorkspace ? 'language.set.workspace' : 'language.set.channel'))]],
      sections: [],
      notes: [],
    };
  },
};
