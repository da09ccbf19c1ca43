/**
 * The `agenda` subscription kind on Discord: /subscribe with meetings brings agenda alerts,
 * /unsubscribe with the agenda toggle stops only them, /subscribe with it brings them back, and
 * the scheduler posts agenda alerts through the adapter's sender only while they are on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import type { Store } from '../../../src/store/index.ts';
import { loadedStore } from '../../helpers/store.ts';
import { addAgendaFinding } from '../../scheduler/agenda-alert-fixture.ts';
import { ManualClock } from '../../scheduler/helpers.ts';
import { embedText, messageOf, startHarness, type Embed, type Harness } from './harness.ts';

let h: Harness;
let store: Store;
let channelId: string;
let moderator: { id: string; roles: string[] };
const clock = new ManualClock('2026-11-24T15:02:00.000Z');

beforeAll(async () => {
  store = loadedStore({ fresh: true });
  h = await startHarness({ store, env: { DISCORD_MODERATOR_ROLE: 'Sheriff Watch moderators' } });
  channelId = h.fake.guild.channelIds[0]!;
  moderator = { id: '300000000000000040', roles: [h.fake.guild.roles[0]!.id] };
});
afterAll(() => h?.stop());

async function ask(name: string, values: Record<string, string>) {
  const message = messageOf(await h.fake.sendCommand(name, values, { member: moderator, channelId }).callback);
  return message.embeds.map(embedText).join('\n');
}

const scheduler = () => new Scheduler({ store, clock, logger: silentLogger, senders: [h.adapter.sender], hasCommand: (name) => h.app.registry.get(name) !== undefined });
const agendaPosts = () => h.fake.channelPosts(channelId).map((c) => (c.body as { embeds: Embed[] }).embeds.map(embedText).join('\n')).filter((t) => t.includes('Agenda watch'));

describe('Discord: the agenda subscription kind', () => {
  it('GIVEN /subscribe Cook IL meetings THEN agenda alerts are posted; off with /unsubscribe agenda, back with /subscribe agenda', async () => {
    const on = await ask('subscribe', { county: 'Cook', state: 'IL', meetings: 'meetings' });
    expect(on).toContain('meetings (3d, 2h), agenda alerts');
    expect(store.subscriptions.forChannel('discord', channelId)[0]!.kinds).toEqual(['meetings', 'agenda']);
    const first = addAgendaFinding(store, 1, '2026-12-08T16:00:00.000Z', clock.now().toISOString());
    await scheduler().tick();
    expect(agendaPosts()).toHaveLength(1);
    expect(agendaPosts()[0]).toContain(first);

    const off = await ask('unsubscribe', { county: 'Cook', state: 'IL', agenda: 'agenda' });
    expect(off).toContain('meetings (3d, 2h), no agenda alerts');
    expect(await ask('subscriptions', {})).toContain('no agenda alerts');
    clock.set('2026-11-25T15:02:00.000Z');
    addAgendaFinding(store, 2, '2026-12-15T16:00:00.000Z', clock.now().toISOString());
    await scheduler().tick();
    expect(agendaPosts()).toHaveLength(1);

    const back = await ask('subscribe', { county: 'Cook', state: 'IL', agenda: 'agenda' });
    expect(back).toContain('meetings (3d, 2h), agenda alerts');
    clock.set('2026-11-26T15:02:00.000Z');
    const third = addAgendaFinding(store, 3, '2026-12-22T16:00:00.000Z', clock.now().toISOString());
    await scheduler().tick();
    expect(agendaPosts()).toHaveLength(2);
    expect(agendaPosts()[1]).toContain(third);
  });
});
