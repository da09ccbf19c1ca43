/**
 * Discord's refusals of a post become the core's delivery errors in the adapter, and the
 * editors' channel the operator names hears when a channel is lost — through discord.js
 * against the fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelNotFoundError, NoAccessError, PermanentDeliveryError, RetryAfterError } from '../../../src/delivery/errors.ts';
import { silentLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { snowflake } from '../../helpers/fake-discord/index.ts';
import { addTravisMeeting, channel, ManualClock, placesStore, subscribe } from '../../scheduler/helpers.ts';
import type { CommandDef } from '../../../src/framework/types.ts';
import { embedText, messageOf, startHarness, type Harness } from './harness.ts';
import { registryWith } from './test-commands.ts';

const EDITORS = snowflake();
const store = placesStore();
/** Test-only: what issue 12's proposals will do — a command that tells the editors something. */
const tellCommand: CommandDef = {
  name: 'tell-editors-test',
  descriptionKey: 'command.about.description',
  options: [],
  permission: 'everyone',
  examples: [],
  handler: async ({ caller, editors }) => {
    await editors?.tellEditors({ status: 'ok', title: `Proposal from ${caller.id}`, sections: [], notes: [] }, { key: 'proposal-1' });
    return { status: 'ok', title: editors ? 'Told the editors' : 'No editors channel', sections: [], notes: [] };
  },
};
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ store, registry: registryWith(tellCommand), env: { DISCORD_EDITOR_CHANNEL_ID: EDITORS } });
});
afterAll(() => h?.stop());

const reply = { status: 'ok' as const, title: 'Reminder', sections: [], notes: [] };

describe('Discord: delivery errors are mapped in the adapter', () => {
  it.each([
    [404, 10003, ChannelNotFoundError, 'channel_gone'],
    [403, 50001, NoAccessError, 'no_access'],
    [403, 50013, NoAccessError, 'no_access'],
    [400, 50083, PermanentDeliveryError, 'archived'],
  ] as const)('GIVEN Discord answers %i with code %i THEN the sender throws %o (%s)', async (status, code, type, reason) => {
    const lost = snowflake();
    h.fake.failNext({ method: 'POST', path: `/channels/${lost}/messages`, status, code });
    const error = await h.adapter.sender.send(lost, reply, { key: `k-${code}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as PermanentDeliveryError).reason).toBe(reason);
    expect((error as Error).message).toContain(`Discord ${code} for channel ${lost}`);
  });

  it('GIVEN an error code the adapter does not know THEN it stays a plain (transient) error, never a permanent one', async () => {
    const odd = snowflake();
    h.fake.failNext({ method: 'POST', path: `/channels/${odd}/messages`, status: 400, code: 50035 });
    const error = await h.adapter.sender.send(odd, reply, { key: 'k-odd' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    expect(error).not.toBeInstanceOf(RetryAfterError);
  });
});

describe('Discord: the editors\' channel', () => {
  it('GIVEN DISCORD_EDITOR_CHANNEL_ID THEN the adapter tells the editors there', async () => {
    expect(h.adapter.editors?.channelId).toBe(EDITORS);
    const { messageId } = await h.adapter.editors!.tellEditors({ ...reply, title: 'For the editors' }, { key: 'editors-1' });
    const post = h.fake.channelPosts(EDITORS).at(-1)!;
    expect((post.body as { embeds: { title: string }[]; nonce: string }).embeds[0]!.title).toBe('For the editors');
    expect((post.body as { nonce: string }).nonce).toBe('editors-1');
    expect(messageId).toBeTruthy();
  });

  it('GIVEN a command that tells the editors THEN the context carries the editors\' channel and the post lands there', async () => {
    const message = messageOf(await h.fake.sendCommand('tell-editors-test', {}, { member: { id: '300000000000000201' } }).callback);
    expect(message.embeds[0]!.title).toBe('Told the editors');
    const titles = h.fake.channelPosts(EDITORS).map((c) => (c.body as { embeds: { title: string }[] }).embeds[0]!.title);
    expect(titles).toContain('Proposal from discord:300000000000000201');
  });

  it('GIVEN a subscribed channel Discord says is gone THEN the subscription pauses and the notice is posted in the editors\' channel', async () => {
    const lost = snowflake();
    addTravisMeeting(store);
    subscribe(store, channel(lost, h.fake.guild.id), { state: 'TX', fips: '48453' }, '2026-02-01T00:00:00.000Z', ['meetings']);
    h.fake.failNext({ method: 'POST', path: `/channels/${lost}/messages`, status: 404, code: 10003, times: 5 });
    const clock = new ManualClock('2026-02-07T15:00:00.000Z');
    const scheduler = new Scheduler({ store, clock, logger: silentLogger, senders: [h.adapter.sender], editors: { discord: h.adapter.editors! }, hasCommand: () => true });
    await scheduler.tick();
    expect(store.subscriptions.forChannel('discord', lost)[0]!.pausedReason).toBe('the channel was deleted or the bot can no longer see it');
    const notice = h.fake.channelPosts(EDITORS).map((c) => (c.body as { embeds: Parameters<typeof embedText>[0][] }).embeds[0]!);
    expect(notice.map((e) => e.title)).toContain('Reminders paused for a channel');
    expect(embedText(notice.find((e) => e.title === 'Reminders paused for a channel')!)).toContain(lost);
  });
});
