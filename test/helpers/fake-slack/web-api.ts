import type { IncomingMessage } from 'node:http';
import { blockKitProblems } from './block-kit.ts';

export interface ApiCall {
  method: string;
  /** Form fields, with JSON-looking values (blocks, metadata, files) decoded. */
  args: Record<string, unknown>;
  /** From `Authorization: Bearer …` or a `token` field. */
  token: string | undefined;
}

export type ApiAnswer = Record<string, unknown>;
export type MethodHandler = (call: ApiCall) => ApiAnswer | Promise<ApiAnswer>;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A Web API request as the Slack client sends it (form-encoded, or JSON). */
export function parseApiCall(method: string, req: IncomingMessage, raw: Buffer): ApiCall {
  const type = req.headers['content-type'] ?? '';
  let args: Record<string, unknown> = {};
  if (type.includes('application/json')) {
    args = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
      args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
    }
  }
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return { method, args, token: bearer ?? (typeof args.token === 'string' ? args.token : undefined) };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A message the fake accepted, as conversations.history returns it. */
export interface PostedMessage {
  type: 'message';
  ts: string;
  text: unknown;
  bot_id: string;
  metadata?: unknown;
}

/** A file someone "uploaded" to the fake, as events and files.info describe it. */
export interface HostedFile {
  id: string;
  name: string;
  title: string;
  size: number;
  mimetype: string;
  filetype: string;
  mode: string;
  url_private: string;
  url_private_download: string;
}

/** A workspace the fake knows by its bot token (auth.test answers for it). */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botUserId: string;
  botId: string;
}

/** What an authorization code from Slack's consent screen exchanges for (oauth.v2.access). */
export interface FakeInstall extends FakeWorkspace {
  token: string;
  installerId: string;
  scopes: string[];
}

export interface DefaultState {
  /** Bot token → its workspace; a token not listed is the default workspace T0FAKE's. */
  workspaces: Map<string, FakeWorkspace>;
  /** Authorization code → the installation it grants (each code works once, as on Slack). */
  installs: Map<string, FakeInstall>;
  /** The app's OAuth credentials oauth.v2.access checks, when set. */
  oauthApp: { clientId: string; clientSecret: string } | undefined;
  /** Files served at their url_private_download, by id. */
  files: Map<string, { file: HostedFile; bytes: Buffer }>;
  /** Channel id → messages posted there, oldest first. */
  channels: Map<string, PostedMessage[]>;
  wsUrl(): string;
  uploadUrl(fileId: string): string;
  usergroups: Map<string, string[]>;
  /** users.info answers: user id → the user object's fields (is_admin, is_owner, team_id, …). */
  users: Map<string, Record<string, unknown>>;
  problems: string[];
  nextTs(): string;
  nextId(prefix: string): string;
}

/** What real Slack answers, minus everything these tests do not need. */
export function defaultAnswer(call: ApiCall, state: DefaultState): ApiAnswer {
  const { args } = call;
  switch (call.method) {
    case 'auth.test': {
      const ws = call.token ? state.workspaces.get(call.token) : undefined;
      if (!ws) return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'sheriff-watch', team_id: 'T0FAKE', user_id: 'U0BOT', bot_id: 'B0BOT' };
      return { ok: true, url: `https://${ws.teamId.toLowerCase()}.slack.test/`, team: ws.teamName, user: 'sheriff-watch', team_id: ws.teamId, user_id: ws.botUserId, bot_id: ws.botId };
    }
    case 'oauth.v2.access': {
      if (state.oauthApp && (args.client_id !== state.oauthApp.clientId || args.client_secret !== state.oauthApp.clientSecret)) {
        return { ok: false, error: 'invalid_client_id' };
      }
      const install = state.installs.get(String(args.code));
      if (!install) return { ok: false, error: 'invalid_code' };
      state.installs.delete(String(args.code));
      state.workspaces.set(install.token, install);
      return {
        ok: true,
        app_id: 'A0SHERIFF',
        authed_user: { id: install.installerId },
        scope: install.scopes.join(','),
        token_type: 'bot',
        access_token: install.token,
        bot_user_id: install.botUserId,
        team: { id: install.teamId, name: install.teamName },
        enterprise: null,
        is_enterprise_install: false,
      };
    }
    case 'apps.connections.open':
      return { ok: true, url: state.wsUrl() };
    case 'chat.postMessage': {
      const problems = args.blocks === undefined ? [] : blockKitProblems(args.blocks, { maxBlocks: 50 });
      if (problems.length) {
        state.problems.push(...problems.map((p) => `chat.postMessage: ${p}`));
        return { ok: false, error: 'invalid_blocks', errors: problems };
      }
      if (typeof args.text !== 'string' && args.blocks === undefined) return { ok: false, error: 'no_text' };
      const ts = state.nextTs();
      const message: PostedMessage = { type: 'message', text: args.text, ts, bot_id: 'B0BOT', ...(args.metadata ? { metadata: args.metadata } : {}) };
      const channel = String(args.channel);
      state.channels.set(channel, [...(state.channels.get(channel) ?? []), message]);
      return { ok: true, channel: args.channel, ts, message };
    }
    case 'chat.postEphemeral': {
      const problems = args.blocks === undefined ? [] : blockKitProblems(args.blocks, { maxBlocks: 50 });
      if (problems.length) {
        state.problems.push(...problems.map((p) => `chat.postEphemeral: ${p}`));
        return { ok: false, error: 'invalid_blocks', errors: problems };
      }
      if (typeof args.text !== 'string' && args.blocks === undefined) return { ok: false, error: 'no_text' };
      if (typeof args.user !== 'string') return { ok: false, error: 'user_not_in_channel' };
      return { ok: true, message_ts: state.nextTs() };
    }
    case 'files.info': {
      const hosted = state.files.get(String(args.file));
      return hosted ? { ok: true, file: hosted.file } : { ok: false, error: 'file_not_found' };
    }
    case 'conversations.history': {
      // Newest first; metadata only when asked for, as Slack does.
      const all = [...(state.channels.get(String(args.channel)) ?? [])].reverse();
      const limit = Number(args.limit ?? 100);
      const withMetadata = String(args.include_all_metadata) === 'true';
      const messages = all.slice(0, limit).map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest));
      return { ok: true, messages, has_more: all.length > limit };
    }
    case 'views.publish': {
      const view = (args.view ?? {}) as { blocks?: unknown; type?: unknown };
      const problems = blockKitProblems(view.blocks, { maxBlocks: 100 });
      if (view.type !== 'home') problems.push('view.type is not home');
      if (problems.length) {
        state.problems.push(...problems.map((p) => `views.publish: ${p}`));
        return { ok: false, error: 'invalid_arguments', errors: problems };
      }
      return { ok: true, view: { id: state.nextId('V'), type: 'home' } };
    }
    case 'users.info': {
      // Anyone not described is an ordinary member of the fake's workspace.
      const user = state.users.get(String(args.user)) ?? {};
      return { ok: true, user: { id: args.user, team_id: 'T0FAKE', is_admin: false, is_owner: false, is_bot: false, ...user } };
    }
    case 'usergroups.users.list': {
      const users = state.usergroups.get(String(args.usergroup));
      return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
    }
    case 'files.getUploadURLExternal': {
      const fileId = state.nextId('F');
      return { ok: true, upload_url: state.uploadUrl(fileId), file_id: fileId };
    }
    case 'files.completeUploadExternal': {
      const files = Array.isArray(args.files) ? (args.files as { id: string; title?: string }[]) : [];
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
