import { createHmac } from 'node:crypto';

/** What Slack sends: `v0=` + hex HMAC-SHA256 of `v0:<ts>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Slack escapes these three in slash-command text before sending it. */
export const slackEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SlashCommandFields {
  text: string;
  response_url: string;
  user_id?: string;
  user_name?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  command?: string;
}

/** A slash-command payload as Slack sends it (text escaped the way Slack escapes it). */
export function slashCommand(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/sheriff',
    api_app_id: 'A0SHERIFF',
    trigger_id: '1.2.3',
    ...fields,
    text: slackEscape(fields.text),
  };
}

export interface ButtonClickFields {
  action_id: string;
  value: string;
  response_url: string;
  user_id?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  is_ephemeral?: boolean;
}

/** A block_actions payload for one button click. */
export function buttonClick(fields: ButtonClickFields): Record<string, unknown> {
  const user = fields.user_id ?? 'U0ALICE';
  const team = fields.team_id ?? 'T0FAKE';
  return {
    type: 'block_actions',
    team: { id: team, domain: fields.team_domain ?? 'fake' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: 'A0SHERIFF',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: fields.channel_id ?? 'C0GENERAL', is_ephemeral: fields.is_ephemeral ?? false },
    trigger_id: '1.2.3',
    channel: { id: fields.channel_id ?? 'C0GENERAL', name: 'general' },
    response_url: fields.response_url,
    actions: [{ type: 'button', action_id: fields.action_id, block_id: 'b1', value: fields.value, text: { type: 'plain_text', text: 'x' }, action_ts: '1700000001.000200' }],
  };
}

/** An events_api envelope's payload for `app_home_opened`. */
export function appHomeOpened(user = 'U0ALICE'): Record<string, unknown> {
  return eventCallback({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1700000000.000300' });
}

export interface MessageEventFields {
  /** As Slack sends it: `<@U0BOT> import 287g`, with `&`, `<`, `>` escaped in what was typed. */
  text: string;
  user?: string;
  channel?: string;
  /** Default: a fresh timestamp per event. */
  ts?: string;
  thread_ts?: string;
  files?: unknown[];
  bot_id?: string;
}

let messageCounter = 0;
const freshTs = () => `${1_700_100_000 + ++messageCounter}.000200`;

function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0SHERIFF',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: nowSeconds(),
    authorizations: [{ team_id: 'T0FAKE', user_id: 'U0BOT', is_bot: true }],
    event,
  };
}

/** An `app_mention` event: a message in a channel that mentions the bot, with any files shared in it. */
export function appMention(fields: MessageEventFields): Record<string, unknown> {
  const ts = fields.ts ?? freshTs();
  return eventCallback({
    type: 'app_mention',
    user: fields.user ?? 'U0ALICE',
    text: fields.text,
    ts,
    event_ts: ts,
    channel: fields.channel ?? 'C0GENERAL',
    team: 'T0FAKE',
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    ...(fields.files ? { files: fields.files, upload: false } : {}),
    ...(fields.bot_id ? { bot_id: fields.bot_id } : {}),
  });
}

/** A `message` event in a direct message to the bot (`message.im`); `file_share` when it carries files. */
export function directMessage(fields: MessageEventFields): Record<string, unknown> {
  const ts = fields.ts ?? freshTs();
  return eventCallback({
    type: 'message',
    ...(fields.files ? { subtype: 'file_share', files: fields.files, upload: false } : {}),
    user: fields.user ?? 'U0ALICE',
    text: fields.text,
    ts,
    event_ts: ts,
    channel: fields.channel ?? 'D0ALICE',
    channel_type: 'im',
    team: 'T0FAKE',
    ...(fields.bot_id ? { bot_id: fields.bot_id } : {}),
  });
}

/** The form body Slack posts: slash commands as fields, interactions as `payload=<json>`. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export interface SignedPostOptions {
  /** Defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature; null sends none. */
  signature?: string | null;
  contentType?: string;
}

/** POSTs a body to the bot's HTTP receiver the way Slack does, signed with `secret`. */
export async function postSigned(url: string, secret: string, body: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature = options.signature === undefined ? slackSignature(secret, timestamp, body) : options.signature;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-slack-signature': signature }),
    },
    body,
  });
}
