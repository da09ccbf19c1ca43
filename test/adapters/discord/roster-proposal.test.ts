/**
 * A roster uploaded through the real discord.js client on the fake: from someone who is not an
 * editor it is a proposal (stored, posted to the editors' channel, listed by `pending`, imported
 * only when an editor approves, nothing when rejected); under REQUIRE_REVIEW an editor's roster
 * waits for a different editor. Names are made up for the test ("Pat Example").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { createTrust } from '../../../src/trust/services.ts';
import { NO_LIMITS } from '../../helpers/app.ts';
import { MEMBER_PERMISSIONS, PERMISSIONS, type InteractionOptions, type RestCall } from '../../helpers/fake-discord/index.ts';
import { loadedStore, testClock } from '../../helpers/store.ts';
import { embedText, EPHEMERAL, messageOf, startHarness, type Embed, type Harness } from './harness.ts';

const EDITORS = { id: '200000000000000001', name: 'Organizers', roles: [{ id: '210000000000000001', name: 'Sheriff Watch moderators' }], channelIds: ['220000000000000001', '220000000000000005'] };
const EDITORS_CHANNEL = '220000000000000005';
const ROGUE = { id: '200000000000000002', name: 'Rogue', roles: [], channelIds: ['230000000000000001'] };
const MANAGE = MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_GUILD;
const editor = (id: string): InteractionOptions => ({ member: { id, username: `editor${id.slice(-2)}`, permissions: MANAGE } });
const outsider = (id: string): InteractionOptions => ({ guildId: ROGUE.id, member: { id, username: `rogue${id.slice(-2)}`, permissions: MANAGE } });
const textOf = (call: RestCall) => (call.body as { embeds: Embed[] }).embeds.map(embedText).join('\n');

const TRAVIS = '48453';
const roster = (name: string) =>
  Buffer.from(['state,county,sheriff,phone,email,website,address,source_url,as_of', `TX,Travis,${name},512-854-9770,,,,https://example.org/tx-directory,2026-11-01`].join('\n'));
const nameIn = (store: Store, fips: string) => store.holders.current(store.offices.sheriffOf(fips)!.id)?.name;

async function start(store: Store, requireReview: boolean): Promise<Harness> {
  const h = await startHarness({
    store,
    requireReview,
    fakeOptions: { guild: EDITORS, guilds: [ROGUE] },
    trust: (logger) => createTrust(testClock, logger, NO_LIMITS),
    env: { DISCORD_EDITOR_CHANNEL_ID: EDITORS_CHANNEL },
  });
  h.app.trust.notices.register(h.adapter.sender, h.adapter.editors);
  return h;
}

const idOf = (title: string) => Number(/#(\d+)/.exec(title)![1]);

describe('Discord: a roster from someone who is not an editor', () => {
  let h: Harness;
  let store: Store;
  let travis: string | undefined;
  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    travis = nameIn(store, TRAVIS);
    h = await start(store, false);
  });
  afterAll(() => h?.stop());

  it('GIVEN /import-roster from another server THEN a proposal: the record is unchanged, the editors are told, pending lists it, an editor approves and it is imported', async () => {
    const reply = messageOf(await h.fake.sendCommand('import-roster', { file: { filename: 'tx.csv', data: roster('Pat Example') } }, outsider('300000000000000201')).callback);
    const title = reply.embeds[0]!.title;
    expect(title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    expect(embedText(reply.embeds[0]!)).toContain('Sheriff roster tx.csv (as of 2026-11-01): 0 new, 1 changed');
    const id = idOf(title);
    expect(nameIn(store, TRAVIS)).toBe(travis);
    expect(store.imports.latest('roster-tx')).toBeUndefined();
    await h.app.trust.notices.settled();
    const notice = textOf(h.fake.channelPosts(EDITORS_CHANNEL).at(-1)!);
    expect(notice).toContain(`Proposal #${id}`);
    expect(notice).toContain('Sheriff roster tx.csv (as of 2026-11-01)');
    const pending = messageOf(await h.fake.sendCommand('pending', {}, editor('300000000000000101')).callback);
    expect(pending.embeds.map(embedText).join('\n')).toContain(`#${id}`);
    expect(pending.embeds.map(embedText).join('\n')).toContain('Sheriff roster tx.csv');
    const approved = messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000101')).callback);
    expect(approved.embeds[0]!.title).toBe(`Approved #${id}: sheriff roster imported`);
    expect(nameIn(store, TRAVIS)).toBe('Pat Example');
    expect(store.pending.byId(id)?.decision).toMatchObject({ decision: 'approved', by: 'discord:300000000000000101' });
    await h.app.trust.notices.settled();
    expect(textOf(h.fake.channelPosts(ROGUE.channelIds[0]).at(-1)!)).toContain(`Proposal #${id} was approved`);
  });

  it('GIVEN a second roster proposal rejected THEN nothing is imported', async () => {
    const reply = messageOf(await h.fake.sendCommand('import-roster', { file: { filename: 'tx2.csv', data: roster('Robin Other') } }, outsider('300000000000000202')).callback);
    const id = idOf(reply.embeds[0]!.title);
    const rejected = messageOf(await h.fake.sendCommand('reject', { id, reason: 'not the state directory' }, editor('300000000000000101')).callback);
    expect(rejected.embeds[0]!.title).toBe(`Rejected: change #${id}`);
    expect(nameIn(store, TRAVIS)).toBe('Pat Example');
    expect(store.pending.byId(id)?.decision?.decision).toBe('rejected');
  });
});

describe('Discord: a roster under REQUIRE_REVIEW', () => {
  let h: Harness;
  let store: Store;
  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    h = await start(store, true);
  });
  afterAll(() => h?.stop());

  it('GIVEN an editor’s roster THEN it waits; they cannot approve it themselves; a different editor does and it is imported', async () => {
    const before = nameIn(store, TRAVIS);
    const waiting = messageOf(await h.fake.sendCommand('import-roster', { file: { filename: 'tx.csv', data: roster('Pat Example') } }, editor('300000000000000101')).callback);
    const id = idOf(waiting.embeds[0]!.title);
    expect(waiting.embeds[0]!.title).toBe(`Waiting for review: change #${id}, a sheriff roster`);
    expect(nameIn(store, TRAVIS)).toBe(before);
    const own = messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000101')).callback);
    expect(own.flags).toBe(EPHEMERAL);
    expect(own.embeds[0]!.title).toBe(`You proposed change #${id}`);
    expect(nameIn(store, TRAVIS)).toBe(before);
    const other = messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000102')).callback);
    expect(other.embeds[0]!.title).toBe(`Approved #${id}: sheriff roster imported`);
    expect(nameIn(store, TRAVIS)).toBe('Pat Example');
    expect(store.imports.latest('roster-tx')?.version).toBe('2026-11-01');
  });
});
