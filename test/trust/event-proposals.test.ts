/**
 * Elections and meetings in the trust model, in the core: a non-editor's change waits as a
 * proposal and is applied on approval through the same write; a bulk revert of one account's
 * election and meeting changes restores them exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runInvocation } from '../../src/framework/run.ts';
import type { Conversation } from '../../src/framework/types.ts';
import type { Reply } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { testCaller } from '../helpers/caller.ts';
import { recordSnapshot } from '../helpers/record-snapshot.ts';
import { loadedStore, TEST_NOW } from '../helpers/store.ts';

let tick = Date.parse(TEST_NOW);
const clock = { now: () => new Date((tick += 1000)) };

const HOME: Conversation = { platform: 'discord', workspaceId: 'G-editors', workspaceName: 'Editors', channelId: 'C1' };
const ELSEWHERE: Conversation = { platform: 'discord', workspaceId: 'G-rogue', workspaceName: 'Rogue', channelId: 'C9' };

function person(store: Store, id: string, where: Conversation, isEditor: boolean) {
  const chat = conversation({ store, moderator: isEditor, conversation: where });
  chat.ctx.caller = testCaller(id, { displayName: id, moderator: isEditor });
  chat.ctx.clock = clock;
  return {
    ctx: chat.ctx,
    async write(line: string): Promise<Reply> {
      const { reply } = await chat.ask(line);
      expect(reply.status, `${line}: ${reply.title}`).toBe('ok');
      return reply;
    },
  };
}

const idOf = (reply: Reply) => Number(/#(\d+)/.exec(reply.title)![1]);
const TRAVIS = '48453';

describe('GIVEN a member who is not an editor', () => {
  let store: Store;
  beforeAll(() => {
    store = loadedStore({ fresh: true });
  });

  it('THEN election-add, election-change and meeting-add become proposals; nothing changes until an editor approves, then the history names the proposer', async () => {
    const member = person(store, 'discord:500', ELSEWHERE, false);
    const editor = person(store, 'discord:100', HOME, true);
    const before = recordSnapshot(store);
    const added = await member.write('election-add Travis, TX kind:special date:2027-05-01 source:https://www.votetravis.gov/special');
    expect(added.title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    expect(recordSnapshot(store)).toEqual(before);
    const meeting = await member.write('meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 source:https://www.traviscountytx.gov/cc');
    expect(recordSnapshot(store)).toEqual(before);
    const pending = await editor.write('pending');
    expect(JSON.stringify(pending)).toContain('new special election on 2027-05-01');
    expect(JSON.stringify(pending)).toContain('new meeting of Commissioners Court, first at 2026-12-01 09:00');

    const approved = await editor.write(`approve ${idOf(added)}`);
    expect(approved.title).toBe(`Approved #${idOf(added)}: Travis County, TX`);
    const election = store.recordedElections.upcomingFor(TRAVIS, '2026-11-24').find((e) => e.date === '2027-05-01')!;
    expect(election.kind).toBe('special');
    const row = store.changes.forEntity('election', election.id)[0]!;
    expect([row.by, row.community?.workspaceName]).toEqual(['discord:500', 'Rogue']);

    const changed = await member.write(`election-change ${election.id} date:2027-05-08 source:https://www.votetravis.gov/moved`);
    expect(store.recordedElections.byId(election.id)!.date).toBe('2027-05-01');
    await editor.write(`approve ${idOf(changed)}`);
    expect(store.recordedElections.byId(election.id)!.date).toBe('2027-05-08');
    await editor.write(`approve ${idOf(meeting)}`);
    expect(store.meetings.liveFor(TRAVIS).map((m) => m.body)).toEqual(['Commissioners Court']);
  });

  it('THEN a proposal based on a revision that changed since is not applied: the editor is told, and may reject it', async () => {
    const member = person(store, 'discord:501', ELSEWHERE, false);
    const editor = person(store, 'discord:100', HOME, true);
    const election = store.recordedElections.upcomingFor(TRAVIS, '2026-11-24')[0]!;
    const proposal = await member.write(`election-cancel ${election.id} source:https://evil.example/x`);
    await editor.write(`election-change ${election.id} note:"confirmed by the clerk" source:https://www.votetravis.gov/clerk`);
    const snapshot = recordSnapshot(store);
    const { reply } = await conversation({ store, moderator: true, conversation: HOME }).ask(`approve ${idOf(proposal)}`);
    expect(reply.errorCode).toBe('conflict');
    expect(recordSnapshot(store)).toEqual(snapshot);
    expect(reply.choices?.map((c) => c.invocation.command)).toEqual(['reject']);
  });
});

describe('GIVEN elections and meetings changed by one account THEN a bulk revert restores them exactly', () => {
  let store: Store;
  let before: ReturnType<typeof recordSnapshot>;

  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    const honest = person(store, 'discord:111', HOME, true);
    await honest.write('election-add Travis, TX kind:general date:2028-11-07 registration:2028-10-10 source:https://www.votetravis.gov/');
    await honest.write('meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=WEEKLY;BYDAY=TU source:https://www.traviscountytx.gov/cc');
    await honest.write('meeting-add Harris, TX body:"Commissioners Court" date:2026-12-03 time:10:00 source:https://www.harriscountytx.gov/cc');
    await honest.write('meeting-cancel 1 on:2026-12-15 source:https://www.traviscountytx.gov/holiday note:"holiday"');
    before = recordSnapshot(store);
    // Slipped through: an editor account used from another server.
    const rogue = person(store, 'discord:666', ELSEWHERE, true);
    const [general] = store.recordedElections.upcomingFor(TRAVIS, '2026-11-24');
    for (const line of [
      'election-add Travis, TX kind:special date:2027-01-05 source:https://evil.example/a',
      `election-change ${general!.id} date:2028-11-14 registration:- note:"moved" source:https://evil.example/b`,
      'meeting-change 1 time:23:00 location:"nowhere" source:https://evil.example/c',
      'meeting-change 1 on:2026-12-08 date:2026-12-09 time:08:00 source:https://evil.example/d',
      'meeting-change 1 on:2026-12-15 date:2026-12-16 time:08:00 source:https://evil.example/e',
      'meeting-cancel 2 source:https://evil.example/f',
      'meeting-add Travis, TX body:"Fake Board" date:2026-12-20 time:18:00 source:https://evil.example/g',
    ]) {
      await rogue.write(line);
    }
    await rogue.write(`election-cancel ${general!.id} source:https://evil.example/h`);
    expect(recordSnapshot(store)).not.toEqual(before);
  });

  it('THEN confirmed, the live elections, meetings and exceptions equal the snapshot taken before the bad edits', async () => {
    const admin = person(store, 'discord:111', HOME, true);
    const preview = await admin.write('revert user:discord:666 since:2026-11-24');
    expect(preview.title).toBe('8 changes by discord:666 since 2026-11-24 would be reverted');
    const done = await runInvocation(admin.ctx, preview.choices![0]!.invocation);
    expect(done.title).toBe('Reverted 8 changes by discord:666 since 2026-11-24');
    expect(done.notes).toEqual([]);
    expect(recordSnapshot(store)).toEqual(before);
    const again = await runInvocation(admin.ctx, preview.choices![0]!.invocation);
    expect(again.title).toBe('Reverted 0 changes by discord:666 since 2026-11-24');
    expect(recordSnapshot(store)).toEqual(before);
  });
});
