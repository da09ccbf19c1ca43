import { beforeAll, describe, expect, it } from 'vitest';
import { changeLine } from '../../src/present/change-log-lines.ts';
import { runInvocation } from '../../src/framework/run.ts';
import type { Conversation } from '../../src/framework/types.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';
import { testCaller } from '../helpers/caller.ts';

const SRC = 'source:https://www.traviscountytx.gov/commissioners-court';
const TRAVIS = '48453';
const where: Conversation = { platform: 'console', workspaceId: 'local', channelId: 'c' };

function moderator(store: Store, locale?: string) {
  const chat = conversation({ store, moderator: true, conversation: where, ...(locale ? { locale } : {}) });
  chat.ctx.caller = testCaller('test:ana', { moderator: true });
  return chat;
}

/** Asks, and confirms when the bot asks to confirm. */
async function apply(store: Store, line: string): Promise<void> {
  const chat = moderator(store);
  const answer = await chat.ask(line);
  expect(answer.reply.status, `${line}: ${answer.text}`).toBe('ok');
  const confirm = answer.reply.choices?.[0];
  if (confirm && /confirm|apply|yes/i.test(`${confirm.label} ${confirm.invocation.command}`)) await runInvocation(chat.ctx, confirm.invocation);
}

describe('history in Spanish: every kind of change-log row', () => {
  let store: Store;
  let spanish: string;
  let english: string;

  beforeAll(async () => {
    store = loadedStore({ fresh: true });
    await apply(store, 'holder set Travis, TX phone https://www.tcso.org/contact 512.555.0100');
    await apply(store, 'holder set Travis, TX selection https://www.tcso.org/contact appointed');
    await apply(store, `election-add Travis, TX kind:runoff date:2028-11-07 registration:2028-10-10 ${SRC}`);
    await apply(store, `election-change 1 date:2028-11-08 ${SRC}`);
    await apply(store, `election-cancel 1 ${SRC} note:"candidate unopposed"`);
    await apply(store, `meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=MONTHLY;BYDAY=1TU,3TU ${SRC}`);
    await apply(store, `meeting-cancel 1 on:2026-12-15 ${SRC} note:"holiday"`);
    await apply(store, `meeting-change 1 on:2027-01-05 date:2027-01-06 time:14:00 ${SRC}`);
    await apply(store, `meeting-change 1 location:"700 Lavaca St" ${SRC}`);
    await apply(store, `meeting-add Travis, TX body:"Budget hearing" date:2026-12-10 time:18:00 ${SRC}`);
    await apply(store, `meeting-cancel 2 ${SRC} note:"no quorum"`);
    await apply(store, 'subscribe Travis, TX elections meetings');
    await apply(store, 'subscribe Travis, TX positions');
    await apply(store, 'unsubscribe Travis, TX');
    const office = store.offices.sheriffOf(TRAVIS)!;
    const mine = store.holders.records(office.id).find((r) => r.sourceKind === 'moderator')!;
    await apply(store, `holder remove Travis, TX #${mine.id} entered by mistake`);
    spanish = (await moderator(store, 'es').ask('history Travis, TX page 1')).text;
    english = (await moderator(store).ask('history Travis, TX')).text;
  });

  it('GIVEN each row made by the commands THEN it stores a message whose English is its summary and whose Spanish differs, so none falls back to English', () => {
    const rows = store.changes.forJurisdiction(TRAVIS, 100);
    expect(new Set(rows.map((r) => r.entity))).toEqual(new Set(['office_holder', 'election', 'meeting', 'meeting_occurrence', 'subscription']));
    for (const row of rows) {
      expect(row.message, row.summary).not.toBeNull();
      expect(changeLine(row, 'en'), row.summary).toContain(row.summary);
      expect(changeLine(row, 'es'), row.summary).not.toContain(row.summary);
    }
  });

  it('GIVEN a Spanish reader THEN holder, election, meeting and subscription lines are Spanish', () => {
    const all = store.changes.forJurisdiction(TRAVIS, 100).map((c) => changeLine(c, 'es')).join('\n');
    expect(all).toContain('sheriff teléfono: — → (512) 555-0100');
    expect(all).toContain('sheriff elegido o designado: — → designado');
    expect(all).toMatch(/sheriff se quitó el registro #\d+ \(Sally Hernandez, según tcso\.org\): entered by mistake/);
    expect(all).toContain('elección: elección de segunda vuelta del 2028-11-07, fecha límite de inscripción 2028-10-10');
    expect(all).toContain('elección: fecha: 2028-11-07 → 2028-11-08');
    expect(all).toContain('elección: se canceló la elección de segunda vuelta del 2028-11-08: candidate unopposed');
    expect(all).toMatch(/reunión: Commissioners Court: serie desde el \S+ \(FREQ=MONTHLY;BYDAY=\+1TU,\+3TU\)/);
    expect(all).toMatch(/fecha de reunión: Commissioners Court: se canceló la reunión del \S+/);
    expect(all).toMatch(/fecha de reunión: Commissioners Court: la reunión del \S+ se movió al \S+/);
    expect(all).toContain('reunión: Commissioners Court: lugar: — → 700 Lavaca St');
    expect(all).toMatch(/reunión: Budget hearing: reunión el \S+/);
    expect(all).toContain('reunión: Budget hearing: se canceló la reunión: no quorum');
    expect(all).toContain('suscripción: canal c de console: suscrito a elecciones, reuniones');
    expect(all).toContain('suscripción: canal c de console: ahora: posturas');
    expect(all).toContain('suscripción: canal c de console: suscripción cancelada');
    for (const word of ['election', 'registration deadline', 'cancelled', 'series from', 'meeting at', 'occurrence of', 'moved to', 'subscribed to', 'unsubscribed', 'removed:', ' per ', 'phone:', 'location:']) {
      expect(all, word).not.toContain(word);
    }
  });

  it('GIVEN the history command THEN the Spanish page shows those lines and the English one is unchanged', () => {
    expect(spanish).toContain('Historial: Travis County, Texas');
    expect(spanish).toContain('sheriff teléfono: — → (512) 555-0100');
    expect(spanish).toContain('suscripción: canal c de console: suscripción cancelada');
    expect(spanish).not.toContain('unsubscribed');
    expect(english).toContain('sheriff phone: — → (512) 555-0100');
    expect(english).toContain('subscription: console channel c: unsubscribed');
    expect(english).toContain('election: runoff election 2028-11-07, registration deadline 2028-10-10');
  });

  it('GIVEN a row written before rows stored messages (summary only) THEN its stored text is shown as it is, in every language', () => {
    store.db
      .prepare(`INSERT INTO change_log (entity, entity_id, jurisdiction_fips, office_id, action, summary, before_json, after_json, changed_by, changed_at)
        VALUES ('election', 99, ?, NULL, 'created', 'general election on Nov 7 (old wording)', NULL, ?, 'test:old', '2026-01-01T00:00:00.000Z')`)
      .run(TRAVIS, JSON.stringify({ kind: 'general', date: '2028-11-07', registrationDeadline: null, note: null }));
    const [row] = store.changes.forJurisdiction(TRAVIS, 1);
    expect(row!.message).toBeNull();
    expect(changeLine(row!, 'es')).toBe('elección: general election on Nov 7 (old wording)');
    expect(changeLine(row!, 'en')).toBe('election: general election on Nov 7 (old wording)');
  });
});

describe('a position removed without a link, in Spanish history', () => {
  it('GIVEN "Removed by a moderator: <reason>" as the stored source THEN Spanish says "Quitado por un moderador"', async () => {
    const store = loadedStore({ fresh: true });
    await apply(store, 'position set Travis, TX detainers no https://www.kut.org/memo');
    await apply(store, 'position remove Travis, TX detainers entered for the wrong county');
    const { text } = await moderator(store, 'es').ask('history Travis, TX');
    expect(text).toContain('Quitado por un moderador: entered for the wrong county');
    expect(text).not.toContain('Removed by a moderator');
  });
});
