/**
 * Sharding through the real discord.js: the fake Discord recommends two shards and puts one
 * guild on each; the bot runs both in one process, answers on both, registers its commands
 * once, survives a shard dropping (it resumes), and reminders reach channels on either shard
 * over REST, once each even with a second scheduler on the database (the lease).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { startReminders } from '../../../src/scheduler/start.ts';
import { loadedStore } from '../../helpers/store.ts';
import { ConfigError } from '../../../src/config.ts';
import { shardOf, startFakeDiscord, type GuildSpec } from '../../helpers/fake-discord/index.ts';
import { addTravisMeeting, channel, ManualClock, subscribe } from '../../scheduler/helpers.ts';
import { messageOf, startHarness, type Harness } from './harness.ts';
import { moderatorCommand, registryWith } from './test-commands.ts';

/** (id >> 22) % 2 is 0 for the fake's default guild and 1 for this one. */
const SECOND: GuildSpec = {
  id: '200000000004194305',
  name: 'Second county group',
  roles: [{ id: '210000000000000002', name: 'Sheriff Watch moderators' }],
  channelIds: ['220000000000000002'],
};

let h: Harness;
const store = loadedStore({ fresh: true });
beforeAll(async () => {
  h = await startHarness({
    store,
    registry: registryWith(moderatorCommand),
    // The editors' server is the one on shard 1, so its role (cached per guild) decides who edits.
    env: { DISCORD_MODERATOR_ROLE: 'sheriff watch MODERATORS', DISCORD_EDITOR_GUILD_ID: SECOND.id },
    fakeOptions: { shards: 2, guilds: [SECOND] },
  });
});
afterAll(() => h?.stop());

const commandCalls = () => h.fake.calls.filter((c) => c.path === `/applications/${h.fake.applicationId}/commands`);
const title = async (guildId: string) => messageOf(await h.fake.sendCommand('sheriff', { county: 'Travis', state: 'TX' }, { guildId }).callback).embeds[0]!.title;

describe('Discord: two shards in one process', () => {
  it('GIVEN Discord recommends two shards THEN the bot identifies as shard 0 and shard 1 of 2, each receiving only its own guild', () => {
    expect(shardOf(h.fake.guild.id, 2)).toBe(0);
    expect(shardOf(SECOND.id, 2)).toBe(1);
    expect(h.fake.gateway.sessions.map((s) => s.identify.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(h.fake.gateway.open()).toHaveLength(2);
    const connected = h.logs.find((l) => l.msg === 'connected to Discord');
    expect(connected).toMatchObject({ shards: [0, 1], shardCount: 2, guilds: 2 });
    expect(h.logs.filter((l) => l.msg === 'discord shard ready').map((l) => l.shard).sort()).toEqual([0, 1]);
  });

  it('GIVEN a command in a guild on each shard THEN both are answered', async () => {
    const before = h.fake.gateway.shard(1)!.sequence;
    expect(await title(h.fake.guild.id)).toBe('Sheriff of Travis County, Texas');
    expect(await title(SECOND.id)).toBe('Sheriff of Travis County, Texas');
    expect(h.fake.gateway.shard(1)!.sequence).toBe(before + 1);
  });

  it('GIVEN the moderator role given by name THEN a member with it is an editor in the editors guild on shard 1 (roles are cached; members are not)', async () => {
    const note = (roles: string[], id: string) =>
      h.fake.sendCommand('record-test', { note: 'shard 1' }, { guildId: SECOND.id, member: { id, roles } }).callback;
    expect(messageOf(await note([SECOND.roles[0]!.id], '300000000000000071')).embeds[0]!.title).toBe('Recorded: shard 1');
    expect(messageOf(await note([], '300000000000000072')).embeds[0]!.title).toBe('Moderators only');
  });

  it('GIVEN two shards THEN the commands are read and registered once, not per shard', () => {
    expect(commandCalls().filter((c) => c.method === 'GET')).toHaveLength(1);
    expect(commandCalls().filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('GIVEN shard 1 drops THEN it is logged, the shard resumes its session, and its guild is answered again', async () => {
    const session = h.fake.gateway.shard(1)!;
    const resumed = h.waitForLog((l) => l.msg === 'discord shard resumed' && l.shard === 1);
    session.socket.close(4000, 'Unknown error');
    await once(session.socket, 'close');
    await resumed;
    expect(h.logs.some((l) => l.msg === 'discord shard disconnected; reconnecting' && l.shard === 1)).toBe(true);
    expect(session.resumes).toBe(1);
    expect(h.fake.gateway.sessions).toHaveLength(2); // resumed, not identified again
    expect(await title(SECOND.id)).toBe('Sheriff of Travis County, Texas');
    expect(await title(h.fake.guild.id)).toBe('Sheriff of Travis County, Texas');
    expect(commandCalls()).toHaveLength(2); // still the one GET and one PUT
  });

  it('GIVEN a channel subscribed in a guild on each shard THEN each reminder is posted once, over REST, even with a second scheduler on the database', async () => {
    const [first, second] = [h.fake.guild.channelIds[0]!, SECOND.channelIds[0]!];
    subscribe(store, channel(first, h.fake.guild.id), { state: 'TX', fips: '48453' }, '2026-11-24T15:00:00.000Z', ['meetings']);
    subscribe(store, channel(second, SECOND.id), { state: 'TX', fips: '48453' }, '2026-11-24T15:00:00.000Z', ['meetings']);
    addTravisMeeting(store, { rrule: null, startsAt: '2026-12-01T15:00:00.000Z' }, '2026-11-24T15:00:00.000Z');
    const clock = new ManualClock('2026-11-28T15:00:00.000Z'); // 3 days before
    // Two schedulers on one database, as two processes under a ShardingManager would start:
    // the lease lets one of them send.
    const schedulers = [await startReminders({ ...h.app, clock }, [h.adapter.sender]), await startReminders({ ...h.app, clock }, [h.adapter.sender])];
    for (const scheduler of schedulers) await scheduler.stop();
    expect(h.fake.channelPosts(first)).toHaveLength(1);
    expect(h.fake.channelPosts(second)).toHaveLength(1);
    expect(store.deliveries.all().filter((d) => d.status === 'sent').map((d) => d.channelId).sort()).toEqual([first, second].sort());
  });
});

describe('Discord: a shard count Discord refuses', () => {
  it('GIVEN DISCORD_SHARDS=1 for a bot Discord requires to run two THEN the start fails naming DISCORD_SHARDS and what to set', async () => {
    const fake = await startFakeDiscord({ shards: 2 });
    try {
      const started = startHarness({ fake, store, env: { DISCORD_SHARDS: '1' } });
      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow(/DISCORD_SHARDS: Discord refused 1 shard\(s\).*DISCORD_SHARDS=auto/);
      expect(fake.gateway.sessions).toHaveLength(0);
    } finally {
      await fake.stop();
    }
  });
});
