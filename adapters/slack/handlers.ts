import type { App as Bolt, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { App } from '../../src/app.ts';
import type { EditorNotifier } from '../../src/delivery/editor-notifier.ts';
import { preflight } from '../../src/framework/preflight.ts';
import { runInvocation, runLine } from '../../src/framework/run.ts';
import type { Logger } from '../../src/logger.ts';
import { workspaceSubscriptions } from '../../src/present/workspace-subscriptions.ts';
import type { Reply } from '../../src/reply.ts';
import { ACTION_ID_PATTERN, decodeInvocation, PAGE_ACTION } from './actions.ts';
import { SLASH_COMMAND } from './constants.ts';
import { unescapeSlackText } from './escape.ts';
import { slashFileHint } from './file-options.ts';
import { filesNotSharedText, uploadAttachments } from './files.ts';
import { homeView } from './home-tab.ts';
import { answerBody, type PostAnswer } from './response-url.ts';
import { slackContext, type Moderators, type SlackTrust, type Who } from './identity.ts';
import { registerMessageHandlers } from './messages.ts';
import { languageFor } from '../../src/i18n/choose-language.ts';
import { t, type Language } from '../../src/i18n/index.ts';
import type { SlackMessage } from './render-blocks.ts';

export interface HandlerDeps {
  app: App;
  /** Hosts besides files.slack.com that shared files may be downloaded from (SLACK_API_URL's). */
  fileHosts?: readonly string[];
  /** Files above this are refused before downloading. */
  maxFileBytes?: number;
  moderators: Moderators;
  /** The editors' workspace and the admin lookup (the trust model). */
  trust?: SlackTrust;
  render(reply: Reply, language?: Language): SlackMessage;
  logger: Logger;
  /** The editors' channel (SLACK_EDITOR_CHANNEL_ID), for commands that tell the editors something. */
  editors?: EditorNotifier | undefined;
  /** Posts a slash command's answer to its response_url (responseUrlPoster). */
  postAnswer: PostAnswer;
  /** Registers work still running after the ack, so a clean shutdown can wait for it. */
  track(work: Promise<void>): void;
}

/** The slash command, the buttons, messages to the bot and the App Home: translation only, for both receivers. */
export function registerHandlers(bolt: Bolt, deps: HandlerDeps): void {
  const { app, moderators, render, logger } = deps;

  const contextFor = (who: Who, client: webApi.WebClient) => slackContext(app, moderators, who, deps.trust, deps.editors, client);

  /** Logs, then tells the user privately; a failure to tell them is logged too, never thrown. */
  async function failed(error: unknown, context: Record<string, unknown>, respond: RespondFn | undefined, language: Language = 'en') {
    logger.error({ err: error, ...context }, 'could not answer on Slack');
    if (!respond) return;
    await respond({ response_type: 'ephemeral', replace_original: false, text: t(language, 'slack.sorry') }).catch((again: unknown) =>
      logger.error({ err: again, ...context }, 'could not tell the Slack user about the failure'),
    );
  }

  async function shareFiles(client: webApi.WebClient, reply: Reply, who: Who, respond: RespondFn, language: Language) {
    if (reply.status !== 'ok' || !reply.attachments?.length) return;
    try {
      await uploadAttachments(client, who.channelId, reply.attachments);
    } catch (error) {
      logger.warn({ err: error, channel: who.channelId, team: who.teamId }, 'could not share reply files in Slack');
      await respond({ response_type: 'ephemeral', replace_original: false, text: filesNotSharedText(error, language) });
    }
  }

  bolt.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const who: Who = {
      userId: command.user_id,
      userName: command.user_name,
      teamId: command.team_id,
      teamName: command.team_domain,
      channelId: command.channel_id,
      channelName: command.channel_name,
    };
    deps.track(
      (async () => {
        let language: Language = 'en';
        try {
          const text = unescapeSlackText(command.text ?? '');
          const ctx = await contextFor(who, client);
          language = languageFor(ctx);
          const reply = slashFileHint(preflight(app.registry, { line: text }, ctx.caller), language) ?? (await runLine(ctx, text));
          await deps.postAnswer(command.response_url, answerBody(render(reply, language), reply.status === 'ok' ? 'in_channel' : 'ephemeral'));
          await shareFiles(client, reply, who, respond, language);
        } catch (error) {
          await failed(error, { user: who.userId, team: who.teamId, channel: who.channelId, text: command.text?.slice(0, 100) }, respond, language);
        }
      })(),
    );
  });

  bolt.action({ action_id: ACTION_ID_PATTERN }, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const who: Who = {
      userId: body.user.id,
      userName: body.user.name ?? body.user.username,
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain,
      channelId: body.channel?.id ?? '',
      channelName: body.channel?.name,
    };
    // Over the poster's kept-alive connections, like a slash command's answer (Bolt's respond()
    // fetch has no retry when the server has just closed an idle connection).
    const responseUrl = 'response_url' in body && typeof body.response_url === 'string' ? body.response_url : undefined;
    const answer: (message: RespondArguments) => Promise<unknown> = responseUrl ? (message) => deps.postAnswer(responseUrl, Buffer.from(JSON.stringify(message))) : respond;
    deps.track(
      (async () => {
        let language: Language = 'en';
        try {
          const invocation = decodeInvocation(action.value);
          if (!invocation) {
            logger.warn({ actionId: action.action_id, user: who.userId }, 'ignored a Slack button with an unknown value');
            return;
          }
          const ctx = await contextFor(who, client);
          language = languageFor(ctx);
          const reply = await runInvocation(ctx, invocation);
          const message = render(reply, language);
          if (reply.status !== 'ok') {
            await answer({ ...message, response_type: 'ephemeral', replace_original: false });
          } else if (action.action_id.startsWith(PAGE_ACTION)) {
            await answer({ ...message, replace_original: true });
          } else {
            // A choice: answer in the channel, then remove the private list of choices.
            await answer({ ...message, response_type: 'in_channel', replace_original: false });
            if (body.container?.is_ephemeral) await answer({ delete_original: true });
            await shareFiles(client, reply, who, respond, language);
          }
        } catch (error) {
          await failed(error, { user: who.userId, team: who.teamId, channel: who.channelId, actionId: action.action_id }, respond, language);
        }
      })(),
    );
  });

  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      // The App Home belongs to no channel: the workspace's language, and the roles held everywhere.
      const who: Who = { userId: event.user, userName: undefined, teamId: body.team_id, channelId: '', channelName: undefined };
      const ctx = await contextFor(who, client);
      const subscriptions = workspaceSubscriptions(app.store, 'slack', body.team_id);
      await client.views.publish({ user_id: event.user, view: homeView(app.registry, subscriptions, ctx.caller, languageFor(ctx)) });
    } catch (error) {
      logger.error({ err: error, user: event.user, team: body.team_id }, 'could not publish the Slack App Home');
    }
  });

  registerMessageHandlers(bolt, { ...deps, fileHosts: deps.fileHosts ?? [] });

  bolt.error(async (error) => {
    logger.error({ err: error }, 'Slack listener failed');
  });
}
