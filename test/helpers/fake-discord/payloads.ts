/**
 * Discord API objects as the fake sends them: users, members, guilds, messages and the fields
 * every INTERACTION_CREATE needs (leaving out `entitlements` or
 * `authorizing_integration_owners` makes discord.js throw inside and never reply).
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake with the current time in it (discord.js derives createdTimestamp from it). */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Permission bits the tests use (Discord's values). */
export const PERMISSIONS = {
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  MANAGE_CHANNELS: 1n << 4n,
  MANAGE_GUILD: 1n << 5n,
  ADMINISTRATOR: 1n << 3n,
} as const;

/** What an ordinary member may do in a channel. */
export const MEMBER_PERMISSIONS = PERMISSIONS.VIEW_CHANNEL | PERMISSIONS.SEND_MESSAGES;

export interface UserSpec {
  id?: string;
  username?: string;
}

export interface MemberSpec extends UserSpec {
  /** Role ids. */
  roles?: string[];
  /** The member's permissions in the channel (a bitfield). */
  permissions?: bigint;
  nick?: string | null;
}

export function userObject(spec: UserSpec = {}, bot = false): Record<string, unknown> {
  const id = spec.id ?? '300000000000000001';
  return {
    id,
    username: spec.username ?? `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: spec.username ?? null,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export function memberObject(spec: MemberSpec = {}): Record<string, unknown> {
  return {
    user: userObject(spec),
    roles: spec.roles ?? [],
    permissions: String(spec.permissions ?? MEMBER_PERMISSIONS),
    joined_at: '2025-01-01T00:00:00.000Z',
    nick: spec.nick ?? null,
    avatar: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
}

export interface RoleSpec {
  id: string;
  name: string;
  permissions?: bigint;
}

export interface GuildSpec {
  id: string;
  name: string;
  roles: RoleSpec[];
  channelIds: string[];
}

export function guildCreate(guild: GuildSpec, botUserId: string): Record<string, unknown> {
  const role = (r: RoleSpec, position: number) => ({
    id: r.id, name: r.name, permissions: String(r.permissions ?? 0n), position, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0,
  });
  return {
    id: guild.id,
    name: guild.name,
    icon: null, splash: null, discovery_splash: null, banner: null, description: null,
    owner_id: '300000000000000999',
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0, premium_subscription_count: 0,
    system_channel_id: null, system_channel_flags: 0, rules_channel_id: null, public_updates_channel_id: null,
    preferred_locale: 'en-US', features: [], vanity_url_code: null, max_video_channel_users: 25,
    roles: [role({ id: guild.id, name: '@everyone', permissions: MEMBER_PERMISSIONS }, 0), ...guild.roles.map((r, i) => role(r, i + 1))],
    emojis: [], stickers: [],
    channels: guild.channelIds.map((id, position) => ({
      id, type: 0, guild_id: guild.id, name: `channel-${position}`, position, permission_overwrites: [], nsfw: false,
      parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0,
    })),
    threads: [], members: [memberObject({ id: botUserId, username: 'sheriff-watch' })], voice_states: [], presences: [],
    stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    member_count: 2, large: false, unavailable: false, joined_at: '2025-01-01T00:00:00.000Z',
    premium_progress_bar_enabled: false,
  };
}

/** A message as REST returns it after the bot posted or edited it. */
export function messageObject(channelId: string, author: Record<string, unknown>, data: Record<string, unknown>, id = snowflake()): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    type: 0,
    author,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    ...data,
  };
}

export interface InteractionWhere {
  guildId: string;
  channelId: string;
  member: MemberSpec;
  locale: string;
}

/** The envelope every interaction needs; `rest` adds the type-specific fields. */
export function interactionObject(applicationId: string, where: InteractionWhere, rest: Record<string, unknown>): Record<string, unknown> & { id: string; token: string } {
  const id = snowflake();
  return {
    id,
    token: `token-${id}`,
    version: 1,
    application_id: applicationId,
    guild_id: where.guildId,
    guild: { id: where.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: where.channelId,
    channel: { id: where.channelId, type: 0, guild_id: where.guildId, name: 'channel-0', permissions: String(where.member.permissions ?? MEMBER_PERMISSIONS) },
    member: memberObject(where.member),
    locale: where.locale,
    app_permissions: String(MEMBER_PERMISSIONS | (1n << 14n) | (1n << 15n)),
    entitlements: [],
    authorizing_integration_owners: { 0: where.guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
    ...rest,
  };
}
