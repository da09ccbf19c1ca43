/**
 * Autocomplete, buttons, errors, permissions, mentions, rate limits, attachments and
 * channel posts, through the real discord.js client against the fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePlace } from '../../../src/lookup/resolve-place.ts';
import { text } from '../../../src/reply.ts';
import { callbackBody, MEMBER_PERMISSIONS, PERMISSIONS, type RestCall } from '../../helpers/fake-discord/index.ts';
import { loadedStore } from '../../helpers/store.ts';
import { embedText, EPHEMERAL, messageOf, startHarness, type Harness } from './harness.ts';
import { fileCommand, moderatorCommand, registryWith, whoamiCommand } from './test-commands.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    registry: registryWith(moderatorCommand, whoamiCommand, fileCommand),
    env: { DISCORD_MODERATOR_ROLE: 'sheriff watch MODERATORS' },
    maxAttachmentBytes: 1024,
  });
});
afterAll(() => h?.stop());

type Choice = { name: string; value: string };
const choicesOf = (call: RestCall) => (callbackBody(call).data as { choices: Choice[] }).choices;
const moderatorRole = () => h.fake.guild.roles[0]!.id;

describe('Discord: autocomplete', () => {
  it('GIVEN a partial county THEN it offers matching places with their state, within Discord limits, and each value resolves to its place', async () => {
    const call = await h.fake.sendAutocomplete('sheriff', { county: 'st lo' }, 'county').callback;
    expect(callbackBody(call).type).toBe(8);
    const choices = choicesOf(call);
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['St. Louis County, MO', 'St. Louis city, MO', 'St. Louis County, MN']));
    expect(choices.find((c) => c.value === 'St. Louis city, MO')!.name).toBe('St. Louis city, Missouri');
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      const found = resolvePlace(loadedStore(), { county: c.value });
      expect(found.kind, c.value).toBe('found');
    }
  });

  it('GIVEN a state already chosen THEN county suggestions are narrowed to it; a half-typed state narrows nothing', async () => {
    const narrowed = choicesOf(await h.fake.sendAutocomplete('sheriff', { county: 'wash', state: 'AR' }, 'county').callback);
    expect(narrowed.map((c) => c.value)).toContain('Washington County, AR');
    expect(narrowed.every((c) => c.value.endsWith(', AR'))).toBe(true);
    const typing = choicesOf(await h.fake.sendAutocomplete('sheriff', { county: 'washington', state: 'ark' }, 'county').callback);
    expect(new Set(typing.map((c) => c.value.slice(-2))).size).toBeGreaterThan(5);
    expect(typing).toHaveLength(25);
  });

  it('GIVEN a partial state THEN the states that start with it are offered by name with their code as the value', async () => {
    const choices = choicesOf(await h.fake.sendAutocomplete('elections', { state: 'new' }, 'state').callback);
    expect(choices).toEqual([
      { name: 'New Hampshire (NH)', value: 'NH' },
      { name: 'New Jersey (NJ)', value: 'NJ' },
      { name: 'New Mexico (NM)', value: 'NM' },
      { name: 'New York (NY)', value: 'NY' },
    ]);
    expect(choicesOf(await h.fake.sendAutocomplete('elections', { state: 'tx' }, 'state').callback)[0]).toEqual({ name: 'Texas (TX)', value: 'TX' });
  });

  it('GIVEN a picked suggestion THEN running the command with it finds that county', async () => {
    const [first] = choicesOf(await h.fake.sendAutocomplete('sheriff', { county: 'dona a' }, 'county').callback);
    expect(first!.value).toBe('Doña Ana County, NM');
    const reply = messageOf(await h.fake.sendCommand('sheriff', { county: first!.value }).callback);
    expect(reply.embeds[0]!.title).toBe('Sheriff of Doña Ana County, New Mexico');
  });
});

describe('Discord: buttons', () => {
  it('GIVEN a paged list THEN Next replaces the message with page 2, and Previous goes back', async () => {
    const first = messageOf(await h.fake.sendCommand('positions', { topic: '287g', state: 'TX' }).callback);
    const next = first.components![0]!.components.find((b) => b.label === 'Next ▶')!;
    const page2Call = await h.fake.clickButton(next.custom_id, first).callback;
    expect(callbackBody(page2Call).type).toBe(7);
    const page2 = messageOf(page2Call);
    expect(page2.embeds[0]!.footer!.text).toMatch(/Page 2 of \d+/);
    expect(page2.embeds[0]!.description).not.toBe(first.embeds[0]!.description);
    const previous = page2.components![0]!.components.find((b) => b.label === '◀ Previous')!;
    expect(previous.disabled).toBe(false);
    const back = messageOf(await h.fake.clickButton(previous.custom_id, page2).callback);
    expect(back.embeds[0]!.description).toBe(first.embeds[0]!.description);
  });

  it('GIVEN an ambiguous county THEN the ephemeral error offers each place as a button that runs the lookup', async () => {
    const error = messageOf(await h.fake.sendCommand('sheriff', { county: 'Fairfax' }).callback);
    expect(error.flags).toBe(EPHEMERAL);
    const buttons = error.components!.flatMap((row) => row.components);
    expect(buttons.map((b) => b.label)).toEqual(['Fairfax County, VA', 'Fairfax city, VA']);
    const picked = await h.fake.clickButton(buttons[1]!.custom_id, error).callback;
    expect(callbackBody(picked).type).toBe(4);
    const answer = messageOf(picked);
    expect(answer.flags ?? 0).toBe(0);
    expect(answer.embeds[0]!.title).toBe('Sheriff of Fairfax city, Virginia');
  });

  it('GIVEN a button whose id was tampered with THEN nothing runs, the clicker is told privately, and it is logged', async () => {
    const first = messageOf(await h.fake.sendCommand('positions', { topic: '287g', state: 'TX' }).callback);
    const next = first.components![0]!.components.find((b) => b.label === 'Next ▶')!;
    const forged = next.custom_id.replace('state=TX', 'state=FL');
    const sent = h.fake.clickButton(forged, first);
    const answer = messageOf(await sent.callback);
    expect(callbackBody(await sent.callback).type).toBe(4);
    expect(answer.flags).toBe(EPHEMERAL);
    expect(answer.embeds[0]!.title).toBe('This button no longer works');
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'refused a button id', reason: 'tampered', interaction: sent.id }));
    const oversized = messageOf(await h.fake.clickButton(`sw1:p:${'x'.repeat(99)}`, first).callback);
    expect(oversized.embeds[0]!.title).toBe('This button no longer works');
  });
});

describe('Discord: the same question again', () => {
  it('GIVEN a lookup asked twice THEN the second (from the reply cache, its message rendered and encoded once) is the same answer, public and mention-free', async () => {
    const ask = () => h.fake.sendCommand('sheriff', { county: 'Autauga', state: 'AL' }).callback;
    const [first, second] = [await ask(), await ask()];
    expect(callbackBody(second)).toEqual(callbackBody(first));
    const message = messageOf(second);
    expect(message.embeds[0]!.title).toBe('Sheriff of Autauga County, Alabama');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags ?? 0).toBe(0);
  });

  it('GIVEN a Spanish-speaking client asking the same THEN it gets its own rendering, not the English one', async () => {
    const english = messageOf(await h.fake.sendCommand('sheriff', { county: 'Autauga', state: 'AL' }).callback);
    const spanish = messageOf(await h.fake.sendCommand('sheriff', { county: 'Autauga', state: 'AL' }, { locale: 'es-ES' }).callback);
    expect(spanish.embeds[0]!.title).not.toBe(english.embeds[0]!.title);
    expect(messageOf(await h.fake.sendCommand('sheriff', { county: 'Autauga', state: 'AL' }).callback)).toEqual(english);
  });
});

describe('Discord: errors, mentions and permissions', () => {
  it('GIVEN a county name containing @everyone THEN the answer parses no mentions at all', async () => {
    const call = await h.fake.sendCommand('sheriff', { county: '@everyone <@&210000000000000001>', state: 'TX' }).callback;
    const message = messageOf(call);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags).toBe(EPHEMERAL);
    expect(embedText(message.embeds[0]!)).toContain('@everyone');
  });

  it('GIVEN a moderator-only command THEN Discord hides it behind Manage Server', () => {
    expect(h.fake.registeredCommand('record-test').default_member_permissions).toBe(String(PERMISSIONS.MANAGE_GUILD));
    expect(h.fake.registeredCommand('sheriff').default_member_permissions).toBeNull();
  });

  it('GIVEN an ordinary member THEN the moderator command is refused, ephemerally', async () => {
    const message = messageOf(await h.fake.sendCommand('record-test', { note: 'x' }, { member: { id: '300000000000000002' } }).callback);
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0]!.title).toBe('Moderators only');
  });

  it('GIVEN the moderator role (matched by name, any case), Manage Server or Administrator THEN the command runs', async () => {
    const members = [
      { id: '300000000000000003', roles: [moderatorRole()] },
      { id: '300000000000000004', permissions: MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_GUILD },
      { id: '300000000000000005', permissions: MEMBER_PERMISSIONS | PERMISSIONS.ADMINISTRATOR },
    ];
    for (const member of members) {
      const message = messageOf(await h.fake.sendCommand('record-test', { note: 'stance' }, { member }).callback);
      expect(message.embeds[0]!.title, member.id).toBe('Recorded: stance');
      expect(message.embeds[0]!.description).toBe(`by discord:${member.id}`);
    }
  });

  it('GIVEN a member in a channel they manage, with a Spanish client THEN the core gets their id, guild, channel, locale and right', async () => {
    const member = { id: '300000000000000006', permissions: MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_CHANNELS };
    const message = messageOf(await h.fake.sendCommand('whoami-test', {}, { member, locale: 'es-ES' }).callback);
    const fields = Object.fromEntries(message.embeds[0]!.fields!.map((f) => [f.name, f.value]));
    expect(fields).toEqual({
      id: 'discord:300000000000000006', editor: 'false', workspace: h.fake.guild.id,
      channel: h.fake.guild.channelIds[0], 'community manager': 'true', locale: 'es-ES',
    });
  });
});

describe('Discord: rate limits and failures', () => {
  it('GIVEN a 429 with Retry-After on the callback THEN the bot waits that long and answers', async () => {
    h.fake.rateLimit({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, retryAfter: 0.25 });
    const sent = h.fake.sendCommand('election', { county: 'Travis', state: 'TX' });
    const answered = await sent.callback;
    const limited = h.fake.calls.find((c) => c.path.startsWith(`/interactions/${sent.id}/`) && c.status === 429)!;
    expect(limited).toBeDefined();
    expect(answered.receivedAt - limited.receivedAt).toBeGreaterThanOrEqual(250);
    expect(messageOf(answered).embeds[0]!.title).toBe('Sheriff election: Travis County, Texas');
  });

  it('GIVEN Discord rejects a callback THEN the failure is logged with the interaction and the next one is answered', async () => {
    h.fake.failNext({ method: 'POST', path: /\/callback$/, status: 404 });
    const failed = h.fake.sendCommand('about', {});
    await h.fake.waitForCall((c) => c.path.startsWith(`/interactions/${failed.id}/`) && c.status === 404);
    const next = await h.fake.sendCommand('election', { county: 'Travis', state: 'TX' }).callback;
    expect(messageOf(next).embeds[0]!.title).toBe('Sheriff election: Travis County, Texas');
    const logged = await h.waitForLog((l) => l.msg === 'discord interaction failed' && l.interaction === failed.id);
    expect(logged).toMatchObject({ command: 'about', guild: h.fake.guild.id, err: expect.objectContaining({ message: expect.stringContaining('injected failure') }) });
  });
});

describe('Discord: files', () => {
  it('GIVEN an attachment option THEN the file is downloaded for the command, and reply attachments come back as files', async () => {
    const call = await h.fake.sendCommand('file-test', { file: { filename: 'notes.txt', data: Buffer.from('hello, sheriff') } }).callback;
    const message = messageOf(call);
    expect(message.embeds[0]!.title).toBe('Got notes.txt');
    expect(message.embeds[0]!.description).toBe('14 bytes: hello, sheriff');
    expect(call.files).toHaveLength(1);
    expect(call.files[0]!.filename).toBe('echo.txt');
    expect(call.files[0]!.data.toString()).toBe('HELLO, SHERIFF');
  });

  it('GIVEN a file over the size cap THEN it is not downloaded and the user is told privately', async () => {
    const before = h.fake.calls.filter((c) => c.path.startsWith('/attachments/')).length;
    const message = messageOf(await h.fake.sendCommand('file-test', { file: { filename: 'big.bin', data: Buffer.alloc(2048) } }).callback);
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.embeds[0]!.title).toBe('That file could not be used');
    expect(message.embeds[0]!.description).toContain('larger than');
    expect(h.fake.calls.filter((c) => c.path.startsWith('/attachments/')).length).toBe(before);
  });
});

describe('Discord: posting to a channel', () => {
  it('GIVEN the same delivery key twice THEN Discord keeps one message (nonce enforced) and both sends return its id', async () => {
    const reply = { status: 'ok' as const, title: 'Reminder: @everyone vote', sections: [], notes: [[text('Election day')]] };
    const channel = h.fake.guild.channelIds[0]!;
    const first = await h.adapter.sender.send(channel, reply, { key: 'reminder-42' });
    const again = await h.adapter.sender.send(channel, reply, { key: 'reminder-42' });
    expect(again.messageId).toBe(first.messageId);
    const posts = h.fake.channelPosts(channel);
    expect(posts).toHaveLength(2);
    expect(h.fake.channelPosts('999')).toHaveLength(0);
    for (const post of posts) {
      expect(post.body).toMatchObject({ nonce: 'reminder-42', enforce_nonce: true, allowed_mentions: { parse: [] } });
      expect((post.body as { embeds: { title: string }[] }).embeds[0]!.title).toBe('Reminder: @everyone vote');
    }
    const long = await h.adapter.sender.send(channel, reply, { key: 'x'.repeat(40) });
    expect(long.messageId).not.toBe(first.messageId);
    expect(((h.fake.calls.at(-1)!.body as { nonce: string }).nonce).length).toBe(25);
  });

  it('GIVEN a reply with a file THEN the post carries the embed and the file, still with its nonce', async () => {
    const channel = h.fake.guild.channelIds[0]!;
    const reply = { status: 'ok' as const, title: 'Election day', sections: [], notes: [], attachments: [{ filename: 'election.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] };
    await h.adapter.sender.send(channel, reply, { key: 'ics-1' });
    const post = h.fake.calls.at(-1)!;
    expect(post.body).toMatchObject({ nonce: 'ics-1', enforce_nonce: true, embeds: [{ title: 'Election day' }], attachments: [{ id: 0, filename: 'election.ics' }] });
    expect(post.files.map((f) => [f.filename, f.data.toString()])).toEqual([['election.ics', 'BEGIN:VCALENDAR']]);
  });

  it('GIVEN a 429 on the channel route THEN the post waits and still goes out once', async () => {
    const channel = h.fake.guild.channelIds[0]!;
    h.fake.rateLimit({ method: 'POST', path: `/channels/${channel}/messages`, retryAfter: 0.1 });
    const sent = await h.adapter.sender.send(channel, { status: 'ok', title: 'Alert', sections: [], notes: [] }, { key: 'alert-7' });
    const posts = h.fake.calls.filter((c) => c.path === `/channels/${channel}/messages` && (c.body as { nonce?: string }).nonce === 'alert-7');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(sent.messageId).toBeTruthy();
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'discord rate limit: waiting', method: 'POST' }));
  });
});

describe('Discord: every message', () => {
  it('GIVEN everything this file sent THEN every message the bot posted parses no mentions', () => {
    const messages = h.fake.calls.filter((c) => c.status < 300 && ((c.path.endsWith('/callback') && [4, 7].includes(callbackBody(c).type)) || /\/webhooks\/|\/channels\//.test(c.path)) && c.method !== 'DELETE' && c.method !== 'GET');
    expect(messages.length).toBeGreaterThan(20);
    for (const call of messages) {
      const body = call.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown };
      expect(body.data?.allowed_mentions ?? body.allowed_mentions, call.path).toEqual({ parse: [] });
    }
  });
});
