/**
 * Who edits the shared record from Discord: the moderators of the one server the operator
 * names (DISCORD_EDITOR_GUILD_ID). Moderators of any other server manage their own server's
 * channels and language, and their record changes become proposals.
 */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Logger } from '../../src/logger.ts';
import { isModerator } from './identity.ts';

export function isEditorHere(interaction: BaseInteraction, editorGuildId: string | undefined, moderatorRole: string | undefined): boolean {
  return editorGuildId !== undefined && interaction.guildId === editorGuildId && isModerator(interaction, moderatorRole);
}

/** Manage Server (or the moderator role) or Manage Channels, in the server the command came from. */
export function isCommunityManagerHere(interaction: BaseInteraction, moderatorRole: string | undefined): boolean {
  return isModerator(interaction, moderatorRole) || (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false);
}

/** Says at start who edits, so an upgraded installation neither silently keeps nor loses its editors. */
export function logEditors(logger: Logger, editorGuildId: string | undefined): void {
  if (editorGuildId) logger.info({ editorGuild: editorGuildId }, 'discord: the editors are the moderators of the editors’ server');
  else logger.warn('discord: DISCORD_EDITOR_GUILD_ID is not set, so nobody on Discord edits the shared record directly; changes made on Discord become proposals');
}
