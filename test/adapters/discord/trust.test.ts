/**
 * The trust model through the real discord.js client, with two servers on the fake: the
 * editors' server (DISCORD_EDITOR_GUILD_ID) and a server someone else made and invited the bot to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { createTrust } from '../../../src/trust/services.ts';
import { NO_LIMITS } from '../../helpers/app.ts';
import { MEMBER_PERMISSIONS, PERMISSIONS, type InteractionOptions, type RestCall } from '../../helpers/fake-discord/index.ts';
import { recordSnapshot } from '../../helpers/record-snapshot.ts';
import { loadedStore, testClock } from '../../helpers/store.ts';
import { embedText, EPHEMERAL, messageOf, startHarness, type Embed, type Harness, type Row } from './harness.ts';

const EDITORS = { id: '200000000000000001', name: 'Organizers', roles: [{ id: '210000000000000001', name: 'Sheriff Watch moderators' }], channelIds: ['220000000000000001', '220000000000000005'] };
const EDITORS_CHANNEL = '220000000000000005';
const ROGUE = { id: '200000000000000002', name: 'Rogue', roles: [], channelIds: ['230000000000000001'] };
const MANAGE = MEMBER_PERMISSIONS | PERMISSIONS.MANAGE_GUILD;

const editor = (id: string): InteractionOptions => ({ member: { id, username: `editor${id.slice(-2)}`, permissions: MANAGE } });
/** Manage Server in the server they made a minute ago. */
const rogue = (id: string): InteractionOptions => ({ guildId: ROGUE.id, member: { id, username: `rogue${id.slice(-2)}`, permissions: MANAGE } });

const TRAVIS = '48453';
const live = (store: Store, fips: string, topic: string) => {
  const office = store.offices.sheriffOf(fips)!;
  return store.positions.live(office.id).filter((p) => p.topic === topic).map((p) => p.value);
};
const textOf = (call: RestCall) => (call.body as { embeds: Embed[] }).embeds.map(embedText).join('\n');
const posted = (call: RestCall) => call.body as { embeds: Embed[]; components?: Row[] };

