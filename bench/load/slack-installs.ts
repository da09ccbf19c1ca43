/**
 * How the load bench's bot is installed in its Slack workspaces — the one place to change when
 * the multi-workspace installation store lands (issue 19's OAuth half): seed one installation
 * per team there and return the OAuth variables instead of SLACK_BOT_TOKEN. Until then the bot
 * runs in single-token mode: every team's commands are answered with the one token, which is
 * what the bench then measures.
 */
import type { SlackWorkspace } from './seed.ts';

export interface SlackInstallation {
  /** Printed with the figures, so nobody reads them as the OAuth mode's. */
  mode: string;
  /** The bot process's Slack variables. */
  env: Record<string, string>;
}

export function slackInstallation(workspaces: readonly SlackWorkspace[], apiUrl: string, signingSecret: string): SlackInstallation {
  return {
    mode: `single-token mode (SLACK_BOT_TOKEN; no installation store on main yet): ${workspaces.length} team ids, one token`,
    env: { SLACK_BOT_TOKEN: 'xoxb-load-bench', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: apiUrl },
  };
}
