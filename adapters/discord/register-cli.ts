/**
 * `npm run discord:register [-- --force]`: registers the slash commands, globally or to
 * DISCORD_GUILD_ID (instant, for testing). Without --force it first compares with what
 * Discord has and leaves identical commands alone. The bot does the same at every start.
 */
import { REST, Routes } from 'discord.js';
import { createRegistry } from '../../src/commands/index.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { syncCommands } from './command-registration.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError('Invalid configuration:\n  DISCORD_TOKEN: required to register commands');
  const rest = new REST({ version: '10', ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_TOKEN);
  const application = (await rest.get(Routes.currentApplication())) as { id: string; name?: string };
  const result = await syncCommands(rest, createRegistry(), { applicationId: application.id, guildId: config.DISCORD_GUILD_ID }, process.argv.includes('--force'));
  const where = result.scope === 'global' ? 'globally (may take up to an hour to show everywhere)' : `to ${result.scope}`;
  process.stdout.write(
    result.changed
      ? `Registered ${result.count} commands for ${application.name ?? application.id} ${where}.\n`
      : `The ${result.count} commands registered ${where.replace(/ \(.*\)$/, '')} are already up to date.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`discord:register: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
