/**
 * The `agenda` subscription kind in the console: agenda watch alerts come with a county's
 * meetings by default, a channel turns them off and back on, `subscriptions` says which, and a
 * database from before the kind existed keeps sending them to channels that get meetings.
 */
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { syncSource } from '../../src/meeting-sources/sync.ts';
import type { Conversation } from '../../src/framework/types.ts';
import { createStore } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { legistarEvent, useFakeLegistar } from '../helpers/fake-legistar.ts';
import { ManualClock, placesStore, recordingSender, schedulerFor } from '../scheduler/helpers.ts';

const COOK = '17031';
const here: Conversation = { platform: 'console', workspaceId: 'console', channelId: 'console' };
const item = (id: number) => [{ EventItemId: id, EventItemAgendaNumber: `26-${id}`, EventItemTitle: `Resolution ${id} on the Sheriff's 287(g) agreement with ICE` }];
const published = (id: number, date: string) => legistarEvent(id, date, '10:00 AM', { EventAgendaFile: `https://example-county.legistar.com/View.ashx?M=A&ID=${id}`, EventAgendaLastPublishedUTC: '2026-11-20T18:00:00' });

const fake = useFakeLegistar();

describe('the agenda subscription kind', () => {
  it('GIVEN a channel subscribed to Cook County’s meetings THEN agenda alerts arrive; `unsubscribe … agenda` stops only them; `subscribe … agenda` brings them back beside the rest', async () => {
    fake().clients.set('cook-county', { events: [published(301, '2026-12-08')], items: new Map([[301, item(301)]]) });
    const store = placesStore();
    const clock = new ManualClock('2026-11-24T15:00:00.000Z');
    const chat = conversation({ store, moderator: true, conversation: here });
    const sender = recordingSender('console');
    const scheduler = schedulerFor(store, clock, [sender]);
    const alerts = () => sender.posted.filter((p) => p.text.startsWith('Agenda watch')).map((p) => p.text.split('\n')[0]);

    const subscribed = await chat.ask('subscribe Cook, IL elections meetings');
    expect(subscribed.text).toContain('Cook County, IL — elections (30d, 7d, 1d, morning; registration deadlines 5d), meetings (3d, 2h), agenda alerts');
    expect(subscribed.text).toContain('No agenda alerts: `unsubscribe Cook County, IL agenda`');
    await chat.ask('meeting-source Cook, IL legistar cook-county');
    await scheduler.tick();
    expect(alerts()).toEqual(['Agenda watch: Board of Commissioners, Cook County, IL']);

    const off = await chat.ask('unsubscribe Cook, IL agenda');
    expect(off.reply.title).toBe('Subscription changed');
    expect(off.text).toContain('Cook County, IL — elections (30d, 7d, 1d, morning; registration deadlines 5d), meetings (3d, 2h), no agenda alerts');
    expect(off.text).toContain('`subscribe Cook County, IL agenda`');
    expect((await chat.ask('subscriptions')).text).toContain('meetings (3d, 2h), no agenda alerts');
    // Asked again: it is already off, and says so.
    expect((await chat.ask('unsubscribe Cook, IL agenda')).reply.errorCode).toBe('not_subscribed');

    fake().clients.get('cook-county')!.events.push(published(302, '2026-12-15'));
    fake().clients.get('cook-county')!.items!.set(302, item(302));
    clock.set('2026-11-25T15:00:00.000Z');
    await syncSource(store, clock, store.meetingSources.liveFor(COOK)[0]!);
    await scheduler.tick();
    expect(store.agendaAlerts.since(0)).toHaveLength(2);
    expect(alerts()).toHaveLength(1);
    // Meeting reminders still come: the 3-day reminder of the 8 December meeting falls due on the 5th.
    clock.set('2026-12-05T16:00:00.000Z');
    await scheduler.tick();
    const reminders = sender.posted.filter((p) => !p.text.startsWith('Agenda watch') && p.text.includes('Board of Commissioners'));
    expect(reminders.length).toBeGreaterThan(0);

    const on = await chat.ask('subscribe Cook, IL agenda');
    expect(on.reply.title).toBe('Subscription changed');
    expect(on.text).toContain('elections (30d, 7d, 1d, morning; registration deadlines 5d), meetings (3d, 2h), agenda alerts');
    expect(store.subscriptions.forChannel('console', 'console')[0]!.kinds).toEqual(['elections', 'meetings', 'agenda']);
    fake().clients.get('cook-county')!.events.push(published(303, '2026-12-22'));
    fake().clients.get('cook-county')!.items!.set(303, item(303));
    await syncSource(store, clock, store.meetingSources.liveFor(COOK)[0]!);
    await scheduler.tick();
    expect(alerts()).toHaveLength(2);
    expect(sender.posted.filter((p) => p.text.startsWith('Agenda watch')).at(-1)!.text).toContain('26-303');
  });

  it('GIVEN `subscribe … meetings` on a channel that turned agenda alerts off THEN they stay off; `unsubscribe … meetings` takes them with it', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true, conversation: here });
    await chat.ask('subscribe Cook, IL meetings positions');
    await chat.ask('unsubscribe Cook, IL agenda');
    await chat.ask('subscribe Cook, IL meetings');
    expect(store.subscriptions.forChannel('console', 'console')[0]!.kinds).toEqual(['meetings']);
    await chat.ask('subscribe Cook, IL agenda positions');
    expect(store.subscriptions.forChannel('console', 'console')[0]!.kinds).toEqual(['meetings', 'agenda', 'positions']);
    const fresh = await conversation({ store, moderator: true, conversation: { ...here, channelId: 'other' } }).ask('subscribe Cook, IL agenda');
    expect(fresh.text).toContain('Cook County, IL — meetings (3d, 2h), agenda alerts');
    expect(store.subscriptions.forChannel('console', 'other')[0]!.kinds).toEqual(['meetings', 'agenda']);
    const gone = await chat.ask('unsubscribe Cook, IL meetings');
    expect(gone.text).toContain('Cook County, IL — position changes');
    expect(store.subscriptions.forChannel('console', 'console')[0]!.kinds).toEqual(['positions']);
  });

  it('GIVEN a database from before the agenda kind with a meetings subscription THEN after the upgrade it gets agenda alerts; one without meetings does not', () => {
    const db = openDatabase(':memory:');
    const all = loadMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_subscription_agenda.sql'));
    migrate(db, all.slice(0, at));
    const insert = db.prepare(`INSERT INTO subscriptions (platform, workspace_id, channel_id, state, jurisdiction_fips, elections, meetings, positions, created_by, created_at, updated_at)
      VALUES ('discord', 'g', ?, 'IL', NULL, ?, ?, 0, 'x', '2026-01-01', '2026-01-01')`);
    insert.run('with-meetings', 0, 1);
    insert.run('elections-only', 1, 0);
    migrate(db, all);
    const store = createStore(db);
    expect(store.subscriptions.forChannel('discord', 'with-meetings')[0]!.kinds).toEqual(['meetings', 'agenda']);
    expect(store.subscriptions.forChannel('discord', 'elections-only')[0]!.kinds).toEqual(['elections']);
    expect(store.subscriptions.activeRows('discord').map((r) => [r.channel_id, r.agenda])).toEqual([['with-meetings', 1], ['elections-only', 1]]);
  });
});
