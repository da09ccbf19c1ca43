/** The one slash command; its text is parsed by the core's free-text grammar. */
export const SLASH_COMMAND = '/sheriff';

/** Where the HTTP receiver takes commands, button clicks and events. */
export const EVENTS_PATH = '/slack/events';

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
  'files:write': 'files.uploadV2: replies that carry a file, e.g. a calendar',
  'usergroups:read': 'usergroups.users.list: members of SLACK_MODERATOR_GROUP',
  'channels:history': 'conversations.history: after a crash, finding a reminder already posted to a public channel',
  'groups:history': 'conversations.history: the same in private channels the bot was invited to',
} as const;

export type BotScope = keyof typeof BOT_SCOPES;

/** Events the app subscribes to (views.publish for the App Home needs no scope). */
export const BOT_EVENTS = ['app_home_opened'] as const;
