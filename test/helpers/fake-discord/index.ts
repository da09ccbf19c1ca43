/**
 * A local fake Discord for tests and benchmarks: REST over node:http and the gateway over
 * ws, both on 127.0.0.1 and one port. Point discord.js at it with `rest: { api: fake.apiUrl }`
 * (Sheriff Watch: DISCORD_API_URL) and the token `fake.token`.
 *
 *   const fake = await startFakeDiscord();             // port 0: any free port
 *   ... start the bot, then: await fake.waitForBot();
 *   const sent = fake.sendCommand('sheriff', { county: 'Autauga', state: 'AL' });
 *   const call = await sent.callback;                   // the callback POST, once answered 2xx
 *   fake.rateLimit({ path: /\/callback$/, retryAfter: 0.2 }); // the next callback gets a 429
 *   fake.channelPosts('123')                            // what the bot posted to a channel
 *
 * Sharding: `startFakeDiscord({ shards: 2, guilds: [...] })` recommends two shards in
 * GET /gateway/bot, refuses fewer (close 4011), and sends each shard only its guilds and
 * their interactions (`sendCommand(..., { guildId })`).
 *
 * `start` is the same function as `startFakeDiscord`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway, shardOf } from './gateway.ts';
import { guildCreate, snowflake, userObject, type GuildSpec } from './payloads.ts';
import { RestRecorder, type FailureRule, type RateLimitRule, type RestCall } from './rest.ts';
import { registerRoutes, type FakeState } from './routes.ts';
import { InteractionSender } from './interactions.ts';

export { shardOf } from './gateway.ts';
export type { RestCall, RateLimitRule, FailureRule } from './rest.ts';
export type { InteractionOptions } from './interactions.ts';
export { PERMISSIONS, MEMBER_PERMISSIONS, snowflake, type GuildSpec } from './payloads.ts';

export interface FakeDiscordOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  applicationId?: string;
  /** Default: one guild with a channel and a role named 'Sheriff Watch moderators'. */
  guild?: GuildSpec;
  /** More guilds the bot is in (besides `guild`). */
  guilds?: GuildSpec[];
  /** The shard count GET /gateway/bot recommends and the gateway requires (default 1). */
  shards?: number;
  heartbeatIntervalMs?: number;
}

export interface FakeDiscord extends InteractionSender {
  /** For discord.js `rest: { api }` / DISCORD_API_URL. */
  readonly apiUrl: string;
  readonly port: number;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guild: GuildSpec;
  /** Every guild the bot is in, `guild` first. */
  readonly guilds: GuildSpec[];
  /** Every REST call, in the order they completed. */
  readonly calls: RestCall[];
  readonly gateway: FakeGateway;
  readonly state: FakeState;
  /** The first call (made or to come) that matches. */
  waitForCall(match: (call: RestCall) => boolean): Promise<RestCall>;
  /** The first `count` matching calls, once that many have been made. */
  waitForCalls(match: (call: RestCall) => boolean, count: number): Promise<RestCall[]>;
  /** The follow-up messages posted for an interaction, once there are `count` of them. */
  followUps(interaction: { token: string }, count: number): Promise<RestCall[]>;
  /** Accepted message posts (POST /channels/{id}/messages), to one channel or to all. */
  channelPosts(channelId?: string): RestCall[];
  /** Accepted interaction callbacks, in the order they arrived. */
  callbacks(): RestCall[];
  /** Resolves when a bot has identified on the gateway, on every recommended shard. */
  waitForBot(): Promise<void>;
  /** The next matching request(s) get a 429 with this Retry-After. */
  rateLimit(rule: RateLimitRule): void;
  /** The next matching request(s) fail with this status (a 5xx is retried by discord.js). */
  failNext(rule: FailureRule): void;
  /** Serves bytes at a URL on this server (a Discord CDN attachment). */
  serveFile(filename: string, data: Uint8Array, contentType?: string): string;
  stop(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-bot-token';
  const applicationId = options.applicationId ?? '100000000000000001';
  const botUserId = applicationId;
  const guild: GuildSpec = options.guild ?? {
    id: '200000000000000001',
    name: 'Organizers',
    roles: [{ id: '210000000000000001', name: 'Sheriff Watch moderators' }],
    channelIds: ['220000000000000001'],
  };
  const guilds = [guild, ...(options.guilds ?? [])];
  const shards = options.shards ?? 1;
  const onShard = ([id, count]: [number, number]) => guilds.filter((g) => shardOf(g.id, count) === id);
  const rest = new RestRecorder(token);
  const server: Server = createServer((req, res) => {
    rest.handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const botUser = userObject({ id: botUserId, username: 'sheriff-watch' }, true);
  const state: FakeState = { applicationId, botUser, origin, shards, commands: new Map(), messages: new Map(), nonces: new Map(), files: new Map() };
  registerRoutes(rest, state);

  const gateway = new FakeGateway(server, {
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    shards,
    ready: (sessionId, shard) => ({
      v: 10,
      user: { ...botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: onShard(shard).map((g) => ({ id: g.id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: `ws://127.0.0.1:${port}`,
      shard,
      application: { id: applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      user_settings: {},
      guild_join_requests: [],
      presences: [],
    }),
    guilds: (shard) => onShard(shard).map((g) => guildCreate(g, botUserId)),
  });
  // The gateway URL the bot gets from GET /gateway/bot.
  state.gatewayUrl = `ws://127.0.0.1:${port}`;

  const sender = new InteractionSender(gateway, rest, state, guilds);
  return Object.assign(sender, {
    apiUrl: `${origin}/api`,
    port,
    token,
    applicationId,
    botUserId,
    guild,
    guilds,
    calls: rest.calls,
    gateway,
    state,
    waitForCall: (match: (call: RestCall) => boolean) => rest.waitFor(match),
    waitForCalls: (match: (call: RestCall) => boolean, count: number) => rest.waitForMany(match, count),
    followUps: (interaction: { token: string }, count: number) =>
      rest.waitForMany((call) => call.method === 'POST' && call.path === `/webhooks/${applicationId}/${interaction.token}` && call.status === 200, count),
    channelPosts: (channelId?: string) =>
      rest.calls.filter((c) => {
        const target = /^\/channels\/(\d+)\/messages$/.exec(c.path)?.[1];
        return c.method === 'POST' && c.status < 300 && target !== undefined && (channelId === undefined || target === channelId);
      }),
    callbacks: () => rest.calls.filter((c) => c.method === 'POST' && c.status < 300 && c.path.endsWith('/callback')),
    waitForBot: async () => {
      await gateway.waitForIdentify(shards);
    },
    rateLimit: (rule: RateLimitRule) => rest.rateLimit(rule),
    failNext: (rule: FailureRule) => rest.fail(rule),
    serveFile: (filename: string, data: Uint8Array, contentType = 'application/octet-stream') => {
      const path = `/attachments/${snowflake()}/${encodeURIComponent(filename)}`;
      state.files.set(path, { data: Buffer.from(data), contentType });
      return `${origin}${path}`;
    },
    stop: async () => {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** A callback's body: `{ type, data }` (4 = reply, 5 = deferred, 6 = deferred update, 7 = update, 8 = autocomplete). */
export interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

export function callbackBody(call: RestCall): CallbackBody {
  return call.body as CallbackBody;
}

