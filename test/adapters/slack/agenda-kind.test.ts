/**
 * The `agenda` subscription kind on Slack through the real Bolt app against the fake Slack:
 * `/sheriff subscribe … meetings` brings agenda alerts, `/sheriff unsubscribe … agenda` stops
 * only them, `/sheriff subscribe … agenda` brings them back, and the scheduler posts agenda
 * alerts with chat.postMessage only while they are on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { addAgendaFinding } from '../../scheduler/agenda-alert-fixture.ts';
import { ManualClock } from '../../scheduler/helpers.ts';
import { shown, startHarness, type Harness } from './harness.ts';

const CHANNEL = 'C0AGENDA';
const MOD = 'U0MOD';
let h: Harness;
const clock = new ManualClock('2026-11-24T15:02:00.000Z');

beforeAll(async () => {
  h = await startHarness({ mode: 'http', moderatorIds: [MOD] });
});
afterAll(() => h?.stop());

const ask = async (line: string) => shown(await h.command(line, { user_id: MOD, user_name: 'mod', channel_id: CHANNEL, channel_name: 'agenda' }));
const scheduler = () => new Scheduler({ store: h.core.store, clock, logger: silentLogger, senders: [h.bot.sender], hasCommand: (name) => h.core.registry.get(name) !== undefined });
const agendaPosts = () => h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL && String(c.args.text).includes('Agenda watch'));

describe('Slack: the agenda subscription kind', () => {
  it('GIVEN `subscribe Cook, IL meetings` THEN agenda alerts are posted; off with `unsubscribe Cook, IL agenda`, back with `subscribe Cook, IL agenda`', async () => {
    const store = h.core.store;
    expect(await ask('subscribe Cook, IL meetings')).toContain('meetings (3d, 2h), agenda alerts');
    expect(store.subscriptions.forChannel('slack', CHANNEL)[0]!.kinds).toEqual(['meetings', 'agenda']);
    const first = addAgendaFinding(store, 1, '2026-12-08T16:00:00.000Z', clock.now().toISOString());
    await scheduler().tick();
    expect(agendaPosts()).toHaveLength(1);
    expect(JSON.stringify(agendaPosts()[0]!.args.blocks)).toContain(first);

    expect(await ask('unsubscribe Cook, IL agenda')).toContain('meetings (3d, 2h), no agenda alerts');
    expect(await ask('subscriptions')).toContain('no agenda alerts');
    clock.set('2026-11-25T15:02:00.000Z');
    addAgendaFinding(store, 2, '2026-12-15T16:00:00.000Z', clock.now().toISOString());
    await scheduler().tick();
    expect(agendaPosts()).toHaveLength(1);

    expect(await ask('subscribe Cook, IL agenda')).toContain('meetings (3d, 2h), agenda alerts');
    clock.set('2026-11-26T15:02:00.000Z');
    const third = addAgendaFinding(store, 3, '2026-12-22T16:00:00.000Z', clock.now().toISOString());
    await scheduler().tick();
    expect(agendaPosts()).toHaveLength(2);
    expect(JSON.stringify(agendaPosts()[1]!.args.blocks)).toContain(third);
    expect(h.slack.problems).toEqual([]);
  });
});
