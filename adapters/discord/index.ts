/**
 * The Discord adapter: connects every shard with the Guilds intent only (client.ts), answers
 * interactions through the core, keeps the registered slash commands in step with the core's
 * definitions, and stops cleanly (in-flight answers finish first).
 */
import { Events, type Client } from 'discord.js';
import type { App } from '../../src/app.ts';
import { ConfigError, type Config } from '../../src/config.ts';
import { preparePlaceIndex } from '../../src/lookup/resolve-place.ts';
import type { RunningAdapter } from '../running-adapter.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { editorsChannel } from '../../src/delivery/editor-notifier.ts';
import { createChannelSender } from './channel-sender.ts';
import { createDiscordClient } from './client.ts';
import { syncCommands } from './command-registration.ts';
import { createCustomIds, customIdSecret } from './custom-id.ts';
import { createInteractionHandler } from './interaction-handler.ts';
import { createRenderer } from './render-embed.ts';

export interface DiscordOptions {
  /** Defer an answer not ready after this long (default 2 s; Discord's deadline is 3 s). */
  deferAfterMs?: number;
  /** Give up starting when the gateway is not ready after this long (default 60 s). */
  readyTimeoutMs?: number;
  /** Largest attachment downloaded for an ATTACHMENT option (default 8 MiB). */
  maxAttachmentBytes?: number;
  /** How long stop() lets in-flight answers finish (default 5 s). */
  drainTimeoutMs?: number;
}

function readyWithin(client: Client, ms: number): Promise<void> {
  if (client.isReady()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Discord did not become ready within ${Math.round(ms / 1000)} s`)), ms);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** @discordjs/ws's errors for the gateway's close codes 4011 (Sharding required) and 4010 (Invalid shard). */
const SHARDS_REFUSED = new Set(['Sharding is required', 'Invalid shard']);

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export async function startDiscord(app: App, config: Config, options: DiscordOptions = {}): Promise<RunningAdapter> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const { logger } = app;
  preparePlaceIndex(app.store);

  const client = createDiscordClient(config, logger, {
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
    // @discordjs/rest waits out a 429 (Retry-After, or a bucket it knows is empty) and
    // retries; it asks this hook first, only then: say so in the logs and keep waiting. (A
    // RESTEvents.Response listener would instead make it clone every response.)
    rejectOnRateLimit: (limit) => {
      logger.warn({ method: limit.method, route: limit.route, retryAfterMs: limit.retryAfter, global: limit.global }, 'discord rate limit: waiting');
      return false;
    },
  });

  // Say who edits, so an upgraded installation neither silently keeps nor loses its editors.
  app.trust.editors.discord = config.DISCORD_EDITOR_GUILD_ID ?? null;

  const customIds = createCustomIds(customIdSecret(token));
  const render = createRenderer(customIds);
  const apiHost = config.DISCORD_API_URL ? new URL(config.DISCORD_API_URL).host : undefined;
  const sender = createChannelSender(client.rest, render);
  const editors = editorsChannel(sender, config.DISCORD_EDITOR_CHANNEL_ID);
  const handle = createInteractionHandler({
    app,
    customIds,
    render,
    roles: { moderatorRole: config.DISCORD_MODERATOR_ROLE, editorGuildId: config.DISCORD_EDITOR_GUILD_ID },
    editors,
    deferAfterMs: options.deferAfterMs ?? 2000,
    download: { maxBytes: options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES, extraHosts: apiHost ? [apiHost] : [] },
  });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const done: Promise<void> = handle(interaction).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });

  try {
    await client.login(token);
    await readyWithin(client, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await client.destroy();
    if (error instanceof Error && 'code' in error && error.code === 'TokenInvalid') {
      throw new ConfigError('Invalid configuration:\n  DISCORD_TOKEN: Discord refused this token (Developer Portal → Bot → Reset Token)');
    }
    if (error instanceof Error && SHARDS_REFUSED.has(error.message)) {
      throw new ConfigError(
        `Invalid configuration:\n  DISCORD_SHARDS: Discord refused ${String(config.DISCORD_SHARDS)} shard(s) for this bot (${error.message}); unset it or set DISCORD_SHARDS=auto to run the count Discord recommends`,
      );
    }
    throw error;
  }
  const shards = [...client.ws.shards.keys()];
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards, shardCount: client.options.shardCount }, 'connected to Discord');
  // Say who edits, so an upgraded installation neither silently keeps nor loses its editors.
  if (config.DISCORD_EDITOR_GUILD_ID) logger.info({ editorGuild: config.DISCORD_EDITOR_GUILD_ID }, 'discord: the editors are the moderators of the editors’ server');
  else logger.warn('discord: DISCORD_EDITOR_GUILD_ID is not set, so nobody on Discord edits the shared record directly; changes made on Discord become proposals');

  // One registration per bot, not per shard: under a ShardingManager only the process that
  // runs shard 0 registers (here every shard is in one process, so this one does).
  if (shards.includes(0)) await registerCommands(client, app, config);

  return {
    name: 'discord',
    sender,
    editors,
    async stop() {
      stopping = true;
      await Promise.race([Promise.allSettled([...inFlight]), pause(options.drainTimeoutMs ?? 5000)]);
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}

async function registerCommands(client: Client, app: App, config: Config): Promise<void> {
  try {
    const result = await syncCommands(client.rest, app.registry, { applicationId: client.application!.id, guildId: config.DISCORD_GUILD_ID });
    app.logger.info(result, result.changed ? 'registered Discord commands' : 'Discord commands already up to date');
  } catch (error) {
    // The commands Discord already has keep working; `npm run discord:register` retries.
    app.logger.error({ err: error }, 'could not register Discord commands');
  }
}
