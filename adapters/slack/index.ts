import type { webApi } from '@slack/bolt';
import type { App } from '../../src/app.ts';
import { invocationText } from '../../src/framework/invocation-text.ts';
import { ConfigError, type Config } from '../../src/config.ts';
import type { Reply } from '../../src/reply.ts';
import type { RunningAdapter } from '../running-adapter.ts';
import { createBoltApp } from './bolt-app.ts';
import type { HttpRoute } from '../../src/http/routes.ts';
import { editorsChannel } from '../../src/delivery/editor-notifier.ts';
import { slackChannelSender } from './channel-sender.ts';
import { SLASH_COMMAND } from './constants.ts';
import { registerHandlers } from './handlers.ts';
import { Moderators, type SlackTrust } from './identity.ts';
import { lazyClient, manyWorkspaces, type SlackOAuthOptions } from './many-workspaces.ts';
import { registerUninstall } from './uninstall.ts';
import { parseKey } from '../../src/secrets/token-box.ts';
import { WorkspaceAdmins } from './workspace-admins.ts';
import type { Language } from '../../src/i18n/index.ts';
import { renderOncePerLanguage } from '../../src/render-once.ts';
import { renderBlocks } from './render-blocks.ts';
import { responseUrlPoster } from './response-url.ts';

export type { SlackOAuthOptions } from './many-workspaces.ts';

export interface SlackBotOptions {
  /** One workspace (SLACK_BOT_TOKEN); absent with `oauth`. */
  botToken?: string | undefined;
  oauth?: SlackOAuthOptions | undefined;
  /** Socket Mode when set; otherwise the HTTP receiver on `port`. */
  appToken?: string | undefined;
  signingSecret?: string | undefined;
  port: number;
  host?: string | undefined;
  apiUrl?: string | undefined;
  moderatorIds?: readonly string[];
  moderatorGroup?: string | undefined;
  /** SLACK_EDITOR_TEAM_ID; default: the bot token's workspace. */
  editorTeamId?: string | undefined;
  /** SLACK_EDITOR_CHANNEL_ID: where the editors are told what they must act on. */
  editorChannelId?: string | undefined;
  retryConfig?: webApi.RetryOptions | undefined;
  /** HTTP mode: more routes served beside /slack/events (the calendar feeds). */
  routes?: readonly HttpRoute[] | undefined;
  /** Files shared with a command above this are refused before downloading (default 10 MB, the core's limit). */
  maxFileBytes?: number;
  /** How long a clean shutdown waits for answers still being sent (default 5 s). */
  drainMs?: number;
}

export interface SlackBot extends RunningAdapter {
  mode: 'socket' | 'http';
  /** The HTTP receiver's port (HTTP mode). */
  port?: number;
}

