/**
 * Approving a queued list import (REQUIRE_REVIEW, here a forced list the retire-most guard would
 * stop) on a database file: the list is read, applied and the decision recorded in the worker
 * thread, while the chat process's event loop keeps turning.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { testCaller } from '../helpers/caller.ts';
import { conversation } from '../helpers/conversation.ts';
import { turnsDuring } from '../helpers/loop-turns.ts';

const JULY = 'participatingAgencies07182025pm.xlsx';
const july = readFileSync(new URL('../fixtures/ice_287g_participating_2025-07-18.xlsx', import.meta.url));

function as(store: Store, id: string) {
  const chat = conversation({ store, moderator: true });
  chat.ctx.caller = testCaller(id, { moderator: true });
  chat.ctx.requireReview = true;
  return chat;
}

describe('approving a queued list import on a database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-approve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a forced list queued for review THEN another editor’s approval applies it off the event loop, decided once', async () => {
    const path = join(dir, 'bot.db');
    copyFileSync(inject('loadedDatabase'), path);
    const db = openDatabase(path);
    const store = createStore(db);
    const before = store.positions.byTopic('287g').filter((p) => p.value !== 'none').length;
    const ana = as(store, 'test:ana');
    ana.ctx.attachments = { file: { filename: JULY, data: july } };
    const queued = await ana.ask(`import 287g ${JULY} force`);
    expect(queued.reply.title).toBe("Waiting for review: change #1, ICE's 287(g) list of 2025-07-18");
    expect(store.imports.latest('ice-287g')!.version).toBe('2026-05-18');

    const { value: approved, turns } = await turnsDuring(() => as(store, 'test:ben').ask('approve 1'));
    expect(approved.reply.title).toBe("Approved #1: imported ICE's 287(g) list of 2025-07-18");
    // The worker took the read and the apply: the chat's loop turned many times meanwhile.
    expect(turns).toBeGreaterThan(50);
    expect(store.imports.latest('ice-287g')!.version).toBe('2025-07-18');
    expect(store.pending.byId(1)?.decision).toMatchObject({ decision: 'approved', by: 'test:ben' });
    expect(store.positions.byTopic('287g').filter((p) => p.value !== 'none').length).toBeLessThan(before);
    expect((await as(store, 'test:carla').ask('approve 1')).reply.errorCode).toBe('already_decided');
    db.close();
  });
});
