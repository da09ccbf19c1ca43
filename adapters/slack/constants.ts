/** The one slash command; its text is parsed by the core's free-text grammar. */
export const SLASH_COMMAND = '/sheriff';

/** The bot's name in Slack (the manifest's display name): what people type after `@`. */
export const BOT_NAME = 'Sheriff Watch';

/**
 * Files shared with a message are refused above this size before being downloaded, unless the
 * command's file option declares a smaller limit (OptionDef.maxBytes).
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Where the HTTP receiver takes commands, button clicks and events. */
export const EVENTS_PATH = '/slack/events';

/** A distributed app's "Add to Slack" page, and where Slack sends the browser back after consent (Bolt's OAuth flow). */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The HTTP receiver's liveness check. */
export const HEALTH_PATH = '/healthz';

/** Message metadata type carrying a delivery's idempotency key (see channel-sender.ts). */
export const DELIVERY_EVENT_TYPE = 'sheriff_watch_delivery';

/**
 * Every bot scope the code needs, and the call that needs it. The manifest is generated from
 * this list and a test checks it against the calls the adapter really makes.
 */
export const BOT_SCOPES = {
  commands: `the ${SLASH_COMMAND} slash command`,
  'chat:write': 'chat.postMessage: reminders and alerts posted to subscribed channels',
  'chat:write.public': 'chat.postMessage to a public channel the bot was never invited to',
  'files:write': 'files.uploadV2: replies that carry a file, e.g. a calendar or a map image (with its alt text)',
  'files:read': 'downloading a file shared with a command (url_private_download), and files.info for Slack Connect files',
  'app_mentions:read': 'the app_mention event: commands written to @Sheriff Watch in a channel, with their files',
  'im:history': 'the message.im event: commands written in a direct message to the bot, with their files',
  'usergroups:read': 'usergroups.users.list: members of SLACK_MODERATOR_GROUP',
  'users:read': 'users.info: whether a user is a workspace admin or owner (they manage their channels)',
  'channels:history': 'conversations.history: after a crash, finding a reminder already posted to a public channel',
  'groups:history': 'conversations.history: the same in private channels the bot was invited to',
} as const;

export type BotScope = keyof typeof BOT_SCOPES;

/**
 * Events the app subscribes to: the App Home (views.publish needs no scope), mentions
 * (app_mentions:read) and direct messages (im:history), which is how files reach a command.
 */
export const BOT_EVENTS = ['app_home_opened', 'app_mention', 'message.im'] as const;

/**
 * A distributed app also hears when a workspace removes it (no scope needed): its tokens are
 * forgotten and its subscriptions pause (uninstall.ts).
 */
export const LIFECYCLE_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;
