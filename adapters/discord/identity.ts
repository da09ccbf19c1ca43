/**
 * The Discord identity → the core's Caller (its roles) and Conversation. A moderator is a member with
 * the role named (or id'd) in DISCORD_MODERATOR_ROLE, or with Manage Server (Administrator
 * implies it). Everything comes from the interaction payload, which Discord fills in for
 * every interaction: no member fetches, no privileged intents.
 */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Caller, Conversation } from '../../src/commands/types.ts';

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

/**
 * The core's caller: a moderator edits the record and manages every channel; a member allowed
 * to manage this channel (Manage Channels, as Discord resolves it for the channel) manages it.
 */
export function callerOf(interaction: BaseInteraction, moderatorRole: string | undefined): Caller {
  const user = interaction.user;
  const moderator = isModerator(interaction, moderatorRole);
  return {
    id: `discord:${user.id}`,
    platform: 'discord',
    workspaceId: workspaceOf(interaction),
    userId: user.id,
    displayName: user.globalName ?? user.username,
    isEditor: moderator,
    isCommunityManager: moderator || (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false),
  };
}

/** The guild, or the user's own direct-message space outside one. */
const workspaceOf = (interaction: BaseInteraction) => interaction.guildId ?? `dm:${interaction.user.id}`;

export function conversationOf(interaction: BaseInteraction): Conversation {
  return { platform: 'discord', workspaceId: workspaceOf(interaction), channelId: interaction.channelId ?? '' };
}
