import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { createApp } from '../../src/app.ts';
import { runInvocation } from '../../src/framework/run.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { silentLogger } from '../../src/logger.ts';
import { attachmentText, type Choice } from '../../src/reply.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { emptyStore, loadedStore, testClock } from '../helpers/store.ts';
import { testCaller } from '../helpers/caller.ts';

function as(store: Store, id: string, options: { moderator?: boolean; review?: boolean } = {}) {
  const chat = conversation({ store, moderator: options.moderator ?? true });
  chat.ctx.caller = testCaller(id, { moderator: options.moderator ?? true });
  chat.ctx.requireReview = options.review ?? true;
  return {
    ...chat,
    press: (choice: Choice | undefined) => {
      if (!choice) throw new Error('no such choice');
      return runInvocation(chat.ctx, choice.invocation);
    },
  };
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const TRAVIS = '48453';
const live = (store: Store, fips: string, topic: string) => {
  const office = store.offices.sheriffOf(fips);
  return office ? store.positions.live(office.id).filter((p) => p.topic === topic).map((p) => p.value) : [];
};

describe('REQUIRE_REVIEW: the two-person rule', () => {
  let store: Store;
  beforeAll(() => {
    store = loadedStore({ fresh: true });
  });

  it('GIVEN a moderator’s change THEN it waits in the queue and the public record is unchanged', async () => {
    const ana = as(store, 'test:ana');
    const { reply } = await ana.ask('position set Travis, TX detainers no https://www.kut.org/memo policy memo');
    expect(reply.title).toBe('Waiting for review: change #1');
    expect(live(store, TRAVIS, 'detainers')).toEqual([]);
    const card = await as(store, 'test:member', { moderator: false }).ask('sheriff Travis, TX');
    expect(card.text).toContain('Holds people on ICE detainers without a judicial warrant: unknown — not recorded yet.');
    expect((await as(store, 'test:member', { moderator: false }).ask('positions detainers TX')).text).toContain('Nothing recorded yet for Texas');
  });

  it('GIVEN the queue THEN another moderator sees approve and reject choices; the author only withdraw', async () => {
    const ben = await as(store, 'test:ben').ask('pending');
    expect(ben.reply.title).toBe('1 change waiting for review');
    expect(ben.text).toMatch(/#1 Travis County, TX · detainers → No .* proposed by ana \(test:ana\)/);
    expect(ben.reply.choices?.map((c) => c.label)).toEqual(['Approve #1', 'Reject #1']);
    const ana = await as(store, 'test:ana').ask('pending');
    expect(ana.reply.choices?.map((c) => c.label)).toEqual(['Withdraw #1']);
  });

  it('GIVEN the author approves their own change THEN refused; GIVEN a member THEN refused', async () => {
    expect((await as(store, 'test:ana').ask('approve 1')).reply.errorCode).toBe('own_change');
    expect((await as(store, 'test:member', { moderator: false }).ask('approve 1')).reply.errorCode).toBe('forbidden');
    expect(live(store, TRAVIS, 'detainers')).toEqual([]);
  });

  it('GIVEN another moderator approves (a button) THEN applied as the author’s change, once', async () => {
    const ben = as(store, 'test:ben');
    const list = await ben.ask('pending');
    const approved = await ben.press(list.reply.choices?.[0]);
    expect(approved.title).toBe('Approved #1: Travis County, TX');
    expect(live(store, TRAVIS, 'detainers')).toEqual(['no']);
    const office = store.offices.sheriffOf(TRAVIS)!;
    expect(store.positionHistory.forOffice(office.id)[0]).toMatchObject({ topic: 'detainers', newValue: 'no', by: 'test:ana', sourceUrl: 'https://www.kut.org/memo' });
    expect(store.pending.byId(1)?.decision).toMatchObject({ decision: 'approved', by: 'test:ben' });
    expect((await ben.ask('approve 1')).reply.errorCode).toBe('already_decided');
    const history = await ben.ask('history Travis, TX');
    expect(history.text).toContain('change #1 approved by test:ben');
    expect(history.text).toMatch(/proposed change #1: Travis County, TX · detainers → No/);
  });

  it('GIVEN a rejection THEN nothing applied; GIVEN the author takes it back THEN withdrawn', async () => {
    const ana = as(store, 'test:ana');
    const ben = as(store, 'test:ben');
    const first = await ana.ask('position set Travis, TX jail-access yes https://example.org/a');
    const second = await ana.ask('position set Travis, TX release-notification yes https://example.org/b');
    const [a, b] = [first, second].map((x) => Number(/#(\d+)/.exec(x.reply.title)![1])) as [number, number];
    const rejected = await ben.ask(`reject ${a} the article says the opposite`);
    expect(rejected.reply.title).toBe(`Rejected: change #${a}`);
    expect((await ana.ask(`reject ${b}`)).reply.title).toBe(`Withdrawn: change #${b}`);
    expect(live(store, TRAVIS, 'jail-access')).toEqual([]);
    expect(live(store, TRAVIS, 'release-notification')).toEqual([]);
    expect(store.pending.byId(a)?.decision).toMatchObject({ decision: 'rejected', note: 'the article says the opposite' });
    expect((await ben.ask('pending')).reply.title).toBe('Nothing waiting for review');
  });

  it('GIVEN two proposals on the same record THEN the second approval is a conflict; nothing applied, nothing lost', async () => {
    const ana = as(store, 'test:ana');
    const ben = as(store, 'test:ben');
    const carla = as(store, 'test:carla');
    const anaConfirm = await ana.ask('position set Travis, TX detainers yes https://example.org/yes');
    const anaQueued = await ana.press(anaConfirm.reply.choices?.[0]);
    const benConfirm = await ben.ask('position set Travis, TX detainers partial https://example.org/partial');
    const benQueued = await ben.press(benConfirm.reply.choices?.[0]);
    const [anaId, benId] = [anaQueued, benQueued].map((r) => Number(/#(\d+)/.exec(r.title)![1])) as [number, number];
    expect((await carla.ask(`approve ${benId}`)).reply.status).toBe('ok');
    expect(live(store, TRAVIS, 'detainers')).toEqual(['partial']);
    const conflict = await carla.ask(`approve ${anaId}`);
    expect(conflict.reply).toMatchObject({ status: 'user_error', errorCode: 'conflict' });
    expect(conflict.text).toContain('detainers: Partly / with conditions');
    expect(conflict.reply.choices?.map((c) => c.label)).toEqual([`Reject #${anaId}`]);
    expect(live(store, TRAVIS, 'detainers')).toEqual(['partial']);
    expect(store.pending.byId(anaId)?.decision).toBeNull();
  });

  it('GIVEN holder changes under review THEN queued too, and applied on approval with their change_log row', async () => {
    const ana = as(store, 'test:ana');
    const confirm = await ana.ask('holder set Travis, TX phone https://www.tcso.org/contact (512) 555-0199');
    const queued = await ana.press(confirm.reply.choices?.[0]);
    const id = Number(/#(\d+)/.exec(queued.title)![1]);
    expect(store.changes.forJurisdiction(TRAVIS, 1)).toEqual([]);
    await as(store, 'test:ben').ask(`approve ${id} checked the county site`);
    expect(store.changes.forJurisdiction(TRAVIS, 1)[0]).toMatchObject({ summary: 'phone: — → (512) 555-0199', by: 'test:ana' });
  });
});

describe('import-287g in chat', () => {
  let store: Store;
  beforeAll(() => {
    store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
  });
  const attach = (chat: ReturnType<typeof as>, name: string) => {
    chat.ctx.attachments = { file: { filename: name, data: fixture(name) } };
  };

  it('GIVEN no file, or a file that is not the list THEN a message that says what to attach', async () => {
    const mod = as(store, 'test:ana', { review: false });
    expect((await mod.ask('import 287g list.xlsx')).text).toContain("Attach ICE's participating-agencies sheet (XLSX or CSV)");
    mod.ctx.attachments = { file: { filename: 'notes.csv', data: Buffer.from('name,phone\nA,1\n') } };
    expect((await mod.ask('import 287g notes.csv 2026-01-01')).text).toMatch(/Could not read "notes.csv"[\s\S]*needs state, agency/);
  });

  it('GIVEN a member THEN refused', async () => {
    const member = as(store, 'test:member', { moderator: false });
    attach(member, 'ice_287g_participating_2025-07-18.xlsx');
    expect((await member.ask('import 287g ice_287g_participating_2025-07-18.xlsx')).reply.errorCode).toBe('forbidden');
    expect(store.imports.latest('ice-287g')).toBeUndefined();
  });

  it('GIVEN the July then the January list THEN each reply reports the difference and attaches the full report', async () => {
    const mod = as(store, 'test:ana', { review: false });
    attach(mod, 'ice_287g_participating_2025-07-18.xlsx');
    const july = await mod.ask('import 287g ice_287g_participating_2025-07-18.xlsx');
    expect(july.reply.title).toBe("Imported ICE's 287(g) list of 2025-07-18");
    expect(july.text).toContain('Against an empty record: 831 added, 0 ended, 0 changed');
    attach(mod, 'ice_287g_participating_2026-01-23.xlsx');
    const january = await mod.ask('import-287g ice_287g_participating_2026-01-23.xlsx');
    expect(january.text).toContain('Against the list of 2025-07-18: 516 added, 34 ended, 45 changed (model or signed date)');
    expect(january.reply.sections.map((s) => s.heading)).toEqual(['Added (516)', 'Ended (34)', 'Changed (45)']);
    expect(january.text).toContain('… and 506 more in the attached report');
    const [report] = january.reply.attachments!;
    expect(report!.filename).toBe('ice-287g-2026-01-23-report.txt');
    expect(attachmentText(report!)).toContain("Sanpete County Sheriff's Office (UT): Jail Enforcement Model → Warrant Service Officer");
    expect(attachmentText(report!).split('\n').filter((l) => l.endsWith('— no longer listed'))).toHaveLength(34);
  });

  it('GIVEN the same file again THEN nothing to import', async () => {
    const mod = as(store, 'test:ana', { review: false });
    attach(mod, 'ice_287g_participating_2026-01-23.xlsx');
    const again = await mod.ask('import 287g ice_287g_participating_2026-01-23.xlsx');
    expect(again.reply.title).toBe('Nothing to import');
    expect(again.text).toContain('already loaded from this exact file');
  });

  it('GIVEN REQUIRE_REVIEW THEN the import is previewed and queued with its file; approval applies it', async () => {
    const review = emptyStore();
    runImport(review, countiesDataset, { clock: testClock });
    const ana = as(review, 'test:ana');
    attach(ana, 'ice_287g_participating_2025-07-18.csv');
    const queued = await ana.ask('import 287g ice_287g_participating_2025-07-18.csv');
    expect(queued.reply.title).toBe("Waiting for review: change #1, ICE's 287(g) list of 2025-07-18");
    expect(queued.text).toContain('831 added');
    expect(review.imports.latest('ice-287g')).toBeUndefined();
    expect(review.positions.byTopic('287g')).toEqual([]);
    const approved = await as(review, 'test:ben').ask('approve 1');
    expect(approved.reply.title).toBe("Approved #1: imported ICE's 287(g) list of 2025-07-18");
    expect(review.positions.byTopic('287g')).toHaveLength(831);
    expect(review.imports.latest('ice-287g')?.version).toBe('2025-07-18');
  });
});

describe('a list import proposed under review, then another list imported first', () => {
  it('GIVEN approval after another import THEN a conflict: nothing applied, the proposal stays open', async () => {
    const review = emptyStore();
    runImport(review, countiesDataset, { clock: testClock });
    const ana = as(review, 'test:ana');
    ana.ctx.attachments = { file: { filename: 'ice_287g_participating_2025-07-18.csv', data: fixture('ice_287g_participating_2025-07-18.csv') } };
    await ana.ask('import 287g ice_287g_participating_2025-07-18.csv');
    const ben = as(review, 'test:ben', { review: false });
    ben.ctx.attachments = { file: { filename: 'ice_287g_participating_2026-01-23.xlsx', data: fixture('ice_287g_participating_2026-01-23.xlsx') } };
    await ben.ask('import 287g ice_287g_participating_2026-01-23.xlsx');
    const imports = review.imports.latest('ice-287g')!;
    const conflict = await as(review, 'test:carla').ask('approve 1');
    expect(conflict.reply).toMatchObject({ status: 'user_error', errorCode: 'conflict' });
    expect(conflict.reply.choices?.map((c) => c.label)).toEqual(['Reject #1']);
    expect(review.imports.latest('ice-287g')).toEqual(imports);
    expect(review.pending.byId(1)?.decision).toBeNull();
  });
});

describe('console: an attachment option is a file path', () => {
  it('GIVEN "import 287g <path>" in the terminal THEN the file is read and imported; GIVEN a missing path THEN said so', async () => {
    const app = createApp({ databasePath: ':memory:', clock: testClock, logger: silentLogger });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    // The app ships the May 2026 list (as CSV); ICE's XLSX of the same list changes nothing.
    const path = new URL('../fixtures/ice_287g_participating_2026-05-18.xlsx', import.meta.url).pathname;
    input.end(`import 287g ${path}\nimport-287g /nonexistent/list.xlsx\n`);
    // Files sent with replies (the import report) go to a temporary folder, not the repository.
    await runConsole(app, { input, output, interactive: false, filesDir: mkdtempSync(join(tmpdir(), 'sw-console-files-')) });
    app.close();
    expect(text).toContain("== Imported ICE's 287(g) list of 2026-05-18 ==");
    expect(text).toContain('Against the list of 2026-05-18: 0 added, 0 ended, 0 changed');
    expect(text).toContain('! Cannot read "/nonexistent/list.xlsx"');
  });
});
