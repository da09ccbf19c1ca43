/**
 * How the load bench's bot is installed in its Slack workspaces. By default as a distributed app
 * (issue 19's OAuth mode): one sealed installation per team in the bot's database, each with its
 * own bot token that the fake Slack knows, so every command is authorized with its workspace's
 * token as in production. BENCH_LOAD_SLACK=token runs the single-token mode instead.
 */
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { SealedInstallations } from '../../adapters/slack/installations.ts';
import { systemClock } from '../../src/clock.ts';
import { openDatabase } from '../../src/db/open.ts';
import { TokenBox } from '../../src/secrets/token-box.ts';
import { createStore } from '../../src/store/index.ts';
import type { FakeSlack } from '../../test/helpers/fake-slack/index.ts';
import type { SlackWorkspace } from './seed.ts';

export interface SlackInstallation {
  /** Printed with the figures, so nobody mistakes one mode's figures for the other's. */
  mode: string;
  /** The bot process's Slack variables. */
  env: Record<string, string>;
}

export const SLACK_MODE = process.env.BENCH_LOAD_SLACK === 'token' ? 'token' : 'oauth';

export async function slackInstallation(
  workspaces: readonly SlackWorkspace[],
  slack: Pick<FakeSlack, 'apiUrl' | 'workspaces'>,
  signingSecret: string,
  databasePath: string,
): Promise<SlackInstallation> {
  if (SLACK_MODE === 'token') {
    return {
      mode: `single-token mode (SLACK_BOT_TOKEN): ${workspaces.length} team ids, one token`,
      env: { SLACK_BOT_TOKEN: 'xoxb-load-bench', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.apiUrl },
    };
  }
  const key = randomBytes(32);
  const db = openDatabase(databasePath);
  const installations = new SealedInstallations(createStore(db), new TokenBox(key), systemClock);
  for (const [i, w] of workspaces.entries()) {
    const token = `xoxb-load-${w.teamId}`;
    const bot = { teamId: w.teamId, teamName: `Load ${i}`, botUserId: `UBOT${i}`, botId: `BBOT${i}` };
    slack.workspaces.set(token, bot);
    const installation: Installation<'v2', false> = {
      team: { id: w.teamId, name: bot.teamName },
      enterprise: undefined,
      user: { id: `UINSTALL${i}`, token: undefined, scopes: undefined },
      bot: { id: bot.botId, userId: bot.botUserId, token, scopes: ['commands', 'chat:write'] },
      tokenType: 'bot',
      isEnterpriseInstall: false,
      appId: 'ALOAD',
      authVersion: 'v2',
    };
    await installations.storeInstallation(installation);
  }
  db.close();
  return {
    mode: `distributed app (OAuth installations, one sealed bot token per workspace): ${workspaces.length} workspaces`,
    env: {
      SLACK_CLIENT_ID: 'load.client',
      SLACK_CLIENT_SECRET: 'load-secret',
      SLACK_STATE_SECRET: 'load-state-secret',
      SLACK_TOKEN_KEY: key.toString('base64'),
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
    },
  };
}
