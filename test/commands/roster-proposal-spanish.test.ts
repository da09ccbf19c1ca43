/**
 * A roster proposed in a Spanish chat: the proposer's reply, the editors' `pending` list and the
 * approval are in Spanish, from the proposal's stored counts (names made up: "Pat Example").
 */
import { describe, expect, it } from 'vitest';
import { testCaller } from '../helpers/caller.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

const ROSTER = Buffer.from(['state,county,sheriff,phone,email,website,address,source_url,as_of', 'TX,Travis,Pat Example,,,,,https://example.org/tx-directory,2026-11-01'].join('\n'));

describe('a roster proposal in Spanish', () => {
  it('GIVEN a member sends a roster in a Spanish chat THEN the proposal, the pending list and the approval read in Spanish', async () => {
    const store = loadedStore({ fresh: true });
    const member = conversation({ store, locale: 'es' });
    member.ctx.attachments = { file: { filename: 'tx.csv', data: ROSTER } };
    const proposed = await member.ask('import-roster tx.csv');
    expect(proposed.text).toContain('Lista de sheriffs tx.csv (al 2026-11-01): nuevos: 0; cambiados: 1');
    const editor = conversation({ store, moderator: true, locale: 'es' });
    editor.ctx.caller = testCaller('test:ana', { moderator: true });
    const pending = await editor.ask('pending');
    expect(pending.text).toContain('Lista de sheriffs tx.csv (al 2026-11-01)');
    const id = store.pending.open()[0]!.id;
    const approved = await editor.ask(`approve ${id}`);
    expect(approved.reply.title).toBe(`Aprobado n.º ${id}: lista de sheriffs importada`);
    expect(store.holders.current(store.offices.sheriffOf('48453')!.id)?.name).toBe('Pat Example');
  });
});
