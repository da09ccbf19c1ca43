/** The pages of Slack's install flow for a distributed app (/slack/install, /slack/oauth_redirect). */
export const slackInstall = {
  'slack.install.title': 'Add Sheriff Watch to your Slack workspace',
  'slack.install.intro':
    'Sheriff Watch tells your members who their county sheriff is, where the sheriff stands on ICE (287(g) agreements, detainers) and when the next sheriff election and county board meetings are, and posts reminders to the channels that subscribe.',
  'slack.install.managers': "Whoever installs it, and the workspace's admins and owners, manage its subscriptions and language in your workspace.",
  'slack.install.button': 'Add to Slack',
  'slack.install.done.title': 'Sheriff Watch is installed in {workspace}',
  'slack.install.done.next': 'In Slack, type {command} in a channel, for example {example}, or {help} for every command.',
  'slack.install.done.open': 'Open Slack',
  'slack.install.failed.title': 'Sheriff Watch was not installed',
  'slack.install.failed.why': 'Slack said: {reason}.',
  'slack.install.failed.again': 'Start again from {link}. If it keeps failing, tell whoever runs this bot and quote the message above.',
  /** A subscription paused because its workspace removed the bot (scheduler notices, App Home). */
  'paused.reason.access_revoked': 'the bot was uninstalled from the workspace or its access was revoked',
} as const;
