/**
 * What the adapter's discord.js cache limits save: the fake Discord recommends 2 shards and
 * holds GUILDS servers (3 channels, 2 roles each); the client connects both shards, then
 * MEMBERS different members each send one interaction. Prints the heap (after a full GC) when
 * ready and after the interactions, and the users/members cached, for the adapter's client
 * (limited) and for discord.js's defaults. Not part of `npm run bench`:
 *
 *   node --expose-gc --import tsx bench/discord-shards-memory.ts limited
 *   node --expose-gc --import tsx bench/discord-shards-memory.ts default
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createDiscordClient } from '../adapters/discord/client.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { snowflake, startFakeDiscord, type GuildSpec } from '../test/helpers/fake-discord/index.ts';

const GUILDS = Number(process.env.BENCH_GUILDS ?? 2000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const mode = process.argv[2] === 'default' ? 'default' : 'limited';

const id = (kind: number, i: number) => String((BigInt(2e17) + BigInt(kind) * BigInt(1e16)) + (BigInt(i) << 22n));
const guilds: GuildSpec[] = Array.from({ length: GUILDS }, (_, i) => ({
  id: id(0, i + 1),
  name: `Group ${i}`,
  roles: [{ id: id(1, 2 * i), name: 'Sheriff Watch moderators' }, { id: id(1, 2 * i + 1), name: 'Members' }],
  channelIds: [id(2, 3 * i), id(2, 3 * i + 1), id(2, 3 * i + 2)],
}));
const fake = await startFakeDiscord({ shards: 2, guild: guilds[0]!, guilds: guilds.slice(1) });

const heapMiB = () => {
  global.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
};
const base = heapMiB();
const client =
  mode === 'limited'
    ? createDiscordClient(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }), silentLogger, { api: fake.apiUrl })
    : new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', rest: { api: fake.apiUrl } });
await client.login(fake.token);
if (!client.isReady()) await once(client, Events.ClientReady);
const ready = heapMiB();

let seen = 0;
const all = new Promise<void>((resolve) => client.on(Events.InteractionCreate, () => ++seen === MEMBERS && resolve()));
for (let i = 0; i < MEMBERS; i++) {
  const guild = guilds[i % GUILDS]!;
  fake.sendInteraction({ type: 2, data: { id: snowflake(), name: 'about', type: 1 } }, { guildId: guild.id, member: { id: id(3, i), roles: [guild.roles[1]!.id] } });
  if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
}
await all;
const after = heapMiB();
const members = client.guilds.cache.reduce((sum, g) => sum + g.members.cache.size, 0);
console.log(
  `${mode}: ${client.guilds.cache.size} guilds on shards [${[...client.ws.shards.keys()].join(', ')}]; heap ${base} MiB at start, +${ready - base} MiB when ready, ` +
    `+${after - ready} MiB after ${MEMBERS} members interacted; cached users ${client.users.cache.size}, members ${members}`,
);
await client.destroy();
await fake.stop();
process.exit(0);
