import { beforeAll, describe, expect, it } from 'vitest';
import { runInvocation } from '../../src/framework/run.ts';
import type { Conversation } from '../../src/framework/types.ts';
import type { Reply } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { testCaller } from '../helpers/caller.ts';
import { recordSnapshot } from '../helpers/record-snapshot.ts';
import { loadedStore, TEST_NOW } from '../helpers/store.ts';

/** Each command a second after the last, as people type them (one command's rows share an instant). */
let tick = Date.parse(TEST_NOW);
const clock = { now: () => new Date((tick += 1000)) };

const HOME: Conversation = { platform: 'discord', workspaceId: 'G-editors', workspaceName: 'Editors', channelId: 'C1' };
const ELSEWHERE: Conversation = { platform: 'discord', workspaceId: 'G-rogue', workspaceName: 'Rogue', channelId: 'C9' };

/** An editor typing in a chat; a confirmation question is answered yes. */
function editor(store: Store, id: string, where: Conversation = HOME) {
  const chat = conversation({ store, moderator: true, conversation: where });
  chat.ctx.caller = testCaller(id, { displayName: id, moderator: true });
  chat.ctx.clock = clock;
  return {
    ctx: chat.ctx,
    async write(line: string): Promise<Reply> {
      const { reply } = await chat.ask(line);
      const confirm = reply.choices?.[0];
      return confirm && reply.status === 'ok' && !line.startsWith('revert ') ? runInvocation(chat.ctx, confirm.invocation) : reply;
    },
    ask: chat.ask,
  };
}

const card = async (store: Store, place: string) => (await conversation({ store }).ask(`sheriff ${place}`)).text;

describe('GIVEN a record poisoned by one account THEN a bulk revert restores it exactly', () => {
  let store: Store;
  let before: ReturnType<typeof recordSnapshot>;
  let cards: string[];
  const places = ['Travis, TX', 'Harris, TX', 'Autauga, AL'];

  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    // An honest edit before the attack stays.
    await editor(store, 'discord:111').write('holder set Travis, TX phone https://www.tcso.org/contact 512-854-9770');
    before = recordSnapshot(store);
    cards = await Promise.all(places.map((p) => card(store, p)));
    const rogue = editor(store, 'discord:666', ELSEWHERE);
    for (const line of [
      'holder set Travis, TX name https://evil.example/x Attacker Puppet',
      'holder set Travis, TX phone https://evil.example/x 512-555-0199',
      'position set Harris, TX detainers no https://evil.example/x',
      'position set Harris, TX detainers partial https://evil.example/y',
      'position set Autauga, AL 287g none https://evil.example/x',
      'holder remove Harris, TX current https://evil.example/x wrong',
    ]) {
      expect((await rogue.write(line)).status, line).toBe('ok');
    }
    expect(recordSnapshot(store)).not.toEqual(before);
    expect(await card(store, 'Travis, TX')).toContain('Attacker Puppet');
  });

  it('THEN the preview counts each command once and changes nothing', async () => {
    const snapshot = recordSnapshot(store);
    const { reply } = await editor(store, 'discord:111').ask('revert user:discord:666 since:2026-11-24');
    expect(reply.title).toBe('6 changes by discord:666 since 2026-11-24 would be reverted');
    expect(recordSnapshot(store)).toEqual(snapshot);
  });

  it('THEN confirmed, the live record and every card equal the snapshot taken before the attack, and each undo is in history', async () => {
    const admin = editor(store, 'discord:111');
    const preview = (await admin.ask('revert user:discord:666 since:2026-11-24')).reply;
    const done = await runInvocation(admin.ctx, preview.choices![0]!.invocation);
    expect(done.notes).toEqual([]);
    expect(done.title).toBe('Reverted 6 changes by discord:666 since 2026-11-24');
    expect(recordSnapshot(store)).toEqual(before);
    expect(await Promise.all(places.map((p) => card(store, p)))).toEqual(cards);
    const history = (await admin.ask('history Harris, TX')).text;
    expect(history).toMatch(/by discord:111 from Discord · Editors \(reverts #\d+\)/);
    expect(history).toMatch(/by discord:666 from Discord · Rogue/);
  });

  it('THEN the same bulk revert again changes nothing: every change is already reverted', async () => {
    const snapshot = recordSnapshot(store);
    const admin = editor(store, 'discord:111');
    const preview = (await admin.ask('revert user:discord:666 since:2026-11-24')).reply;
    const done = await runInvocation(admin.ctx, preview.choices![0]!.invocation);
    expect(done.title).toBe('Reverted 0 changes by discord:666 since 2026-11-24');
    expect(recordSnapshot(store)).toEqual(snapshot);
  });
});

describe('revert #<change>', () => {
  let store: Store;
  beforeAll(() => {
    store = loadedStore({ fresh: true });
  });

  it('GIVEN one change THEN it is undone, and a second revert of it is refused', async () => {
    const ana = editor(store, 'discord:1');
    const before = recordSnapshot(store);
    await ana.write('position set Travis, TX detainers no https://www.kut.org/memo');
    const id = store.positionHistory.since(0).at(-1)!.id;
    expect((await ana.ask(`revert #${id}`)).reply.title).toBe(`Reverted #${id}`);
    expect(recordSnapshot(store)).toEqual(before);
    expect((await ana.ask(`revert #${id}`)).reply.errorCode).toBe('already_reverted');
  });

  it('GIVEN a change that someone changed again since THEN refused, nothing written', async () => {
    const ana = editor(store, 'discord:1');
    await ana.write('position set Travis, TX jail-access yes https://www.kut.org/a');
    const first = store.positionHistory.since(0).at(-1)!.id;
    await editor(store, 'discord:2').write('position set Travis, TX jail-access partial https://www.kut.org/b');
    const snapshot = recordSnapshot(store);
    expect((await ana.ask(`revert #${first}`)).reply.errorCode).toBe('conflict');
    expect(recordSnapshot(store)).toEqual(snapshot);
  });

  it('GIVEN a holder change (#c…) THEN the card shows the record from before', async () => {
    const before = await card(store, 'Harris, TX');
    await editor(store, 'discord:1').write('holder set Harris, TX email https://www.hcso.org/x sheriff@example.org');
    const c = store.changes.forJurisdiction('48201', 1)[0]!.id;
    expect(await card(store, 'Harris, TX')).toContain('sheriff@example.org');
    expect((await editor(store, 'discord:2').ask(`revert #c${c}`)).reply.title).toBe(`Reverted #c${c}`);
    expect(await card(store, 'Harris, TX')).toBe(before);
  });

  it('GIVEN something that is not a change number THEN it says how to find one', async () => {
    const { reply } = await editor(store, 'discord:1').ask('revert #999999');
    expect(reply.errorCode).toBe('not_found');
  });
});
