/**
 * The real entry points as processes: `npm start` with DISCORD_TOKEN (answers, then stops
 * cleanly on SIGTERM) and `npm run discord:register`, both against the fake Discord.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../adapters/discord/register.ts';
import { createRegistry } from '../../../src/commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord/index.ts';
import { messageOf } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(() => fake?.stop());

function run(script: string, env: Record<string, string>): { child: ChildProcess; output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    // The ICE list watcher and the meeting calendars' import are off: tests never ask the internet.
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ICE_287G_CHECK_HOURS: '0', MEETING_SYNC: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('Discord: the real processes', () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'sw-discord-')), 'bot.db');

  it('GIVEN DISCORD_TOKEN THEN npm start answers a slash command and exits 0 on SIGTERM after disconnecting', async () => {
    const bot = run('adapters/main.ts', { DATABASE_PATH: databasePath, LOG_LEVEL: 'info' });
    try {
      await fake.waitForBot();
      await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/commands`);
      const reply = messageOf(await fake.sendCommand('sheriff', { county: 'Travis', state: 'TX' }).callback);
      expect(reply.embeds[0]!.title).toBe('Sheriff of Travis County, Texas');
      const session = fake.gateway.current()!;
      const closed = once(session.socket, 'close');
      bot.child.kill('SIGTERM');
      expect(await exitOf(bot.child)).toBe(0);
      await closed;
      expect(bot.output().stderr).toContain('"msg":"shutting down"');
      expect(bot.output().stderr).toContain('"msg":"disconnected from Discord"');
      expect(bot.output().stderr).not.toContain('"level":50');
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('GIVEN a token Discord refuses THEN npm start exits 1 with a message naming DISCORD_TOKEN', async () => {
    const bot = run('adapters/main.ts', { DATABASE_PATH: databasePath, DISCORD_TOKEN: 'refused', LOG_LEVEL: 'warn' });
    expect(await exitOf(bot.child)).toBe(1);
    // One line on stderr (adapters/main.ts joins a message's lines since the database-failure work).
    expect(bot.output().stderr).toBe('sheriff-watch: Invalid configuration: DISCORD_TOKEN: Discord refused this token (Developer Portal → Bot → Reset Token)\n');
  });

  it('GIVEN npm run discord:register with DISCORD_GUILD_ID THEN the guild gets every command once, and a second run changes nothing', async () => {
    const guildRoute = `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`;
    const first = run('adapters/discord/register-cli.ts', { DISCORD_GUILD_ID: fake.guild.id });
    expect(await exitOf(first.child)).toBe(0);
    const count = createRegistry().all().length;
    expect(first.output().stdout).toBe(`Registered ${count} commands for Sheriff Watch to guild ${fake.guild.id}.\n`);
    expect(fake.state.commands.get(fake.guild.id)?.map((c) => c.name)).toEqual(createRegistry().all().map((c) => c.name));

    // The second run in-process: the same function the command line prints the result of.
    const second = await registerCommands(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guild.id }), false);
    expect(second).toBe(`The ${count} commands registered to guild ${fake.guild.id} are already up to date.\n`);
    expect(fake.calls.filter((c) => c.method === 'PUT' && c.path === guildRoute)).toHaveLength(1);
  });

  it('GIVEN a wrong token THEN register fails with exit 1 and a message, not a stack trace', async () => {
    const bad = run('adapters/discord/register-cli.ts', { DISCORD_TOKEN: 'wrong' });
    expect(await exitOf(bad.child)).toBe(1);
    expect(bad.output().stderr).toMatch(/^discord:register: .*401/);
  });
});
