/**
 * Messages to the bot: a mention in a channel (`app_mention`) or a direct message
 * (`message.im`). Slack sends files only with messages — never with a slash command — so this
 * is how a moderator gives a command its file: upload it with `@Sheriff Watch import 287g` as
 * the message. The text runs through the core's free-text grammar like `/sheriff`; the files
 * fill the command's 'attachment' options. Answers go in the message's thread; mistakes and
 * refusals only to the person who wrote (ephemeral in a channel).
 */
import type { App as Bolt, webApi } from '@slack/bolt';
import type { App } from '../../src/app.ts';
import type { EditorNotifier } from '../../src/delivery/editor-notifier.ts';
import { preflight } from '../../src/framework/preflight.ts';
import { runLine, type RunContext } from '../../src/framework/run.ts';
import type { AttachedFile } from '../../src/framework/types.ts';
import { usage } from '../../src/framework/usage.ts';
import { languageFor } from '../../src/i18n/choose-language.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import { userError, type Reply } from '../../src/reply.ts';
import { BOT_NAME, MAX_FILE_BYTES } from './constants.ts';
import { downloadSlackFile, fileName, SlackFileRefused, type SlackFile } from './file-download.ts';
import { filesNotSharedText, slackErrorCode, uploadAttachments } from './files.ts';
import { isDirectMessage, slackContext, type Moderators, type SlackTrust, type Who } from './identity.ts';
import { lineWithFiles, messageLine, onlyFileCommand } from './message-commands.ts';
import type { SlackMessage } from './render-blocks.ts';

export interface MessageDeps {
  app: App;
  moderators: Moderators;
  /** The editors' workspace and the admin lookup (the trust model). */
  trust?: SlackTrust;
  render(reply: Reply, language?: Language): SlackMessage;
  logger: Logger;
  track(work: Promise<void>): void;
  /** Hosts besides files.slack.com that files may be downloaded from (SLACK_API_URL's). */
  fileHosts: readonly string[];
  /** Files above this are refused before downloading (the core reads up to 10 MB). */
  maxFileBytes?: number;
  /** The editors' channel, for commands that tell the editors something. */
  editors?: EditorNotifier | undefined;
}

/** What both events carry that this adapter reads. */
interface IncomingMessage {
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  team?: string;
  files?: SlackFile[];
}

/** How many recent messages are remembered, so one message never runs twice (retries, mention + DM). */
const SEEN_LIMIT = 1_000;

