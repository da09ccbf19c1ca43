/**
 * The load bench's database and its chat world: the shipped data, SERVERS Discord servers
 * (3 channels, 2 roles each) and WORKSPACES Slack workspaces (5 channels each), and 100,000
 * subscriptions spread over those channels, written to a file the bot process then opens, with
 * the scheduler's watermarks at now and one meeting whose reminders fall due during the load.
 */
import { systemClock } from '../../src/clock.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import type { Jurisdiction } from '../../src/domain/types.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';
import { createStore } from '../../src/store/index.ts';
import type { GuildSpec } from '../../test/helpers/fake-discord/index.ts';

export interface SlackWorkspace {
  teamId: string;
  channelIds: string[];
}

export interface LoadWorld {
  guilds: GuildSpec[];
  workspaces: SlackWorkspace[];
  /** Every county-level place, for lookups. */
  places: Jurisdiction[];
  subscriptions: { discord: number; slack: number };
}

/** A small deterministic generator, so two runs ask the same things. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(state / 65_536) % n;
  };
}

/** Snowflake-shaped ids spread over the shards the way real ids are ((id >> 22) % shards). */
const snowflakeOf = (kind: number, i: number) => String(BigInt(2e17) + BigInt(kind) * BigInt(1e16) + (BigInt(i) << 22n));

export function makeWorld(servers: number, workspaces: number): Pick<LoadWorld, 'guilds' | 'workspaces'> {
  return {
    guilds: Array.from({ length: servers }, (_, i) => ({
      id: snowflakeOf(0, i + 1),
      name: `Group ${i}`,
      roles: [{ id: snowflakeOf(1, 2 * i), name: 'Sheriff Watch moderators' }, { id: snowflakeOf(1, 2 * i + 1), name: 'Members' }],
      channelIds: [snowflakeOf(2, 3 * i), snowflakeOf(2, 3 * i + 1), snowflakeOf(2, 3 * i + 2)],
    })),
    workspaces: Array.from({ length: workspaces }, (_, i) => ({
      teamId: `T${String(i + 1).padStart(8, '0')}`,
      channelIds: Array.from({ length: 5 }, (_, k) => `C${String(i + 1).padStart(6, '0')}${k}X`),
    })),
  };
}

/**
 * Writes the database: shipped data, then `total` subscriptions (Discord and Slack channels in
 * proportion to their channel counts), 85% to one county and 15% to a whole state.
 */
export function seedDatabase(path: string, world: Pick<LoadWorld, 'guilds' | 'workspaces'>, total: number): LoadWorld {
  const db = openDatabase(path);
  migrate(db);
  const store = createStore(db);
  loadShippedData(store, systemClock);
  const places = store.jurisdictions.all();
  const random = seededRandom(20261203);
  const channels = [
    ...world.guilds.flatMap((g) => g.channelIds.map((channel) => ({ platform: 'discord', workspace: g.id, channel }))),
    ...world.workspaces.flatMap((w) => w.channelIds.map((channel) => ({ platform: 'slack', workspace: w.teamId, channel }))),
  ];
  const insert = db.prepare(`INSERT OR IGNORE INTO subscriptions (platform, workspace_id, channel_id, state, jurisdiction_fips,
      elections, meetings, positions, leads, positions_after_id, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 1, 1, ?, NULL, 0, 'load-bench', ?, ?)`);
  const at = new Date().toISOString();
  const counts = { discord: 0, slack: 0 };
  db.transaction(() => {
    let written = 0;
    for (let i = 0; written < total; i++) {
      const where = channels[i % channels.length]!;
      const place = places[random(places.length)]!;
      const statewide = random(100) < 15;
      const { changes } = insert.run(where.platform, where.workspace, where.channel, place.state, statewide ? null : place.fips, random(2), at, at);
      written += changes;
      counts[where.platform as 'discord' | 'slack'] += changes;
    }
  })();
  // A meeting whose 2-hour reminder falls due about a minute into the load: the tick after it
  // posts to every channel following Travis County or Texas, on both platforms, while loaded.
  const travis = store.jurisdictions.byFips('48453')!;
  const meetingAt = new Date(Date.now() + 2 * 3_600_000 + 75_000).toISOString();
  store.meetings.add(
    { fips: travis.fips, body: 'Commissioners Court', startsAt: meetingAt, timeZone: travis.timeZone, rrule: null, durationMinutes: 120, location: '700 Lavaca St', agendaUrl: null, livestreamUrl: null, publicComment: null, why: '287(g) renewal' },
    { sourceUrl: 'https://example.org/agenda', sourceTitle: 'example.org', by: 'load-bench', at },
  );
  // A running installation's state: reminders planned up to now and every change alerted, so
  // the bench measures the steady minutes, not a 90-day catch-up of a database never scheduled.
  const lastChange = String(store.positionHistory.since(0).at(-1)?.id ?? 0);
  for (const platform of ['discord', 'slack']) {
    store.deliveries.setWatermark(`reminders:${platform}`, at);
    store.deliveries.setWatermark(`alerts:${platform}`, lastChange);
  }
  db.close();
  return { ...world, places, subscriptions: counts };
}
