/**
 * The adapter's discord.js client against the fake Discord: with its cache limits, members and
 * users who interact are not kept (memory does not grow with who uses the bot), while the
 * guilds, roles and channels answering reads stay; a client with discord.js's defaults keeps
 * every one of them.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient, shardOptions } from '../../../adapters/discord/client.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord/index.ts';

const MEMBERS = 25;
const SECOND = { id: '200000000004194305', name: 'Second', roles: [{ id: '210000000000000002', name: 'Mods' }], channelIds: ['220000000000000002'] };

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ shards: 2, guilds: [SECOND] });
});
afterAll(() => fake?.stop());

/** Logs in, lets MEMBERS different members interact (half on each shard), returns the client. */
async function afterInteractions(client: Client): Promise<Client> {
  await client.login(fake.token);
  if (!client.isReady()) await once(client, Events.ClientReady);
  let seen = 0;
  const all = new Promise<void>((resolve) => client.on(Events.InteractionCreate, () => ++seen === MEMBERS && resolve()));
  for (let i = 0; i < MEMBERS; i++) {
    const member = { id: `3000000000000${String(i).padStart(5, '0')}`, roles: [] };
    fake.sendInteraction({ type: 2, data: { id: snowflake(), name: 'about', type: 1 } }, { member, guildId: i % 2 ? SECOND.id : fake.guild.id });
  }
  await all;
  return client;
}

describe('Discord client: cache limits', () => {
  it('GIVEN 25 members interacting across two shards THEN only the bot is cached as a user and member; guilds, roles and channels are kept', async () => {
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    const client = await afterInteractions(createDiscordClient(config, silentLogger, { api: fake.apiUrl }));
    try {
      expect([...client.ws.shards.keys()].sort()).toEqual([0, 1]);
      expect([...client.users.cache.keys()]).toEqual([fake.botUserId]);
      for (const id of [fake.guild.id, SECOND.id]) {
        const guild = client.guilds.cache.get(id)!;
        expect([...guild.members.cache.keys()]).toEqual([fake.botUserId]);
        expect(guild.roles.cache.size).toBe(2); // @everyone and the guild's role
        expect(guild.channels.cache.size).toBe(1);
      }
    } finally {
      await client.destroy();
    }
  });

  it("GIVEN discord.js's default caches THEN the same interactions leave every member cached (what the limits prevent)", async () => {
    const client = await afterInteractions(new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', rest: { api: fake.apiUrl } }));
    try {
      expect(client.users.cache.size).toBeGreaterThanOrEqual(MEMBERS);
    } finally {
      await client.destroy();
    }
  });
});

describe('Discord client: shard options', () => {
  it("GIVEN DISCORD_SHARDS THEN 'auto' asks Discord, a number runs that many, and a ShardingManager's SHARDS wins", () => {
    expect(shardOptions('auto', {})).toEqual({ shards: 'auto' });
    expect(shardOptions(4, {})).toEqual({ shardCount: 4 });
    expect(shardOptions(4, { SHARDS: '[2]', SHARD_COUNT: '4' })).toEqual({});
  });

  it("GIVEN DISCORD_SHARDS values THEN unset means 'auto', numbers are read, anything else names the variable", () => {
    expect(loadConfig({}).DISCORD_SHARDS).toBe('auto');
    expect(loadConfig({ DISCORD_SHARDS: ' 3 ' }).DISCORD_SHARDS).toBe(3);
    expect(() => loadConfig({ DISCORD_SHARDS: '0' })).toThrow(/DISCORD_SHARDS: must be 'auto' or a number/);
    expect(() => loadConfig({ DISCORD_SHARDS: 'two' })).toThrow(/DISCORD_SHARDS/);
  });
});
