/**
 * Platform input → core invocation: slash commands (with their attachments), autocomplete
 * and buttons. Every command runs through the core's runInvocation with the caller mapped
 * from the Discord identity; nothing here knows any particular command.
 */
import { randomUUID } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  DiscordAPIError,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { App } from '../../src/app.ts';
import type { EditorNotifier } from '../../src/delivery/editor-notifier.ts';
import { preflight } from '../../src/framework/preflight.ts';
import { runInvocation } from '../../src/framework/run.ts';
import type { Args, AttachedFile } from '../../src/framework/types.ts';
import { userError, type Reply } from '../../src/reply.ts';
import { AttachmentRefused, downloadAttachment, type DownloadPolicy } from './attachments.ts';
import { suggest } from './autocomplete.ts';
import type { CustomIds } from './custom-id.ts';
import { Deadlines } from './deadlines.ts';
import { callerOf, conversationOf, type DiscordRoles } from './identity.ts';
import type { DiscordMessage } from './render-embed.ts';
import { languageFor } from '../../src/i18n/choose-language.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import { messageOptions, respond } from './respond.ts';
import { limitedSuggestion } from '../../src/trust/limit-check.ts';

export interface HandlerOptions {
  app: App;
  customIds: CustomIds;
  /** A reply → the message, in the reader's language (createRenderer). */
  render(reply: Reply, language: Language): DiscordMessage;
  roles: DiscordRoles;
  /** The editors' channel (DISCORD_EDITOR_CHANNEL_ID), for commands that tell the editors something. */
  editors?: EditorNotifier | undefined;
  deferAfterMs: number;
  download: DownloadPolicy;
}

/** What the logs say about an interaction. */
function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interaction: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
    guild: interaction.guildId,
    channel: interaction.channelId,
    user: interaction.user.id,
  };
}

export function createInteractionHandler(options: HandlerOptions): (interaction: Interaction) => Promise<void> {
  const { app, customIds } = options;
  const deadlines = new Deadlines(options.deferAfterMs);
  /** The interaction's context, with its reply language read once (English when even the setting cannot be read). */
  const contextOf = (interaction: Interaction) => {
    const ctx = app.contextFor(callerOf(interaction, options.roles), {
      conversation: conversationOf(interaction),
      locale: interaction.locale,
      ...(options.editors ? { editors: options.editors } : {}),
    });
    let language: Language;
    try {
      language = languageFor(ctx);
    } catch {
      language = 'en';
    }
    return { ...ctx, language };
  };
  const renderIn = (language: Language) => (reply: Reply) => options.render(reply, language);

  /** Turns anything the adapter itself throws into a reply, logged with a reference. */
  const guarded = (interaction: Interaction, language: Language, work: () => Promise<Reply>): Promise<Reply> =>
    work().catch((error: unknown) => {
      if (error instanceof AttachmentRefused) return userError(`attachment_${error.reason}`, t(language, 'adapter.file-refused'), [error.messageIn(language)]);
      const reference = randomUUID().slice(0, 8);
      app.logger.error({ err: error, reference, ...describe(interaction) }, 'discord command failed');
      return userError('internal_error', t(language, 'run.internal'), [t(language, 'run.internal.hint', { reference })]);
    });

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const ctx = contextOf(interaction);
    const { language } = ctx;
    const render = renderIn(language);
    const checked = preflight(app.registry, { command: interaction.commandName }, ctx.caller);
    const work = guarded(interaction, language, async () => {
      const args: Args = {};
      const files: Promise<[string, AttachedFile]>[] = [];
      for (const option of interaction.options.data) {
        if (option.type === ApplicationCommandOptionType.Attachment && option.attachment) {
          const { name, url, size } = option.attachment;
          args[option.name] = name;
          // The command's own limit, when it declares one below the adapter's.
          const declared = checked.fileOptions.find((o) => o.name === option.name)?.maxBytes;
          const policy = declared && declared < options.download.maxBytes ? { ...options.download, maxBytes: declared } : options.download;
          // A refused caller gets the core's answer without the bot downloading anything.
          if (checked.allowed) files.push(downloadAttachment({ name, url, size }, policy).then((file) => [option.name, file]));
        } else if (option.value !== undefined) {
          args[option.name] = typeof option.value === 'boolean' ? String(option.value) : option.value;
        }
      }
      const invocation = { command: interaction.commandName, args };
      if (!files.length) return runInvocation(ctx, invocation);
      const attachments = Object.fromEntries(await Promise.all(files));
      return runInvocation({ ...ctx, attachments }, invocation);
    });
    await respond(interaction, work, { mode: 'reply', deadlines, render });
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = app.registry.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const limited = limitedSuggestion(contextOf(interaction), String(focused.value ?? ''));
    if (limited) {
      await interaction.respond([limited]);
      return;
    }
    const values = Object.fromEntries(interaction.options.data.map((o) => [o.name, o.value]));
    const suggestions = command ? suggest(app.store, command, focused.name, String(focused.value ?? ''), values) : [];
    await interaction.respond(suggestions);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const decoded = customIds.decode(interaction.customId);
    if (!decoded.ok) {
      app.logger.warn({ reason: decoded.reason, ...describe(interaction) }, 'refused a button id');
      const language = contextOf(interaction).language;
      const message = renderIn(language)(userError('button_invalid', t(language, 'discord.button-invalid'), [t(language, 'discord.button-invalid.hint')]));
      await interaction.reply({ ...messageOptions(message), flags: MessageFlags.Ephemeral });
      return;
    }
    const ctx = contextOf(interaction);
    const { language } = ctx;
    const work = guarded(interaction, language, () => runInvocation(ctx, decoded.invocation));
    await respond(interaction, work, { mode: decoded.action === 'page' ? 'update' : 'reply', deadlines, render: renderIn(language) });
  }

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (error) {
      // 10062: the interaction expired (common for autocomplete while the user keeps typing).
      const expired = error instanceof DiscordAPIError && error.code === 10062;
      if (expired) app.logger.warn({ ...describe(interaction) }, 'discord interaction expired before the answer');
      else app.logger.error({ err: error, ...describe(interaction) }, 'discord interaction failed');
    }
  };
}
