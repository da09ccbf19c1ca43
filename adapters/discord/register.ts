/**
 * What `npm run discord:register` does: registers the slash commands, globally or to
 * DISCORD_GUILD_ID (instant, for testing). Without `force` it first compares with what Discord
 * has and leaves identical commands alone. The bot does the same at every start.
 */
import { REST, Routes } from 'discord.js';
import { createRegistry } from '../../src/commands/index.ts';
import { ConfigError, type Config } from '../../src/config.ts';
import { syncCommands } from './command-registration.ts';

/** Registers the commands and returns the line to print; throws on a missing or refused token. */
export async function registerCommands(config: Config, force: boolean): Promise<string> {
  if (!config.DISCORD_TOKEN) throw new ConfigError('Invalid configuration:\n  DISCORD_TOKEN: required to register commands');
  const rest = new REST({ version: '10', ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_TOKEN);
  const application = (await rest.get(Routes.currentApplication())) as { id: string; name?: string };
  const result = await syncCommands(rest, createRegistry(), { applicationId: application.id, guildId: config.DISCORD_GUILD_ID }, force);
  const where = result.scope === 'global' ? 'globally (may take up to an hour to show everywhere)' : `to ${result.scope}`;
  return result.changed
    ? `Registered ${result.count} commands for ${application.name ?? application.id} ${where}.\n`
    : `The ${result.count} commands registered ${where.replace(/ \(.*\)$/, '')} are already up to date.\n`;
}

/** The one line a failed registration prints, without a stack trace. */
export function registerFailure(error: unknown): string {
  return `discord:register: ${error instanceof Error ? error.message : String(error)}\n`;
}