/** Starts the Slack adapter: Socket Mode or HTTP, one set of handlers. */
export async function startSlackBot(app: App, options: SlackBotOptions): Promise<SlackBot> {
  const logger = app.logger.child({ adapter: 'slack' });
  const many = options.oauth ? manyWorkspaces(app, options, options.oauth) : undefined;
  const boltApp = createBoltApp({ ...options, logger, oauth: many?.bolt });
  const commandLine = (invocation: Parameters<typeof invocationText>[1]) => `${SLASH_COMMAND} ${invocationText(app.registry, invocation)}`;
  // A cached reply (the same frozen object for everyone asking the same) is rendered once per language.
  const render = renderOncePerLanguage((reply: Reply, language: Language) => renderBlocks(reply, { commandLine, language }));
  // Many workspaces: the moderator group is read in the editors' workspace, with its token.
  const editorClient = many && options.editorTeamId ? lazyClient(() => many.clients.forWorkspace(options.editorTeamId!)) : boltApp.bolt.client;
  const moderators = new Moderators({
    ids: options.moderatorIds ?? [],
    group: options.moderatorGroup,
    client: editorClient,
    logger,
  });
  // Filled in once the token is checked: the editors' workspace defaults to the token's own.
  const trust: SlackTrust = {
    admins: new WorkspaceAdmins({ client: boltApp.bolt.client, logger }),
    names: new Map(),
    ...(many
      ? {
          editorTeamId: options.editorTeamId ?? null,
          installerOf: (teamId: string) => many.installations.installerOf(teamId),
          workspaceName: (teamId: string) => many.installations.nameOf(teamId),
        }
      : {}),
  };
  const inFlight = new Set<Promise<void>>();
  const answers = responseUrlPoster();
  const sender = many
    ? slackChannelSender((workspaceId) => many.clients.forWorkspace(workspaceId ?? options.editorTeamId ?? ''), render, logger, (workspaceId) => {
        if (workspaceId) many.installations.remove(workspaceId, 'Slack refused its token');
      })
    : slackChannelSender(() => boltApp.bolt.client, render, logger);
  if (many) registerUninstall(boltApp.bolt, { app, installations: many.installations, logger });
  const editors = editorsChannel(sender, options.editorChannelId);
  registerHandlers(boltApp.bolt, {
    trust,
    app,
    editors,
    // Files are downloaded from files.slack.com, or from the configured API host (a proxy, tests).
    fileHosts: options.apiUrl ? [new URL(options.apiUrl).host] : [],
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    moderators,
    render,
    postAnswer: answers.post,
    logger,
    track(work) {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },
  });

  const { port } = await boltApp.start();
  if (!many) {
    const identity = await boltApp.bolt.client.auth.test();
    if (identity.team_id) trust.home = { id: identity.team_id, name: identity.team ?? identity.team_id };
    trust.editorTeamId = options.editorTeamId ?? identity.team_id;
  }
  app.trust.editors.slack = trust.editorTeamId ?? null;
  logger.info({ mode: boltApp.mode, port, editorTeam: trust.editorTeamId, workspaces: many ? 'installed through /slack/install' : 'one' }, 'Slack adapter started');
  return {
    name: 'slack',
    mode: boltApp.mode,
    ...(port !== undefined ? { port } : {}),
    sender,
    editors,
    async stop() {
      // No new requests, then let answers already computed reach Slack.
      await boltApp.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping the Slack receiver'));
      let timer: NodeJS.Timeout | undefined;
      const drained = Promise.allSettled([...inFlight]).then(() => 'drained' as const);
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.drainMs ?? 5_000);
        timer.unref();
      });
      const outcome = await Promise.race([drained, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') logger.warn({ pending: inFlight.size }, 'stopped with Slack answers still pending');
      answers.destroy();
      logger.info('Slack adapter stopped');
    },
  };
}

/** The composition root's entry: configuration → a running Slack adapter. */
export async function startSlack(app: App, config: Config, routes?: readonly HttpRoute[]): Promise<RunningAdapter> {
  const tokenKey = parseKey(config.SLACK_TOKEN_KEY);
  const oauth = config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET
    ? { clientId: config.SLACK_CLIENT_ID, clientSecret: config.SLACK_CLIENT_SECRET, stateSecret: config.SLACK_STATE_SECRET, publicUrl: config.PUBLIC_URL }
    : undefined;
  if (!config.SLACK_BOT_TOKEN && !oauth) throw new ConfigError('SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (a distributed app) is required for the Slack adapter');
  if (oauth && !tokenKey) throw new ConfigError('SLACK_TOKEN_KEY must be 32 random bytes as base64 or hex (openssl rand -base64 32): it encrypts the workspaces\' tokens');
  return startSlackBot(app, {
    botToken: config.SLACK_BOT_TOKEN,
    ...(oauth && tokenKey ? { oauth: { ...oauth, tokenKey } } : {}),
    appToken: config.SLACK_APP_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    port: config.PORT,
    apiUrl: config.SLACK_API_URL,
    moderatorIds: config.SLACK_MODERATOR_IDS,
    editorChannelId: config.SLACK_EDITOR_CHANNEL_ID,
    moderatorGroup: config.SLACK_MODERATOR_GROUP,
    routes,
    editorTeamId: config.SLACK_EDITOR_TEAM_ID,
  });
}
