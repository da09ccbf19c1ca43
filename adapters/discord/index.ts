/**
 * The Discord adapter: connects with the Guilds intent only, answers interactions through
 * the core, keeps the registered slash commands in step with the core's definitions, and
 * stops cleanly (in-flight answers finish first).
 */
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { App } from '../../src/app.ts';
import { ConfigError, type Config } from '../../src/config.ts';
import { preparePlaceIndex } from '../../src/lookup/resolve-place.ts';
import type { RunningAdapter } from '../running-adapter.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { editorsChannel } from '../../src/delivery/editor-notifier.ts';
import { createChannelSender } from './channel-sender.ts';
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

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export async function startDiscord(app: App, config: Config, options: DiscordOptions = {}): Promise<RunningAdapter> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const { logger } = app;
  preparePlaceIndex(app.store);

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: {
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
      // @discordjs/rest waits out a 429 (Retry-After, or a bucket it knows is empty) and
      // retries; it asks this hook first, only then: say so in the logs and keep waiting. (A
      // RESTEvents.Response listener would instead make it clone every response.)
      rejectOnRateLimit: (limit) => {
        logger.warn({ method: limit.method, route: limit.route, retryAfterMs: limit.retryAfter, global: limit.global }, 'discord rate limit: waiting');
        return false;
      },
    },
    // Interactions carry the member and the channel; messages are never read.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, ReactionManager: 0 }),
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'discord gateway disconnected'));
  client.on(Events.ShardResume, (shard) => logger.info({ shard }, 'discord gateway resumed'));

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
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  if (config.DISCORD_EDITOR_GUILD_ID) logger.info({ editorGuild: config.DISCORD_EDITOR_GUILD_ID }, 'discord: the editors are the moderators of the editors’ server');
  else logger.warn('discord: DISCORD_EDITOR_GUILD_ID is not set, so nobody on Discord edits the shared record directly; changes made on Discord become proposals');


  try {
    const result = await syncCommands(client.rest, app.registry, { applicationId: client.application!.id, guildId: config.DISCORD_GUILD_ID });
    logger.info(result, result.changed ? 'registered Discord commands' : 'Discord commands already up to date');
  } catch (error) {
    // The commands Discord already has keep working; `npm run discord:register` retries.
    logger.error({ err: error }, 'could not register Discord commands');
  }

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
