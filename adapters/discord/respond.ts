/**
 * Sends a reply to an interaction within Discord's 3-second deadline: at once when the work
 * is done in time, otherwise deferred first and edited when it is. user_error replies are
 * ephemeral (after a defer: the public "thinking…" is removed and the error follows
 * privately). A paging button replaces the message it is on. A reply too long for one
 * message continues in follow-ups.
 */
import { InteractionResponseType, MessageFlags, Routes, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Reply } from '../../src/reply.ts';
import type { Deadlines } from './deadlines.ts';
import type { DiscordMessage } from './render-embed.ts';

export type Answerable = ChatInputCommandInteraction | ButtonInteraction;

export interface RespondOptions {
  /** 'reply': a new message. 'update': replace the button's message (ok replies only). */
  mode: 'reply' | 'update';
  /** Defer when the work is not done by its deadline (Discord allows 3 s). */
  deadlines: Deadlines;
  render(reply: Reply): DiscordMessage;
}

/** Already in API shape: discord.js sends it as is instead of re-casing every key. */
const asJson = <T>(value: T) => ({ toJSON: () => value });

/** The first message as discord.js sends it, with no mention ever parsed. */
export function messageOptions(message: DiscordMessage) {
  return {
    embeds: message.parts.slice(0, 1).map(asJson),
    components: message.components.map(asJson),
    files: message.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })),
    allowedMentions: { parse: [] },
  };
}

const encoded = new WeakMap<DiscordMessage, Buffer>();
const JSON_BODY = { 'Content-Type': 'application/json' };

/**
 * The callback that answers with a new message, as bytes. A cached reply's message is the same
 * object every time (createRenderer), so its bytes are made once, not resolved and serialized
 * again by discord.js for every ask. The same body interaction.reply() would send, less the
 * fields Discord defaults anyway (tts, nonce, attachments of a message without files).
 */
export function replyBody(message: DiscordMessage): Buffer {
  let body = encoded.get(message);
  if (!body) {
    const data = {
      embeds: message.parts.slice(0, 1),
      components: message.components,
      allowed_mentions: { parse: [] },
      ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    };
    body = Buffer.from(JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data }));
    encoded.set(message, body);
  }
  return body;
}

/** Answers with a new message (ephemeral for a user_error). */
async function reply(interaction: Answerable, message: DiscordMessage): Promise<void> {
  if (message.files.length) {
    // Files go as multipart, which discord.js builds.
    await interaction.reply({ ...messageOptions(message), ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    return;
  }
  // Through the bot's own REST client: the same route, rate limits and retries as interaction.reply().
  await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: replyBody(message),
    passThroughBody: true,
    headers: JSON_BODY,
    auth: false,
  });
  // What interaction.reply() records, so that followUp, editReply and deleteReply work as after it.
  interaction.ephemeral = message.ephemeral;
  interaction.replied = true;
}

/** The rest of a reply too long for one message, as follow-ups. */
async function continuation(interaction: Answerable, message: DiscordMessage): Promise<void> {
  for (const part of message.parts.slice(1)) {
    await interaction.followUp({ embeds: [asJson(part)], allowedMentions: { parse: [] }, ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

/** Resolves with the reply, or with undefined once its deadline has passed. */
function inTime(work: Promise<Reply>, deadlines: Deadlines): Promise<Reply | undefined> {
  return new Promise((resolve, reject) => {
    const settled = deadlines.watch(() => resolve(undefined));
    work.then(
      (reply) => {
        settled();
        resolve(reply);
      },
      (error: unknown) => {
        settled();
        reject(error);
      },
    );
  });
}

export async function respond(interaction: Answerable, work: Promise<Reply>, options: RespondOptions): Promise<void> {
  const early = await inTime(work, options.deadlines);
  if (early) {
    const message = options.render(early);
    if (options.mode === 'update' && !message.ephemeral && interaction.isButton()) {
      await interaction.update(messageOptions(message));
    } else {
      await reply(interaction, message);
    }
    await continuation(interaction, message);
    return;
  }

  if (options.mode === 'update' && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply();
  const message = options.render(await work);
  if (!message.ephemeral) {
    await interaction.editReply(messageOptions(message));
  } else {
    if (options.mode === 'reply') await interaction.deleteReply();
    await interaction.followUp({ ...messageOptions(message), flags: MessageFlags.Ephemeral });
  }
  await continuation(interaction, message);
}
