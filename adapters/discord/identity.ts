/**
 * The Discord identity → the core's Caller (its roles) and Conversation. A moderator is a member with
 * the role named (or id'd) in DISCORD_MODERATOR_ROLE, or with Manage Server (Administrator
 * implies it). Everything comes from the interaction payload, which Discord fills in for
 * every interaction: no member fetches, no privileged intents.
 */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Caller, Conversation } from '../../src/framework/types.ts';

/** The role ids of the member who interacted (payload or cached member alike). */
function memberRoleIds(interaction: BaseInteraction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

/** Whether `setting` (a role id or a role name, any case) is one of the member's roles. */
function hasModeratorRole(interaction: BaseInteraction, setting: string | undefined): boolean {
  const wanted = setting?.trim();
  if (!wanted) return false;
  const ids = memberRoleIds(interaction);
  if (ids.includes(wanted)) return true;
  const roles = interaction.guild?.roles.cache;
  if (!roles) return false;
  const name = wanted.toLowerCase();
  return ids.some((id) => roles.get(id)?.name.toLowerCase() === name);
}

export function isModerator(interaction: BaseInteraction, moderatorRole: string | undefined): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  return hasModeratorRole(interaction, moderatorRole);
}

/** Who edits: the moderators of the one server the operator names (DISCORD_EDITOR_GUILD_ID). */
export interface DiscordRoles {
  /** DISCORD_MODERATOR_ROLE: a role name or id. */
  moderatorRole: string | undefined;
  /** DISCORD_EDITOR_GUILD_ID; unset: nobody on Discord edits the shared record directly. */
  editorGuildId: string | undefined;
}

/**
 * The core's caller. An editor is a moderator of the editors' server: the record is shared by
 * every server, so Manage Server anywhere else (a server made a minute ago included) only makes
 * a community manager, whose record changes become proposals. A community manager manages
 * their server's channels (Manage Server, the moderator role, or Manage Channels as Discord
 * resolves it for this channel).
 */
export function callerOf(interaction: BaseInteraction, roles: DiscordRoles): Caller {
  const user = interaction.user;
  const moderator = isModerator(interaction, roles.moderatorRole);
  return {
    id: `discord:${user.id}`,
    platform: 'discord',
    workspaceId: workspaceOf(interaction),
    userId: user.id,
    displayName: user.globalName ?? user.username,
    isEditor: moderator && roles.editorGuildId !== undefined && interaction.guildId === roles.editorGuildId,
    isCommunityManager: moderator || (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false),
  };
}

/** The guild, or the user's own direct-message space outside one. */
const workspaceOf = (interaction: BaseInteraction) => interaction.guildId ?? `dm:${interaction.user.id}`;

export function conversationOf(interaction: BaseInteraction): Conversation {
  const name = interaction.guild?.name;
  return { platform: 'discord', workspaceId: workspaceOf(interaction), ...(name ? { workspaceName: name } : {}), channelId: interaction.channelId ?? '' };
}
