/**
 * The REST routes of the fake Discord and the state they keep: registered commands (global
 * and per guild), interaction replies and follow-ups, channel messages (deduplicated on
 * `nonce` with `enforce_nonce`), and files served as attachments.
 */
import { messageObject, snowflake } from './payloads.ts';
import type { RestCall, RestRecorder, RouteAnswer } from './rest.ts';

export interface InteractionRecord {
  channelId: string;
  /** The reply (callback type 4/7, or the edit after a defer). */
  original?: Record<string, unknown>;
  followups: Record<string, unknown>[];
  deleted: boolean;
}

export interface FakeState {
  applicationId: string;
  botUser: Record<string, unknown>;
  origin: string;
  gatewayUrl?: string;
  /** The shard count GET /gateway/bot recommends. */
  shards: number;
  /** 'global' or a guild id → the registered commands, as Discord returns them. */
  commands: Map<string, Record<string, unknown>[]>;
  /** By interaction token. */
  messages: Map<string, InteractionRecord>;
  /** `${channelId}:${nonce}` → the message created with that nonce. */
  nonces: Map<string, Record<string, unknown>>;
  files: Map<string, { data: Buffer; contentType: string }>;
}

const ok = (json: unknown, status = 200): RouteAnswer => ({ status, json });
const noContent: RouteAnswer = { status: 204 };

/** Discord leaves out options' false defaults in what it returns; so does the fake. */
function asDiscordReturns(applicationId: string, scope: string, command: Record<string, unknown>, old?: Record<string, unknown>): Record<string, unknown> {
  const strip = (option: Record<string, unknown>): Record<string, unknown> => {
    const { required, autocomplete, options, ...rest } = option;
    return {
      ...rest,
      ...(required ? { required: true } : {}),
      ...(autocomplete ? { autocomplete: true } : {}),
      ...(Array.isArray(options) ? { options: options.map((o) => strip(o as Record<string, unknown>)) } : {}),
    };
  };
  return {
    id: old?.id ?? snowflake(),
    application_id: applicationId,
    version: snowflake(),
    type: 1,
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    name_localizations: null,
    description_localizations: null,
    ...(scope === 'global' ? {} : { guild_id: scope }),
    ...strip(command),
  };
}

export function registerRoutes(rest: RestRecorder, state: FakeState): void {
  const app = state.applicationId;
  rest.route('GET', /^\/gateway\/bot$/, () =>
    // Discord raises max_concurrency for large bots; one bucket per shard here lets every
    // shard identify at once instead of 5 s apart.
    ok({ url: state.gatewayUrl, shards: state.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: state.shards } }),
  );
  rest.route('GET', /^\/gateway$/, () => ok({ url: state.gatewayUrl }));
  rest.route('GET', /^\/users\/@me$/, () => ok(state.botUser));
  rest.route('GET', /^\/(?:oauth2\/)?applications\/@me$/, () =>
    ok({ id: app, name: 'Sheriff Watch', description: '', icon: null, bot_public: true, bot_require_code_grant: false, verify_key: '0', flags: 0, bot: state.botUser }),
  );

  const scopeOf = (params: string[]) => params[1] ?? 'global';
  const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/;
  rest.route('GET', commandsRoute, (_call, params) => ok(state.commands.get(scopeOf(params)) ?? []));
  rest.route('PUT', commandsRoute, (call, params) => {
    const scope = scopeOf(params);
    const old = state.commands.get(scope) ?? [];
    const list = (call.body as Record<string, unknown>[]).map((c) => asDiscordReturns(app, scope, c, old.find((o) => o.name === c.name)));
    state.commands.set(scope, list);
    return ok(list);
  });
  rest.route('POST', commandsRoute, (call, params) => {
    const scope = scopeOf(params);
    const body = call.body as Record<string, unknown>;
    const list = (state.commands.get(scope) ?? []).filter((c) => c.name !== body.name);
    const created = asDiscordReturns(app, scope, body);
    state.commands.set(scope, [...list, created]);
    return ok(created, 201);
  });

  const record = (token: string): InteractionRecord => {
    let found = state.messages.get(token);
    if (!found) {
      found = { channelId: '0', followups: [], deleted: false };
      state.messages.set(token, found);
    }
    return found;
  };
  rest.route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (call, [, token]) => {
    const body = call.body as { type: number; data?: Record<string, unknown> };
    const entry = record(token!);
    if (body.type === 4 || body.type === 5) {
      entry.original = messageObject(entry.channelId, state.botUser, body.data ?? {});
    } else if (body.type === 7 && body.data) {
      entry.original = { ...(entry.original ?? messageObject(entry.channelId, state.botUser, {})), ...body.data };
    }
    if (call.query.get('with_response') === 'true') {
      return ok({ interaction: { id: call.path.split('/')[2], type: 2 }, resource: { type: body.type, message: entry.original } });
    }
    return noContent;
  }, true);
  const original = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/;
  rest.route('GET', original, (_call, [, token]) => {
    const entry = state.messages.get(token!);
    return entry?.original && !entry.deleted ? ok(entry.original) : ok({ message: 'Unknown Message', code: 10008 }, 404);
  }, true);
  rest.route('PATCH', original, (call, [, token]) => {
    const entry = record(token!);
    entry.original = { ...(entry.original ?? messageObject(entry.channelId, state.botUser, {})), ...(call.body as Record<string, unknown>) };
    return ok(entry.original);
  }, true);
  rest.route('DELETE', original, (_call, [, token]) => {
    record(token!).deleted = true;
    return noContent;
  }, true);
  rest.route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (call, [, token]) => {
    const entry = record(token!);
    const message = messageObject(entry.channelId, state.botUser, call.body as Record<string, unknown>);
    entry.followups.push(message);
    return ok(message);
  }, true);

  rest.route('POST', /^\/channels\/(\d+)\/messages$/, (call, [channelId]) => {
    const body = call.body as Record<string, unknown>;
    const key = body.nonce !== undefined && body.enforce_nonce ? `${channelId}:${String(body.nonce)}` : undefined;
    const seen = key ? state.nonces.get(key) : undefined;
    if (seen) return ok(seen);
    const data = Object.fromEntries(Object.entries(body).filter(([name]) => !['nonce', 'enforce_nonce', 'allowed_mentions'].includes(name)));
    const message = messageObject(channelId!, state.botUser, data);
    if (key) state.nonces.set(key, message);
    return ok(message);
  });

  rest.route('GET', /^(\/attachments\/.+)$/, (_call: RestCall, [path]) => {
    const file = state.files.get(path!);
    return file ? { status: 200, raw: { contentType: file.contentType, data: file.data } } : ok({ message: 'Not Found' }, 404);
  }, true);
}