async function start(store: Store, requireReview = false): Promise<Harness> {
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

describe('Discord: editors, proposals and reverts', () => {
  let h: Harness;
  let store: Store;
  let before: ReturnType<typeof recordSnapshot>;
  let proposal: number;

  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    h = await start(store);
    // Honest records from the editors' server, before anything else happens.
    const meeting = messageOf(await h.fake.sendCommand('meeting-add', { county: 'Travis', state: 'TX', body: 'Commissioners Court', date: '2026-12-01', time: '09:00', repeat: 'FREQ=WEEKLY;BYDAY=TU', source: 'https://www.traviscountytx.gov/cc' }, editor('300000000000000101')).callback);
    expect(meeting.embeds[0]!.title).toMatch(/^Recorded: Commissioners Court, Travis County/);
    before = recordSnapshot(store);
  });
  afterAll(() => h?.stop());

  it('GIVEN Manage Server in another server THEN /position-set becomes a proposal: the record is unchanged and the editors are told', async () => {
    const reply = messageOf(await h.fake.sendCommand('position-set', { county: 'Travis', state: 'TX', topic: 'detainers', value: 'yes', source: 'https://evil.example/a' }, rogue('300000000000000201')).callback);
    const title = reply.embeds[0]!.title;
    expect(title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    proposal = Number(/#(\d+)/.exec(title)![1]);
    expect(embedText(reply.embeds[0]!)).toContain('The shared record is unchanged until an editor approves it.');
    expect(live(store, TRAVIS, 'detainers')).toEqual([]);
    expect(recordSnapshot(store)).toEqual(before);
    await h.app.trust.notices.settled();
    const notice = h.fake.channelPosts(EDITORS_CHANNEL).at(-1)!;
    expect(textOf(notice)).toContain(`Proposal #${proposal}: Travis County, TX`);
    expect(textOf(notice)).toContain('from Discord · Rogue');
    expect(posted(notice).components![0]!.components.map((b) => b.label)).toEqual([`Approve #${proposal}`, `Reject #${proposal}`]);
  });

  it('GIVEN a second account of the proposer’s server THEN it cannot approve, by command or by the editors’ button', async () => {
    const typed = messageOf(await h.fake.sendCommand('approve', { id: proposal }, rogue('300000000000000202')).callback);
    expect(typed.flags).toBe(EPHEMERAL);
    expect(typed.embeds[0]!.title).toBe('Moderators only');
    const notice = posted(h.fake.channelPosts(EDITORS_CHANNEL).at(-1)!);
    const approve = notice.components![0]!.components[0]!;
    const clicked = messageOf(await h.fake.clickButton(approve.custom_id, { ...notice, flags: 0 }, rogue('300000000000000202')).callback);
    expect(clicked.embeds[0]!.title).toBe('Moderators only');
    expect(live(store, TRAVIS, 'detainers')).toEqual([]);
  });

  it('GIVEN an editor approves THEN the proposal is applied and the proposer is told in the channel where they proposed', async () => {
    const approved = messageOf(await h.fake.sendCommand('approve', { id: proposal }, editor('300000000000000101')).callback);
    expect(approved.embeds[0]!.title).toBe(`Approved #${proposal}: Travis County, TX`);
    expect(live(store, TRAVIS, 'detainers')).toEqual(['yes']);
    await h.app.trust.notices.settled();
    const told = h.fake.channelPosts(ROGUE.channelIds[0]).at(-1)!;
    expect(textOf(told)).toContain(`Proposal #${proposal} was approved`);
    expect((told.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN the history THEN it shows who changed what from which server', async () => {
    const history = messageOf(await h.fake.sendCommand('history', { county: 'Travis', state: 'TX' }, rogue('300000000000000203')).callback);
    expect(history.embeds.map(embedText).join('\n')).toMatch(/by discord:300000000000000201 from Discord · Rogue/);
  });

  it('GIVEN election and meeting commands from that server THEN they become proposals too: listed by pending, applied only when an editor approves', async () => {
    const snapshot = recordSnapshot(store);
    const added = messageOf(await h.fake.sendCommand('election-add', { county: 'Travis', state: 'TX', kind: 'special', date: '2027-05-01', source: 'https://evil.example/e' }, rogue('300000000000000201')).callback);
    expect(added.embeds[0]!.title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    const cancelled = messageOf(await h.fake.sendCommand('meeting-cancel', { id: 1, on: '2026-12-08', source: 'https://evil.example/m' }, rogue('300000000000000201')).callback);
    expect(cancelled.embeds[0]!.title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    expect(recordSnapshot(store)).toEqual(snapshot);
    await h.app.trust.notices.settled();
    expect(textOf(h.fake.channelPosts(EDITORS_CHANNEL).at(-1)!)).toContain('Travis County, TX · meeting #1 (Commissioners Court): the meeting of 2026-12-08 09:00 cancelled (per https://evil.example/m)');
    const listed = messageOf(await h.fake.sendCommand('pending', {}, editor('300000000000000101')).callback).embeds.map(embedText).join('\n');
    expect(listed).toContain('Travis County, TX · new special election on 2027-05-01 (per https://evil.example/e)');
    for (const reply of [added, cancelled]) {
      const id = Number(/#(\d+)/.exec(reply.embeds[0]!.title)![1]);
      expect(messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000101')).callback).embeds[0]!.title).toBe(`Approved #${id}: Travis County, TX`);
    }
    expect(store.recordedElections.upcomingFor(TRAVIS, '2026-11-24').map((e) => [e.kind, e.date])).toEqual([['special', '2027-05-01']]);
    expect(store.meetings.exceptionsFor(1).map((e) => e.status)).toEqual(['cancelled']);
    await h.app.trust.notices.settled();
    expect(textOf(h.fake.channelPosts(ROGUE.channelIds[0]).at(-1)!)).toMatch(/Proposal #\d+ was approved/);
  });

  it('GIVEN more bad edits from that server slipped through THEN one bulk revert of the server restores the record exactly as it was before them', async () => {
    const values = { county: 'Travis', state: 'TX', field: 'name', source: 'https://evil.example/b', value: 'Attacker Puppet' };
    const proposed = messageOf(await h.fake.sendCommand('holder-set', values, rogue('300000000000000210')).callback);
    // The name is recorded already: the proposer confirms over the revision they saw.
    const revision = /revision:(#\d+)/.exec(embedText(proposed.embeds[0]!))![1]!;
    const waiting = messageOf(await h.fake.sendCommand('holder-set', { ...values, revision }, rogue('300000000000000210')).callback);
    const id = Number(/#(\d+)/.exec(waiting.embeds[0]!.title)![1]);
    expect(messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000101')).callback).embeds[0]!.title).toMatch(/^Approved/);
    expect(recordSnapshot(store)).not.toEqual(before);
    const preview = messageOf(await h.fake.sendCommand('revert', { community: `discord:${ROGUE.id}`, since: '2026-11-24' }, editor('300000000000000101')).callback);
    expect(preview.embeds[0]!.title).toBe(`4 changes by discord:${ROGUE.id} since 2026-11-24 would be reverted`);
    const go = preview.components![0]!.components[0]!;
    const done = messageOf(await h.fake.clickButton(go.custom_id, { ...preview, flags: 0 }, editor('300000000000000101')).callback);
    expect(done.embeds[0]!.title).toBe(`Reverted 4 changes by discord:${ROGUE.id} since 2026-11-24`);
    expect(recordSnapshot(store)).toEqual(before);
  });

  it('GIVEN an editor THEN they change the record directly', async () => {
    const direct = messageOf(await h.fake.sendCommand('position-set', { county: 'Harris', state: 'TX', topic: 'jail-access', value: 'partial', source: 'https://www.hcso.org/policy' }, editor('300000000000000101')).callback);
    expect(direct.embeds[0]!.title).toBe('Recorded: Harris County, TX');
    expect(live(store, '48201', 'jail-access')).toEqual(['partial']);
  });
});

describe('Discord: REQUIRE_REVIEW', () => {
  let h: Harness;
  let store: Store;
  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    h = await start(store, true);
  });
  afterAll(() => h?.stop());

  it('GIVEN an editor’s own change THEN they cannot approve it; a different editor can', async () => {
    const waiting = messageOf(await h.fake.sendCommand('position-set', { county: 'Travis', state: 'TX', topic: 'detainers', value: 'no', source: 'https://www.kut.org/memo' }, editor('300000000000000101')).callback);
    const id = Number(/#(\d+)/.exec(waiting.embeds[0]!.title)![1]);
    expect(waiting.embeds[0]!.title).toBe(`Waiting for review: change #${id}`);
    const own = messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000101')).callback);
    expect(own.flags).toBe(EPHEMERAL);
    expect(own.embeds[0]!.title).toBe(`You proposed change #${id}`);
    expect(live(store, TRAVIS, 'detainers')).toEqual([]);
    const other = messageOf(await h.fake.sendCommand('approve', { id }, editor('300000000000000102')).callback);
    expect(other.embeds[0]!.title).toBe(`Approved #${id}: Travis County, TX`);
    expect(live(store, TRAVIS, 'detainers')).toEqual(['no']);
  });
});