export function registerMessageHandlers(bolt: Bolt, deps: MessageDeps): void {
  const { app, moderators, render, logger } = deps;
  const maxBytes = deps.maxFileBytes ?? MAX_FILE_BYTES;
  const seen = new Set<string>();

  /** True the first time a message is seen. */
  function firstTime(message: IncomingMessage): boolean {
    const key = `${message.channel}/${message.ts}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    return true;
  }

  const isDirect = (message: IncomingMessage) => message.channel_type === 'im' || isDirectMessage(message.channel, undefined);

  /** Only to the writer: ephemeral in a channel; in a direct message, the conversation is already private. */
  async function tellPrivately(client: webApi.WebClient, message: IncomingMessage, user: string, content: { text: string; blocks?: SlackMessage['blocks'] }) {
    const thread = message.thread_ts ?? message.ts;
    if (isDirect(message)) {
      await client.chat.postMessage({ channel: message.channel, thread_ts: thread, ...content, unfurl_links: false, unfurl_media: false });
    } else {
      await client.chat.postEphemeral({ channel: message.channel, user, thread_ts: thread, ...content });
    }
  }

  async function answer(client: webApi.WebClient, message: IncomingMessage, user: string, reply: Reply, language: Language) {
    const content = render(reply, language);
    if (reply.status !== 'ok') {
      await tellPrivately(client, message, user, content);
      return;
    }
    const thread = message.thread_ts ?? message.ts;
    await client.chat.postMessage({ channel: message.channel, thread_ts: thread, ...content, unfurl_links: false, unfurl_media: false });
    if (!reply.attachments?.length) return;
    try {
      await uploadAttachments(client, message.channel, reply.attachments, thread);
    } catch (error) {
      logger.warn({ err: error, channel: message.channel, files: reply.attachments.map((a) => a.filename) }, 'could not share reply files in Slack');
      await tellPrivately(client, message, user, { text: filesNotSharedText(error, language) });
    }
  }

  /** The file objects to download: Slack Connect events carry only ids (file_access: check_file_info). */
  async function fileDetails(client: webApi.WebClient, file: SlackFile): Promise<SlackFile> {
    if (file.file_access !== 'check_file_info' && (file.url_private_download || file.url_private)) return file;
    try {
      const info = await client.files.info({ file: file.id });
      return (info.file as SlackFile | undefined) ?? file;
    } catch (error) {
      const name = fileName(file);
      throw new SlackFileRefused('failed', 'slack.file.failed', { name, error: slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error)) });
    }
  }

  /** Runs what a message asks; every outcome is a reply. */
  async function replyTo(message: IncomingMessage, user: string, botUserId: string | undefined, token: string, client: webApi.WebClient, language: Language, ctx: RunContext): Promise<Reply> {
    const files = message.files ?? [];
    let line = messageLine(message.text ?? '', botUserId);
    if (!line && files.length) line = onlyFileCommand(app.registry)?.name ?? '';
    if (!line) return userError('empty_mention', t(language, 'slack.mention.empty', { bot: BOT_NAME }), [t(language, 'slack.mention.empty.hint', { bot: BOT_NAME })]);
    const checked = preflight(app.registry, { line }, ctx.caller);
    const { command, fileOptions: options } = checked;
    // A refused caller hears it from the core (which logs the refusal) before anything is downloaded.
    if (!command || options.length === 0 || !checked.allowed) return runLine(ctx, line);
    if (files.length === 0) {
      if (!checked.needsFile) return runLine(ctx, line);
      return userError('missing_file', t(language, 'slack.file.missing', { command: command.name }), [
        t(language, 'slack.file.missing.hint', { bot: BOT_NAME, command: command.name, usage: usage(command) }),
      ]);
    }
    if (files.length > options.length) {
      return userError('too_many_files', t(language, 'slack.file.too-many', { files: files.length }), [t(language, 'slack.file.too-many.hint', { command: command.name })]);
    }
    const named: { option: string; filename: string }[] = [];
    const attachments: Record<string, AttachedFile> = {};
    try {
      for (const [i, file] of files.entries()) {
        const option = options[i]!.name;
        const details = await fileDetails(client, file);
        const limit = Math.min(maxBytes, options[i]!.maxBytes ?? maxBytes);
        attachments[option] = await downloadSlackFile(details, { token, maxBytes: limit, extraHosts: deps.fileHosts });
        named.push({ option, filename: fileName(details) });
      }
    } catch (error) {
      if (!(error instanceof SlackFileRefused)) throw error;
      logger.warn({ reason: error.reason, user, channel: message.channel, files: files.map((f) => ({ id: f.id, size: f.size })) }, 'refused a Slack file');
      return userError(`attachment_${error.reason}`, t(language, 'adapter.file-refused'), [error.messageIn(language)]);
    }
    return runLine({ ...ctx, attachments }, lineWithFiles(line, named));
  }

  function handle(message: IncomingMessage, body: { team_id?: string }, context: { botUserId?: string; botToken?: string }, client: webApi.WebClient): void {
    const user = message.user;
    if (!user || message.bot_id || user === context.botUserId) return;
    if (message.subtype !== undefined && message.subtype !== 'file_share') return;
    if (!firstTime(message)) return;
    const who: Who = { userId: user, userName: undefined, teamId: message.team ?? body.team_id ?? '', channelId: message.channel, channelName: isDirect(message) ? 'directmessage' : undefined };
    deps.track(
      (async () => {
        let language: Language = 'en';
        try {
          const ctx = await slackContext(app, moderators, who, deps.trust, deps.editors, client);
          language = languageFor(ctx);
          const reply = await replyTo(message, user, context.botUserId, context.botToken ?? '', client, language, ctx);
          await answer(client, message, user, reply, language);
        } catch (error) {
          logger.error({ err: error, user, channel: message.channel, ts: message.ts }, 'could not answer a Slack message');
          await tellPrivately(client, message, user, { text: t(language, 'slack.sorry') }).catch((again: unknown) =>
            logger.error({ err: again, user, channel: message.channel }, 'could not tell the Slack user about the failure'),
          );
        }
      })(),
    );
  }

  bolt.event('app_mention', async ({ event, body, context, client }) => {
    handle(event as unknown as IncomingMessage, body, context, client);
  });

  bolt.event('message', async ({ event, body, context, client }) => {
    const message = event as unknown as IncomingMessage;
    if (message.channel_type !== 'im') return;
    handle(message, body, context, client);
  });
}
