/**
 * Deferral past the time budget, clean shutdown with work in flight, and restarts: command
 * registration only when definitions changed, buttons that outlive the process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackBody, startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord/index.ts';
import { EPHEMERAL, messageOf, startHarness, type Embed, type Harness } from './harness.ts';
import { en } from '../../../src/i18n/en.ts';
import { moderatorCommand, registryWith, slowCommand, SLOW_ERROR } from './test-commands.ts';

describe('Discord: slow commands', () => {
  let h: Harness;
  const slow = slowCommand();
  beforeAll(async () => {
    h = await startHarness({ registry: registryWith(slow.command), deferAfterMs: 30 });
  });
  afterAll(() => h?.stop());
  const original = (token: string) => `/webhooks/${h.fake.applicationId}/${token}/messages/@original`;

  it('GIVEN work that outlasts the budget THEN the bot defers first and then edits the answer in', async () => {
    const sent = h.fake.sendCommand('slow-test', {});
    expect(callbackBody(await sent.callback).type).toBe(5);
    slow.release('ok');
    const edit = await h.fake.waitForCall((c) => c.method === 'PATCH' && c.path === original(sent.token));
    const body = edit.body as { embeds: Embed[]; allowed_mentions: unknown };
    expect(body.embeds[0]!.title).toBe('Slow but done');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a slow user error THEN the public placeholder is deleted and the error follows privately', async () => {
    const sent = h.fake.sendCommand('slow-test', {});
    expect(callbackBody(await sent.callback).type).toBe(5);
    slow.release('user_error');
    const [followUp] = await h.fake.followUps(sent, 1);
    const deleted = h.fake.calls.find((c) => c.method === 'DELETE' && c.path === original(sent.token));
    expect(deleted).toBeDefined();
    expect(deleted!.receivedAt).toBeLessThanOrEqual(followUp!.receivedAt);
    const body = followUp!.body as { embeds: Embed[]; flags: number };
    expect(body.flags).toBe(EPHEMERAL);
    expect(body.embeds[0]!.title).toBe(en[SLOW_ERROR]);
  });

  it('GIVEN a stop while an answer is in flight THEN the answer is delivered before the bot disconnects', async () => {
    const sent = h.fake.sendCommand('slow-test', {});
    await sent.callback;
    const stopping = h.adapter.stop();
    slow.release('ok');
    await stopping;
    const edit = h.fake.calls.find((c) => c.method === 'PATCH' && c.path === original(sent.token));
    expect((edit?.body as { embeds: Embed[] } | undefined)?.embeds[0]!.title).toBe('Slow but done');
    expect(h.fake.gateway.current()).toBeUndefined();
    expect(() => h.fake.sendCommand('about', {})).toThrow('No bot is connected');
  });
});

describe('Discord: restarts', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake?.stop());
  const commandWrites = () => fake.calls.filter((c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/commands`);
  const commandReads = () => fake.calls.filter((c) => c.method === 'GET' && c.path === `/applications/${fake.applicationId}/commands`);

  it('GIVEN a restart with the same definitions THEN nothing is re-registered and buttons from before the restart still work', async () => {
    const first = await startHarness({ fake });
    expect(fake.gateway.sessions[0]!.identify.intents).toBe(1); // Guilds only
    expect(commandWrites()).toHaveLength(1);
    const page1 = messageOf(await fake.sendCommand('positions', { topic: '287g', state: 'TX' }).callback);
    await first.stop();

    const second = await startHarness({ fake });
    try {
      expect(commandReads()).toHaveLength(2);
      expect(commandWrites()).toHaveLength(1);
      const next = page1.components![0]!.components.find((b) => b.label === 'Next ▶')!;
      const page2 = messageOf(await fake.clickButton(next.custom_id, page1).callback);
      expect(page2.embeds[0]!.footer!.text).toMatch(/Page 2 of \d+/);
    } finally {
      await second.stop();
    }
  });

  it('GIVEN a new command definition THEN the next start registers again; a moderator role given by id is honored', async () => {
    const roleId = fake.guild.roles[0]!.id;
    const third = await startHarness({ fake, registry: registryWith(moderatorCommand), env: { DISCORD_MODERATOR_ROLE: roleId } });
    try {
      expect(commandWrites()).toHaveLength(2);
      expect(fake.registeredCommand('record-test')).toBeDefined();
      const allowed = messageOf(await fake.sendCommand('record-test', { note: 'by id' }, { member: { id: '300000000000000007', roles: [roleId] } }).callback);
      expect(allowed.embeds[0]!.title).toBe('Recorded: by id');
      const refused = messageOf(await fake.sendCommand('record-test', { note: 'by id' }, { member: { id: '300000000000000008', roles: ['219999999999999999'] } }).callback);
      expect(refused.embeds[0]!.title).toBe('Moderators only');
    } finally {
      await third.stop();
    }
  });
});
