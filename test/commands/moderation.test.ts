import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../../src/commands/index.ts';
import { parseCommandLine } from '../../src/framework/parse.ts';
import { runInvocation } from '../../src/framework/run.ts';
import type { Choice } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { ChangeLogStore } from '../../src/store/change-log.ts';
import { PendingChangeStore } from '../../src/store/pending-changes.ts';
import { PositionHistoryStore } from '../../src/store/position-history.ts';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore, TEST_NOW } from '../helpers/store.ts';
import { testCaller } from '../helpers/caller.ts';

/** A chat as one moderator (or a member), on a given store. */
function as(store: Store, id: string, options: { moderator?: boolean; review?: boolean } = {}) {
  const chat = conversation({ store, moderator: options.moderator ?? true });
  chat.ctx.caller = testCaller(id, { moderator: options.moderator ?? true });
  chat.ctx.requireReview = options.review ?? false;
  return {
    ...chat,
    /** Presses a choice (a button), as the adapters do. */
    press: (choice: Choice | undefined) => {
      if (!choice) throw new Error('no such choice');
      return runInvocation(chat.ctx, choice.invocation);
    },
  };
}

const count = (store: Store, table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const writes = (store: Store) => ({
  history: count(store, 'position_history'),
  changes: count(store, 'change_log'),
  positions: count(store, 'positions'),
  holders: count(store, 'office_holders'),
  pending: count(store, 'pending_changes'),
});
const live = (store: Store, fips: string, topic: string) => {
  const office = store.offices.sheriffOf(fips);
  return office ? store.positions.live(office.id).filter((p) => p.topic === topic) : [];
};

const TRAVIS = '48453';
const HARRIS = '48201';
const AUTAUGA = '01001';
const VICTORIA = '48469';

let store: Store;
beforeAll(() => {
  store = loadedStore({ fresh: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('grammar: the free-text forms of the moderator commands', () => {
  const registry = createRegistry();
  const parse = (line: string) => parseCommandLine(registry, line);

  it('GIVEN "position set <county>, <state> <topic> <value> <source-url> [note]" THEN each part lands in its option', () => {
    const { command, args } = parse('position set Travis, TX detainers no https://www.kut.org/a policy memo, March 2025');
    expect(command.name).toBe('position-set');
    expect(args).toEqual({ county: 'Travis, TX', topic: 'detainers', value: 'no', source: 'https://www.kut.org/a', note: 'policy memo, March 2025' });
  });

  it('GIVEN an as-of date and a #revision before the note THEN they are taken; without them THEN the note starts at once', () => {
    expect(parse('position-set Dona Ana, New Mexico 287(g) tfm https://x.org/a 2025-03-01 #57 signed in March').args).toEqual({
      county: 'Dona Ana, New Mexico',
      topic: '287g',
      value: 'task-force',
      source: 'https://x.org/a',
      'as-of': '2025-03-01',
      revision: '#57',
      note: 'signed in March',
    });
    expect(parse('position-set Travis TX detainers yes https://x.org/a 57 deputies trained').args).toMatchObject({
      county: 'Travis TX',
      note: '57 deputies trained',
    });
  });

  it('GIVEN holder set with a value of several words THEN the value is the rest of the line', () => {
    expect(parse('holder set St. Mary Parish, LA address https://x.org/a 500 Main St, Franklin, LA 70538').args).toEqual({
      county: 'St. Mary Parish, LA',
      field: 'address',
      source: 'https://x.org/a',
      value: '500 Main St, Franklin, LA 70538',
    });
  });

  it('GIVEN position remove with or without a model and a source THEN the reason is the rest', () => {
    expect(parse('position remove Autauga, AL 287g task-force agreement ended').args).toEqual({
      county: 'Autauga, AL', topic: '287g', model: 'task-force', reason: 'agreement ended',
    });
    expect(parse('position-remove Travis, TX detainers https://x.org/a typo in the county').args).toEqual({
      county: 'Travis, TX', topic: 'detainers', source: 'https://x.org/a', reason: 'typo in the county',
    });
    expect(parse('holder remove Travis, TX current not the sheriff').args).toEqual({ county: 'Travis, TX', record: 'current', reason: 'not the sheriff' });
  });

  it('GIVEN two words for a hyphenated command THEN that command; the command set fits Discord', () => {
    expect(parse('import 287g list.xlsx 2026-01-23').command.name).toBe('import-287g');
    for (const command of registry.all()) {
      expect(command.name).toMatch(/^[a-z0-9-]{1,32}$/);
      expect(command.options.length).toBeLessThanOrEqual(25);
    }
  });
});

describe('position-set', () => {
  it('GIVEN a moderator and nothing recorded THEN recorded at once with its source, in history, and on the card', async () => {
    const mod = as(store, 'test:ana');
    const { reply, text } = await mod.ask('position set Travis, TX detainers no https://www.kut.org/memo policy memo of March 2025');
    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Recorded: Travis County, TX');
    expect(text).toContain('Before: detainers: nothing recorded (unknown)');
    const [position] = live(store, TRAVIS, 'detainers');
    expect(position).toMatchObject({ value: 'no', detail: 'policy memo of March 2025', recordedBy: 'test:ana', source: { url: 'https://www.kut.org/memo', title: 'kut.org', date: '2026-11-24' } });
    const [history] = store.positionHistory.forOffice(position!.officeId).filter((h) => h.topic === 'detainers');
    expect(history).toMatchObject({ action: 'created', newValue: 'no', by: 'test:ana', at: TEST_NOW.replace('Z', '.000Z'), sourceUrl: 'https://www.kut.org/memo', sourceTitle: 'kut.org' });
    const card = await as(store, 'test:member', { moderator: false }).ask('sheriff Travis, TX');
    expect(card.text).toContain('Holds people on ICE detainers without a judicial warrant: No — policy memo of March 2025 (per kut.org <https://www.kut.org/memo>, 2026-11-24');
  });

  it('GIVEN a member who is not an editor THEN the change is stored as a proposal and the record is unchanged', async () => {
    const member = as(store, 'test:member', { moderator: false });
    const before = writes(store);
    const { reply } = await member.ask('position set Harris, TX detainers yes https://example.org/a');
    expect(reply.title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    expect(writes(store)).toEqual({ ...before, pending: before.pending + 1 });
  });

  it('GIVEN invalid input THEN a message that says what is allowed, and nothing written', async () => {
    const mod = as(store, 'test:ana');
    const before = writes(store);
    const cases: [string, RegExp][] = [
      ['position set Harris, TX detainers task-force https://example.org/a', /not a value for detainers; choose one of: yes, no, partial, unknown/],
      ['position set Harris, TX detainers maybe https://example.org/a', /Choose one of: yes, no, partial, unknown, jail-enforcement/],
      ['position set Harris, TX detainers yes www.example.org/a', /must be a web address starting with https:\/\/ or http:\/\//],
      ['position set Harris, TX detainers yes ftp://example.org/a', /starting with https:\/\/ or http:\/\//],
      ['position set Harris, TX detainers yes https://example.org/a 2027-01-01', /in the future; it can be 2026-11-24 at the latest/],
      ['position set Harris, TX detainers yes https://example.org/a 2025-02-30', /not a real calendar date/],
      [`position set Harris, TX detainers yes https://example.org/a ${'x'.repeat(501)}`, /at most 500/],
      ['position set Harris, TX detainers yes', /needs a source/],
      ['position set Connecticut detainers yes https://example.org/a', /Which county in Connecticut/],
      ['position set Nowhere County, TX detainers yes https://example.org/a', /No county called/],
    ];
    for (const [line, pattern] of cases) {
      const { reply, text } = await mod.ask(line);
      expect(reply.status, line).toBe('user_error');
      expect(text, line).toMatch(pattern);
    }
    expect(writes(store)).toEqual(before);
  });

  it('GIVEN markup and mentions in a note THEN stored verbatim', async () => {
    const note = '<@123456> **bold** <script>x</script> @everyone';
    await as(store, 'test:ana').ask(`position set Harris, TX release-notification yes https://example.org/r ${note}`);
    expect(live(store, HARRIS, 'release-notification')[0]?.detail).toBe(note);
  });

  it('GIVEN a recorded value and no revision THEN a confirmation showing now → new, nothing written; confirming applies it', async () => {
    const mod = as(store, 'test:ana');
    await mod.ask('position set Harris, TX ice-as-police no https://example.org/a');
    const before = writes(store);
    const { reply, text } = await mod.ask('position set Harris, TX ice-as-police yes https://example.org/b');
    expect(reply.title).toBe('Confirm the change');
    expect(text).toMatch(/Now: ice-as-police: No \(per example\.org, 2026-11-24\) \(#\d+\)/);
    expect(writes(store)).toEqual(before);
    const confirmed = await mod.press(reply.choices?.[0]);
    expect(confirmed.title).toBe('Recorded: Harris County, TX');
    expect(live(store, HARRIS, 'ice-as-police').map((p) => p.value)).toEqual(['yes']);
  });

  it('GIVEN the same value again THEN "already recorded", nothing written', async () => {
    const mod = as(store, 'test:ana');
    const before = writes(store);
    const { reply } = await mod.ask('position set Harris, TX ice-as-police yes https://example.org/c');
    expect(reply).toMatchObject({ status: 'ok', title: 'Already recorded: Harris County, TX' });
    expect(writes(store)).toEqual(before);
  });

  it('GIVEN someone changed it after the moderator looked THEN a conflict that says what it is now; nothing lost', async () => {
    const ana = as(store, 'test:ana');
    const ben = as(store, 'test:ben');
    await ana.ask('position set Harris, TX jail-access no https://example.org/a');
    const anaSees = await ana.ask('position set Harris, TX jail-access partial https://example.org/b interviews by appointment');
    const benSees = await ben.ask('position set Harris, TX jail-access yes https://example.org/c');
    await ben.press(benSees.reply.choices?.[0]); // Ben confirms first
    const before = writes(store);
    const conflict = await ana.press(anaSees.reply.choices?.[0]); // Ana confirms what she saw
    expect(conflict).toMatchObject({ status: 'user_error', errorCode: 'conflict', title: 'Someone changed this first — nothing was saved' });
    const shown = conflict.intro!.map((l) => l.map((s) => ('text' in s ? s.text : '')).join('')).join('\n');
    expect(shown).toMatch(/changed by test:ben/);
    expect(shown).toContain('jail-access: Yes (per example.org, 2026-11-24)');
    expect(shown).toContain('Your change, unsaved: Harris County, TX · jail-access → Partly / with conditions');
    expect(writes(store)).toEqual(before);
    expect(live(store, HARRIS, 'jail-access').map((p) => p.value)).toEqual(['yes']);
    // Nothing is lost: her change is one press away, now over Ben's version.
    const applied = await ana.press(conflict.choices?.[0]);
    expect(applied.title).toBe('Recorded: Harris County, TX');
    expect(live(store, HARRIS, 'jail-access')[0]).toMatchObject({ value: 'partial', detail: 'interviews by appointment' });
  });

  it('GIVEN 287g none THEN every agreement is retired (kept in history) and the card says no agreement', async () => {
    const mod = as(store, 'test:ana');
    const before = live(store, AUTAUGA, '287g');
    expect(before.map((p) => p.value).sort()).toEqual(['jail-enforcement', 'task-force', 'warrant-service-officer']);
    const confirm = await mod.ask('position set Autauga, AL 287g none https://www.al.com/news agreements ended');
    await mod.press(confirm.reply.choices?.[0]);
    expect(live(store, AUTAUGA, '287g').map((p) => p.value)).toEqual(['none']);
    const retired = store.positionHistory.forOffice(before[0]!.officeId).filter((h) => h.action === 'retired');
    expect(retired.map((h) => h.oldValue).sort()).toEqual(['jail-enforcement', 'task-force', 'warrant-service-officer']);
    expect((await mod.ask('sheriff Autauga, AL')).text).toContain('No agreement per al.com');
  });
});

describe('position-remove', () => {
  it('GIVEN a wrong entry THEN a confirmation; confirming retires it (history keeps it) and the topic shows unknown', async () => {
    const mod = as(store, 'test:ana');
    await mod.ask('position set Harris, TX info-sharing yes https://example.org/a');
    const confirm = await mod.ask('position remove Harris, TX info-sharing entered for the wrong county');
    expect(confirm.reply.title).toBe('Confirm the change');
    expect(live(store, HARRIS, 'info-sharing')).toHaveLength(1);
    const done = await mod.press(confirm.reply.choices?.[0]);
    expect(done.status).toBe('ok');
    expect(live(store, HARRIS, 'info-sharing')).toHaveLength(0);
    const office = store.offices.sheriffOf(HARRIS)!;
    expect(store.positionHistory.forOffice(office.id)[0]).toMatchObject({
      topic: 'info-sharing', action: 'retired', oldValue: 'yes', sourceTitle: 'Removed by a moderator: entered for the wrong county', by: 'test:ana',
    });
    expect(store.db.prepare(`SELECT count(*) AS n FROM positions WHERE office_id = ? AND topic = 'info-sharing'`).get(office.id)).toEqual({ n: 1 });
    expect((await mod.ask('sheriff Harris, TX')).text).toContain('Shares information with ICE: unknown — not recorded yet.');
  });

  it('GIVEN several 287g agreements and no model THEN a choice per agreement; GIVEN nothing recorded THEN said so', async () => {
    const mod = as(store, 'test:ana');
    const { reply } = await mod.ask('position remove Victoria, TX 287g wrong');
    expect(reply.errorCode).toBe('which_entry');
    expect(reply.choices?.map((c) => c.invocation.args.model)).toEqual(live(store, VICTORIA, '287g').map((p) => p.slot));
    expect(reply.choices).toHaveLength(3);
    expect((await mod.ask('position remove Travis, TX jail-access wrong')).reply.errorCode).toBe('nothing_to_remove');
  });

  it('GIVEN a member THEN the removal is only proposed; the record keeps the entry', async () => {
    const before = writes(store);
    const { reply } = await as(store, 'test:member', { moderator: false }).ask('position remove Travis, TX detainers wrong');
    expect(reply.errorCode).toBeUndefined();
    expect({ ...writes(store), pending: before.pending }).toEqual(before);
  });
});

describe('holder-set and holder-remove', () => {
  it('GIVEN a phone with a source THEN, once confirmed, the card shows it per that source and change_log has from → to', async () => {
    const mod = as(store, 'test:ana');
    const confirm = await mod.ask('holder set Travis, TX phone https://www.tcso.org/contact 512.555.0100');
    expect(confirm.text).toMatch(/Now: phone: \(none\) \(in no record; the card shows record #\d+: Sally Hernandez/);
    await mod.press(confirm.reply.choices?.[0]);
    const card = await mod.ask('sheriff Travis, TX');
    expect(card.text).toContain('Phone: (512) 555-0100 — per tcso.org <https://www.tcso.org/contact>, 2026-11-24');
    expect(card.text).toContain('Sally Hernandez');
    const [change] = store.changes.forJurisdiction(TRAVIS, 1);
    expect(change).toMatchObject({ entity: 'office_holder', action: 'changed', summary: 'phone: — → (512) 555-0100', sourceUrl: 'https://www.tcso.org/contact', by: 'test:ana' });
    expect(change!.after).toMatchObject({ name: 'Sally Hernandez', phone: '(512) 555-0100', sourceKind: 'moderator' });
  });

  it('GIVEN a second field THEN the moderators’ record keeps the first one and the old record is retired, not deleted', async () => {
    const mod = as(store, 'test:ana');
    const before = count(store, 'office_holders');
    const confirm = await mod.ask('holder set Travis, TX email https://www.tcso.org/contact sheriff@traviscountytx.gov');
    await mod.press(confirm.reply.choices?.[0]);
    const shown = store.holders.current(store.offices.sheriffOf(TRAVIS)!.id)!;
    expect(shown).toMatchObject({ phone: '(512) 555-0100', email: 'sheriff@traviscountytx.gov', sourceKind: 'moderator' });
    expect(count(store, 'office_holders')).toBe(before + 1);
  });

  it('GIVEN an invalid phone, email, date or website THEN refused with what is allowed', async () => {
    const mod = as(store, 'test:ana');
    const before = writes(store);
    expect((await mod.ask('holder set Travis, TX phone https://x.org/a 555-0100')).text).toMatch(/10-digit US number/);
    expect((await mod.ask('holder set Travis, TX email https://x.org/a sheriff at travis')).text).toMatch(/sheriff@county\.gov/);
    expect((await mod.ask('holder set Travis, TX took-office https://x.org/a Jan 2017')).text).toMatch(/YYYY-MM-DD/);
    expect((await mod.ask('holder set Travis, TX website https://x.org/a javascript:alert(1)')).text).toMatch(/https:\/\//);
    expect((await mod.ask('holder set Travis, TX selection https://x.org/a hired')).text).toMatch(/elected, appointed, unknown/);
    expect(writes(store)).toEqual(before);
  });

  it('GIVEN a county with no name on record THEN a name is recorded at once; other fields need a name first', async () => {
    const mod = as(store, 'test:ana');
    expect((await mod.ask('holder set Alameda, CA party https://x.org/a Democratic')).reply.errorCode).toBe('no_holder');
    const { reply } = await mod.ask('holder set Alameda, CA name https://www.alcosheriff.org Yesenia Sanchez');
    expect(reply.title).toBe('Recorded: Alameda County, CA');
    expect((await mod.ask('sheriff Alameda, CA')).text).toContain('Yesenia Sanchez');
  });

  it('GIVEN a stale revision THEN a conflict, nothing written', async () => {
    const mod = as(store, 'test:ana');
    const before = writes(store);
    const { reply } = await mod.ask('holder set Travis, TX party https://x.org/a #1 Democratic');
    expect(reply.errorCode).toBe('conflict');
    expect(writes(store)).toEqual(before);
  });

  it('GIVEN holder remove current THEN, once confirmed, the record is retired and the next-best record shows', async () => {
    const mod = as(store, 'test:ana');
    const office = store.offices.sheriffOf(TRAVIS)!;
    const mine = store.holders.current(office.id)!;
    const confirm = await mod.ask('holder remove Travis, TX current test entries');
    expect(confirm.reply.title).toBe('Confirm the change');
    await mod.press(confirm.reply.choices?.[0]);
    expect(store.holders.current(office.id)?.id).not.toBe(mine.id);
    expect(store.changes.forJurisdiction(TRAVIS, 1)[0]).toMatchObject({ action: 'retired', entityId: mine.id, after: null });
    const again = await mod.ask(`holder remove Travis, TX #${mine.id} twice`);
    expect(again.reply.errorCode).toBe('no_such_record');
  });
});

describe('history', () => {
  it('GIVEN changes THEN newest first, each with who, when, from → to and the source', async () => {
    const mod = as(store, 'test:ana');
    const { reply, text } = await mod.ask('history Harris, TX');
    expect(reply.title).toBe('History: Harris County, Texas');
    const items = reply.sections[0]!.items!.map((line) => line.map((s) => ('text' in s ? s.text : s.kind === 'time' ? s.at : '')).join(''));
    expect(items[0]).toMatch(/info-sharing: Yes removed or ended · by test:ana · Removed by a moderator: entered for the wrong county/);
    expect(text).toMatch(/jail-access: Yes → Partly \/ with conditions; note: interviews by appointment · by test:ana · per example\.org <https:\/\/example\.org\/b> · #\d+/);
    expect(text).toMatch(/Versions now: sheriff record #\d+/);
    const imported = await mod.ask('history Victoria, TX');
    expect(imported.text).toMatch(/287g: Task Force Model, signed \d{4}-\d{2}-\d{2} · by import:ice-287g · per ICE 287\(g\) participating agencies list, 2026-01-23/);
  });

  it('GIVEN holder changes THEN they are in the history too', async () => {
    const { text } = await as(store, 'test:ana').ask('history Travis, TX');
    expect(text).toContain('sheriff phone: — → (512) 555-0100 · by test:ana · per tcso.org <https://www.tcso.org/contact>');
    expect(text).toMatch(/sheriff record #\d+ \(Sally Hernandez, .*\) removed: test entries/);
  });

  it('GIVEN more entries than a page THEN paged, with the line for the next page', async () => {
    const mod = as(store, 'test:ana');
    for (let i = 0; i < 8; i++) {
      const value = i % 2 ? 'yes' : 'no';
      const confirm = await mod.ask(`position set Bexar, TX detainers ${value} https://example.org/${i}`);
      if (confirm.reply.choices) await mod.press(confirm.reply.choices[0]);
    }
    for (let i = 0; i < 8; i++) {
      const confirm = await mod.ask(`position set Bexar, TX jail-access ${i % 2 ? 'yes' : 'no'} https://example.org/j${i}`);
      if (confirm.reply.choices) await mod.press(confirm.reply.choices[0]);
    }
    const first = await mod.ask('history Bexar, TX');
    expect(first.reply.paging).toMatchObject({ page: 1, invocation: { command: 'history', args: { county: 'Bexar County', state: 'TX' } } });
    const second = await mod.ask('history Bexar, TX page 2');
    expect(second.reply.paging?.page).toBe(2);
    expect(second.text).toContain('previous: history Bexar County, TX page 1');
  });

  it('GIVEN a member THEN they read the same history: the shared record and who changed it are public', async () => {
    const member = await as(store, 'test:member', { moderator: false }).ask('history Travis, TX');
    expect(member.text).toBe((await as(store, 'test:ana').ask('history Travis, TX')).text);
  });
});

describe('every write path refuses members and stale views', () => {
  it('GIVEN a member THEN each editor command is refused and logged, and nothing is written', async () => {
    const member = as(store, 'test:member', { moderator: false });
    const warn = vi.spyOn(member.ctx.logger, 'warn');
    const before = writes(store);
    const lines = [
      'pending',
      'approve 1',
      'reject 1',
      'import 287g list.xlsx',
    ];
    for (const line of lines) expect((await member.ask(line)).reply.errorCode, line).toBe('forbidden');
    expect(warn).toHaveBeenCalledTimes(lines.length);
    expect(writes(store)).toEqual(before);
  });

  it('GIVEN a removal confirmed after someone else changed the entry THEN a conflict; nothing removed', async () => {
    const ana = as(store, 'test:ana');
    const ben = as(store, 'test:ben');
    await ana.ask('position set Dallas, TX detainers yes https://x.org/a');
    const anaSees = await ana.ask('position remove Dallas, TX detainers wrong county');
    const benSees = await ben.ask('position set Dallas, TX detainers no https://x.org/b');
    await ben.press(benSees.reply.choices?.[0]);
    const before = writes(store);
    const conflict = await ana.press(anaSees.reply.choices?.[0]);
    expect(conflict.errorCode).toBe('conflict');
    expect(writes(store)).toEqual(before);
    expect(live(store, '48113', 'detainers').map((p) => p.value)).toEqual(['no']);
  });
});

describe('history integrity: append-only', () => {
  it('GIVEN an UPDATE or DELETE on any history or review table THEN the database refuses it', () => {
    const id = store.pending.add({
      kind: 'position_set', jurisdictionFips: TRAVIS, officeId: null, summary: 's', payload: {}, file: null, expectedVersion: 0,
      requestedBy: 'test:a', requestedByName: 'a', requestedAt: TEST_NOW, community: null, channelId: null, byEditor: true,
    });
    store.pending.decide(id, { decision: 'rejected', note: null, by: 'test:b', byName: 'b', at: TEST_NOW });
    for (const table of ['position_history', 'change_log', 'pending_changes', 'pending_decisions']) {
      expect(count(store, table), table).toBeGreaterThan(0);
      expect(() => store.db.prepare(`UPDATE ${table} SET rowid = rowid`).run(), table).toThrow(/append-only/);
      expect(() => store.db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
    }
  });

  it('GIVEN the stores THEN they offer no way to update or delete history', () => {
    for (const Store of [PositionHistoryStore, ChangeLogStore, PendingChangeStore]) {
      const methods = Object.getOwnPropertyNames(Store.prototype);
      expect(methods.filter((m) => /update|delete|remove|edit|set/i.test(m)), Store.name).toEqual([]);
    }
  });
});
