/**
 * A roster on a database file is read, matched and applied (or previewed) in the worker thread,
 * while the chat process's event loop keeps turning; a file that is not a roster is still refused
 * with the reason, and a member's upload is previewed there before it becomes a proposal.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { testCaller } from '../helpers/caller.ts';
import { conversation } from '../helpers/conversation.ts';
import { turnsDuring } from '../helpers/loop-turns.ts';

function as(store: Store, id: string, editor: boolean) {
  const chat = conversation({ store, moderator: editor });
  chat.ctx.caller = testCaller(id, { moderator: editor });
  return chat;
}

/** Every Texas county with an invented sheriff, as a roster file (one row per county). */
function texasRoster(store: Store, asOf: string, who = 'Test Sheriff'): Buffer {
  const rows = store.jurisdictions.all().filter((j) => j.state === 'TX');
  const lines = rows.map((j, i) => `TX,"${j.name}",${who} ${i},,,,,https://example.org/tx-roster,${asOf}`);
  return Buffer.from(['state,county,sheriff,phone,email,website,address,source_url,as_of', ...lines].join('\n'));
}

describe('roster imports on a database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-roster-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a member’s state roster THEN it is previewed off the event loop and proposed; an editor’s approval and an editor’s own upload are applied off it too', async () => {
    const path = join(dir, 'bot.db');
    copyFileSync(inject('loadedDatabase'), path);
    const db = openDatabase(path);
    const store = createStore(db);
    const texas = store.jurisdictions.all().filter((j) => j.state === 'TX');

    const member = as(store, 'test:member', false);
    // Dated the day before the conversation's clock: a roster from the future is refused.
    const roster = texasRoster(store, new Date(member.ctx.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10));
    member.ctx.attachments = { file: { filename: 'tx.csv', data: roster } };
    const { value: proposed, turns: previewTurns } = await turnsDuring(() => member.ask('import-roster tx.csv'));
    expect(previewTurns).toBeGreaterThan(20);
    expect(store.pending.byId(1)?.requestedBy).toBe('test:member');
    expect(proposed.reply.status).toBe('ok');

    const editor = as(store, 'test:editor', true);
    const { value: approved, turns: approveTurns } = await turnsDuring(() => editor.ask('approve 1'));
    expect(approveTurns).toBeGreaterThan(20);
    expect(approved.reply.status).toBe('ok');
    expect(store.pending.byId(1)?.decision).toMatchObject({ decision: 'approved', by: 'test:editor' });
    const named = (pattern: RegExp) => texas.filter((j) => store.holders.records(store.offices.sheriffOf(j.fips)!.id).some((h) => pattern.test(h.name))).length;
    expect(named(/^Test Sheriff \d+$/)).toBe(texas.length);

    const asOf = new Date(member.ctx.clock.now().getTime()).toISOString().slice(0, 10);
    editor.ctx.attachments = { file: { filename: 'tx2.csv', data: texasRoster(store, asOf, 'Other Sheriff') } };
    const { value: imported, turns } = await turnsDuring(() => editor.ask('import-roster tx2.csv'));
    expect(turns).toBeGreaterThan(20);
    expect(imported.reply.status).toBe('ok');
    expect(named(/^Other Sheriff \d+$/)).toBe(texas.length);

    editor.ctx.attachments = { file: { filename: 'notes.csv', data: Buffer.from('a,b\n1,2,3\n') } };
    const refused = await editor.ask('import-roster notes.csv');
    expect(refused.reply.errorCode).toBe('bad_file');
    db.close();
  });
});
