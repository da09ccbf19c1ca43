import { describe, expect, it } from 'vitest';
import { AccessRevokedError } from '../../src/delivery/errors.ts';
import { addTravisMeeting, channel, ManualClock, placesStore, recordingSender, schedulerFor, subscribe } from '../scheduler/helpers.ts';

const TRAVIS = { state: 'TX', fips: '48453' };
const REVOKED = 'the bot was uninstalled from the workspace or its access was revoked';

/** Two channels in a workspace whose access is gone, one in a workspace that is fine. */
function setup() {
  const store = placesStore();
  addTravisMeeting(store);
  for (const [id, workspace] of [['a1', 'ws-a'], ['a2', 'ws-a'], ['b1', 'ws-b']] as const) {
    subscribe(store, channel(id, workspace), TRAVIS, '2026-02-01T00:00:00.000Z', ['meetings']);
  }
  const sender = recordingSender('discord');
  // As a platform answers once the workspace removed the bot: every channel there refuses.
  for (const id of ['a1', 'a2']) sender.failures.set(id, () => new AccessRevokedError('token_revoked'));
  const clock = new ManualClock('2026-02-07T15:00:00.000Z');
  return { store, sender, clock, scheduler: schedulerFor(store, clock, [sender]) };
}

describe('a workspace that took the bot away (AccessRevokedError)', () => {
  it('GIVEN a post refused for the whole workspace THEN all its subscriptions pause, nobody there is told, and the other workspace gets its reminder', async () => {
    const { store, sender, scheduler } = setup();
    await scheduler.tick();
    for (const id of ['a1', 'a2']) expect(store.subscriptions.forChannel('discord', id)[0]!.pausedReason).toBe(REVOKED);
    expect(store.subscriptions.forChannel('discord', 'b1')[0]!.pausedAt).toBeNull();
    expect(sender.posted.map((p) => `${p.channelId}: ${p.reply.title}`)).toEqual(['b1: Commissioners Court (Travis County, TX) meets in 3 days']);
    // No "reminders paused" notice was queued for a channel of that workspace.
    expect(store.deliveries.all().filter((d) => d.lead === 'notice')).toEqual([]);
  });

  it('GIVEN the next week THEN nothing is tried in that workspace and the other is served as before', async () => {
    const { sender, scheduler, clock } = setup();
    await scheduler.tick();
    const tried = sender.attempts.length;
    const posted = sender.posted.length;
    clock.set('2026-02-14T15:00:00.000Z');
    await scheduler.tick();
    const now = sender.posted.slice(posted);
    expect(now.map((p) => p.channelId)).toEqual(['b1']);
    expect(now[0]!.reply.title).toBe('Commissioners Court (Travis County, TX) meets in 3 days');
    // Every attempt of this tick was a post that went out: none went to ws-a's channels.
    expect(sender.attempts.length - tried).toBe(now.length);
  });
});
