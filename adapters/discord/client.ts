/**
 * The discord.js client the adapter runs: every shard Discord recommends in this one process
 * (or DISCORD_SHARDS of them), caches cut to what answering reads, and each shard's
 * disconnects, reconnects and errors logged. discord.js reconnects and resumes by itself.
 */
import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Options, type ClientOptions, type RESTOptions } from 'discord.js';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';

/**
 * `shards`/`shardCount` for the client. Under discord.js's ShardingManager (multi-process
 * mode) the manager hands each process its shard ids in SHARDS and SHARD_COUNT, which
 * discord.js reads itself only when these options are left unset.
 */
export function shardOptions(setting: Config['DISCORD_SHARDS'], env: NodeJS.ProcessEnv = process.env): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (env.SHARDS !== undefined && env.SHARD_COUNT !== undefined) return {};
  return setting === 'auto' ? { shards: 'auto' } : { shardCount: setting };
}

/**
 * Answers come from the interaction payload (member, roles ids, permissions, channel), so
 * nothing per member, message or presence is kept. What stays: the guilds with their roles
 * (DISCORD_MODERATOR_ROLE may be a role *name*, looked up in guild.roles) and channels —
 * discord.js does not support limiting those — and the bot's own member and user.
 */
export const cacheLimits = Options.cacheWithLimits({
  ApplicationCommandManager: 0,
  ApplicationEmojiManager: 0,
  AutoModerationRuleManager: 0,
  BaseGuildEmojiManager: 0,
  EntitlementManager: 0,
  GuildBanManager: 0,
  GuildEmojiManager: 0,
  GuildInviteManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  GuildScheduledEventManager: 0,
  GuildStickerManager: 0,
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  StageInstanceManager: 0,
  ThreadMemberManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  VoiceStateManager: 0,
});

/** What to do about a close code after which discord.js gives the shard up. */
const UNRECOVERABLE: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]: 'Discord refused DISCORD_TOKEN; reset it in the Developer Portal and restart',
  [GatewayCloseCodes.ShardingRequired]: 'Discord wants more shards; set DISCORD_SHARDS=auto (the default) or a larger number and restart',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard count; set DISCORD_SHARDS=auto (the default) and restart',
  [GatewayCloseCodes.DisallowedIntents]: 'an intent is not enabled for this bot; the bot needs only Guilds — check the Developer Portal',
};

export function createDiscordClient(config: Config, logger: Logger, rest: Partial<RESTOptions>): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...shardOptions(config.DISCORD_SHARDS),
    rest,
    makeCache: cacheLimits,
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord warning'));
  client.on(Events.ShardReady, (shard, unavailable) =>
    logger.info({ shard, shards: client.options.shardCount, unavailableGuilds: unavailable?.size ?? 0 }, 'discord shard ready'),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.warn({ shard }, 'discord shard disconnected; reconnecting'));
  client.on(Events.ShardResume, (shard, replayedEvents) => logger.info({ shard, replayedEvents }, 'discord shard resumed'));
  client.on(Events.ShardError, (error, shard) => logger.error({ err: error, shard }, 'discord shard connection error'));
  // Emitted only for the close codes after which discord.js stops reconnecting that shard;
  // the other shards keep serving.
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ code: event.code, shard, fix: UNRECOVERABLE[event.code] ?? 'restart the bot' }, 'discord shard disconnected for good'),
  );
  return client;
}
