/**
 * A distributed Slack app on the fake Slack: the real Bolt with its OAuth flow, and a browser
 * that walks the flow (the "Add to Slack" page, Slack's consent, the redirect back).
 */
import { randomBytes } from 'node:crypto';
import { startSlackBot, type SlackBot, type SlackBotOptions } from '../../../adapters/slack/index.ts';
import type { App } from '../../../src/app.ts';
import { appMention, formBody, postSigned, slashCommand, startFakeSlack, type FakeInstall, type FakeSlack, type ResponseMessage } from '../../helpers/fake-slack/index.ts';
import { coreApp, SECRET } from './harness.ts';

export const CLIENT = { clientId: '1111.2222', clientSecret: 'client-secret-for-tests' };

export interface Workspace extends FakeInstall {
  /** A channel there. */
  channelId: string;
}

/** A workspace as Slack's consent screen grants it: its own bot token, bot user and installer. */
export function workspace(letter: string, name: string): Workspace {
  return {
    teamId: `T0${letter}${letter}${letter}`,
    teamName: name,
    botUserId: `U0BOT${letter}`,
    botId: `B0BOT${letter}`,
    token: `xoxb-${letter.toLowerCase()}-${randomBytes(6).toString('hex')}`,
    installerId: `U0INSTALL${letter}`,
    scopes: ['commands', 'chat:write'],
    channelId: `C0${letter}GENERAL`,
  };
}

export interface OAuthHarness {
  slack: FakeSlack;
  bot: SlackBot;
  core: App;
  base: string;
  /** GET /slack/install: the page, the authorize URL its button links to, and the state cookie. */
  installPage(): Promise<{ status: number; html: string; authorizeUrl: URL; cookie: string }>;
  /** The whole flow for a workspace: page, consent (a code), redirect with the browser's cookie. */
  install(ws: Workspace, options?: { state?: string }): Promise<{ status: number; html: string }>;
  /** `/sheriff <text>` from a workspace; the answer posted to its response_url. */
  command(ws: Workspace, text: string, user: string): Promise<ResponseMessage['body']>;
  /** `@Sheriff Watch <text>` in a workspace's channel; resolves once Bolt acknowledged it. */
  mention(ws: Workspace, text: string, user: string): Promise<void>;
  /** An Events API event from a workspace (app_uninstalled, tokens_revoked), acknowledged. */
  event(ws: Workspace, event: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startOAuthHarness(options: Pick<SlackBotOptions, 'editorTeamId' | 'moderatorIds' | 'editorChannelId'> = {}): Promise<OAuthHarness> {
  const slack = await startFakeSlack();
  slack.oauthApp = CLIENT;
  const core = coreApp();
  const bot = await startSlackBot(core, {
    oauth: { ...CLIENT, stateSecret: 'state-secret-for-tests', tokenKey: randomBytes(32) },
    signingSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    apiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    ...options,
  });
  const base = `http://127.0.0.1:${bot.port ?? 0}`;
  const eventsUrl = `${base}/slack/events`;

  async function installPage() {
    const res = await fetch(`${base}/slack/install`, { headers: { 'accept-language': 'en-US' } });
    const html = await res.text();
    const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(html)?.[1] ?? '';
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { status: res.status, html, authorizeUrl: new URL(href.replace(/&amp;/g, '&')), cookie };
  }

  async function postEvent(ws: Workspace, event: Record<string, unknown>) {
    const payload = { ...appMention({ text: '' }), team_id: ws.teamId, authorizations: [{ team_id: ws.teamId, user_id: ws.botUserId, is_bot: true }], event };
    const res = await postSigned(eventsUrl, SECRET, JSON.stringify(payload), { contentType: 'application/json' });
    if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
  }

  return {
    slack,
    bot,
    core,
    base,
    installPage,
    async install(ws, { state } = {}) {
      const page = await installPage();
      const code = slack.grantInstall(ws);
      const res = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state ?? page.authorizeUrl.searchParams.get('state') ?? '')}`, {
        headers: { cookie: page.cookie, 'accept-language': 'es-MX,es;q=0.9' },
        redirect: 'manual',
      });
      return { status: res.status, html: await res.text() };
    },
    async command(ws, text, user) {
      const url = slack.responseUrl();
      const fields = slashCommand({ text, team_id: ws.teamId, channel_id: ws.channelId, user_id: user, response_url: url });
      const res = await postSigned(eventsUrl, SECRET, formBody(fields));
      if (res.status !== 200) throw new Error(`the bot answered ${res.status}`);
      return (await slack.responseTo(url)).body;
    },
    async mention(ws, text, user) {
      const mention = appMention({ text: `<@${ws.botUserId}> ${text}`, user, channel: ws.channelId }).event as Record<string, unknown>;
      await postEvent(ws, { ...mention, team: ws.teamId });
    },
    event: postEvent,
    async stop() {
      await bot.stop();
      await slack.close();
    },
  };
}
