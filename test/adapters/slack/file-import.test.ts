import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import { countiesDataset } from '../../../src/importers/counties.ts';
import { runImport } from '../../../src/importers/dataset.ts';
import { diffCounts } from '../../../src/importers/ice-287g-diff.ts';
import { importIce287gList, type ListImportReport } from '../../../src/importers/ice-287g-import.ts';
import { formatListReport } from '../../../src/importers/ice-287g-report.ts';
import type { Store } from '../../../src/store/index.ts';
import { appMention, directMessage, type ApiCall, type MessageEventFields } from '../../helpers/fake-slack/index.ts';
import { testApp } from '../../helpers/app.ts';
import { emptyStore, testClock } from '../../helpers/store.ts';
import { blockTexts, captureLogger, startHarness, type Harness } from './harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const shipped = (name: string) => readFileSync(new URL(`../../../data/${name}`, import.meta.url));
const JULY_XLSX = 'ice_287g_participating_2025-07-18.xlsx';
const JANUARY_CSV = 'ice_287g_participating_2026-01-23.csv';

function countiesOnly(): Store {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  return store;
}


/** What the core import itself reports for the same two files, on its own store. */
async function coreReports(): Promise<{ july: ListImportReport; january: ListImportReport }> {
  const store = countiesOnly();
  const july = await importIce287gList(store, { bytes: fixture(JULY_XLSX), fileName: JULY_XLSX, clock: testClock });
  const january = await importIce287gList(store, { bytes: shipped(JANUARY_CSV), fileName: 'participating-agencies.csv', date: '2026-01-23', clock: testClock });
  return { july, january };
}

const MENTION = '<@U0BOT>';

/** The bot's answer to a message: posted in its thread, in the channel or only to the writer. */
async function answerTo(h: Harness, ts: string): Promise<ApiCall> {
  return h.slack.calls.waitFor((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts, 20_000);
}

const shownText = (call: ApiCall) => blockTexts({ blocks: call.args.blocks as unknown[] }).join('\n');

describe('Slack: a moderator imports the ICE 287(g) list by uploading it with a mention', () => {
  let h: Harness;
  let core: App;
  const log = captureLogger();
  let expected: { july: ListImportReport; january: ListImportReport };

  beforeAll(async () => {
    expected = await coreReports();
    core = testApp(countiesOnly(), log.logger);
    h = await startHarness({ mode: 'http', core, moderatorIds: ['U0MOD'] });
  });
  afterAll(async () => h.stop());

  async function mention(fields: MessageEventFields): Promise<{ ts: string; answer: ApiCall }> {
    const payload = appMention(fields);
    const ts = (payload.event as { ts: string }).ts;
    await h.event(payload);
    return { ts, answer: await answerTo(h, ts) };
  }

  it('GIVEN no file with `import 287g` and no ICE fetch configured THEN only the writer is told to attach the list; nothing is imported', async () => {
    const { answer } = await mention({ text: `${MENTION} import 287g`, user: 'U0MOD' });
    expect(answer.method).toBe('chat.postEphemeral');
    expect(answer.args).toMatchObject({ channel: 'C0GENERAL', user: 'U0MOD' });
    expect(shownText(answer)).toContain('Attach the list');
    expect(core.store.imports.latest('ice-287g')).toBeUndefined();
  });

  it('GIVEN a member (not a moderator) uploading the list THEN refused privately, the refusal logged, and the file never downloaded', async () => {
    const file = h.slack.hostFile({ name: JULY_XLSX, bytes: fixture(JULY_XLSX) });
    const { answer } = await mention({ text: `${MENTION} import 287g`, user: 'U0BOB', files: [file] });
    expect(answer.method).toBe('chat.postEphemeral');
    expect(answer.args.user).toBe('U0BOB');
    expect(shownText(answer)).toContain('Moderators only');
    const refusal = await log.lines.waitFor((l) => l.msg === "refused: command above the caller's roles" && l.caller === 'slack:U0BOB');
    expect(refusal.command).toBe('import-287g');
    expect(h.slack.downloads.filter((d) => d.fileId === file.id)).toEqual([]);
    expect(core.store.imports.latest('ice-287g')).toBeUndefined();
  });

  it('GIVEN a file larger than 10 MB THEN refused by its size before any download', async () => {
    const file = h.slack.hostFile({ name: 'huge.xlsx', bytes: Buffer.from('not read'), size: 11 * 1024 * 1024 });
    const { answer } = await mention({ text: `${MENTION} import 287g`, user: 'U0MOD', files: [file] });
    expect(answer.method).toBe('chat.postEphemeral');
    expect(shownText(answer)).toContain('That file could not be used');
    expect(shownText(answer)).toContain('"huge.xlsx" is larger than 10 MB');
    expect(h.slack.downloads.filter((d) => d.fileId === file.id)).toEqual([]);
  });

  it('GIVEN Slack will not hand over the file (no files:read) THEN the moderator is told what to fix', async () => {
    const file = h.slack.hostFile({ name: JULY_XLSX, bytes: fixture(JULY_XLSX) }, 'xoxb-some-other-app');
    const { answer } = await mention({ text: `${MENTION} import 287g`, user: 'U0MOD', files: [file] });
    expect(answer.method).toBe('chat.postEphemeral');
    expect(shownText(answer)).toContain('files:read');
    expect(h.slack.downloads.filter((d) => d.fileId === file.id)).toEqual([{ fileId: file.id, token: 'xoxb-test', served: false }]);
    expect(core.store.imports.latest('ice-287g')).toBeUndefined();
  });

  it('GIVEN a file that is not the list THEN the core says so, privately', async () => {
    const file = h.slack.hostFile({ name: 'notes.csv', bytes: Buffer.from('name,phone\nA,1\n') });
    const { answer } = await mention({ text: `${MENTION} import 287g 2026-01-01`, user: 'U0MOD', files: [file] });
    expect(answer.method).toBe('chat.postEphemeral');
    expect(shownText(answer)).toMatch(/Could not read "notes.csv"[\s\S]*needs state, agency/);
    expect(core.store.imports.latest('ice-287g')).toBeUndefined();
  });

  it('GIVEN the July XLSX as ICE publishes it THEN it is downloaded with the bot token, imported, and the report posted in the thread with the full report file', async () => {
    const file = h.slack.hostFile({ name: JULY_XLSX, bytes: fixture(JULY_XLSX) });
    const { ts, answer } = await mention({ text: `${MENTION} import 287g`, user: 'U0MOD', files: [file] });
    expect(h.slack.downloads.filter((d) => d.fileId === file.id)).toEqual([{ fileId: file.id, token: 'xoxb-test', served: true }]);
    expect(answer.method).toBe('chat.postMessage');
    expect(answer.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: ts });
    const text = shownText(answer);
    expect(text).toContain("Imported ICE's 287(g) list of 2025-07-18");
    const counts = diffCounts(expected.july.diff!);
    expect(text).toContain(`Against an empty record: *${counts.added} added, 0 ended, 0 changed`);
    expect(core.store.imports.latest('ice-287g')).toBeDefined();

    const complete = await h.slack.calls.waitFor((c) => c.method === 'files.completeUploadExternal' && c.args.thread_ts === ts);
    expect(complete.args.channel_id).toBe('C0GENERAL');
    const [uploaded] = complete.args.files as { id: string; title: string }[];
    expect(uploaded!.title).toBe('ice-287g-2025-07-18-report.txt');
    const upload = await h.slack.uploads.waitFor((u) => u.fileId === uploaded!.id);
    expect(upload.content.toString('utf8')).toBe(`${formatListReport(expected.july)}\n`);
    expect(h.slack.problems).toEqual([]);
  });

  it('GIVEN then the January CSV with its date typed after the command THEN the reply and the uploaded report match the core: 516 added, 34 ended, 45 changed', async () => {
    const file = h.slack.hostFile({ name: 'participating-agencies.csv', bytes: shipped(JANUARY_CSV) });
    const uploadsBefore = h.slack.uploads.items.length;
    const { ts, answer } = await mention({ text: `${MENTION} import 287g 2026-01-23`, user: 'U0MOD', files: [file], channel: 'C0MODS' });
    expect(answer.method).toBe('chat.postMessage');
    expect(answer.args).toMatchObject({ channel: 'C0MODS', thread_ts: ts });
    const counts = diffCounts(expected.january.diff!);
    expect({ added: counts.added, ended: counts.ended, changed: counts.changed }).toEqual({ added: 516, ended: 34, changed: 45 });
    const text = shownText(answer);
    expect(text).toContain("Imported ICE's 287(g) list of 2026-01-23");
    expect(text).toContain(`Against the list of 2025-07-18: *${counts.added} added, ${counts.ended} ended, ${counts.changed} changed (model or signed date), ${counts.relinked} with only a new MOA link`);
    expect(text).toContain(`*Added (${counts.added})*`);
    expect(text).toContain(`*Ended (${counts.ended})*`);
    expect(text).toContain(`*Changed (${counts.changed})*`);

    const complete = await h.slack.calls.waitFor((c) => c.method === 'files.completeUploadExternal' && c.args.thread_ts === ts);
    expect(complete.args.channel_id).toBe('C0MODS');
    const [uploaded] = complete.args.files as { id: string; title: string }[];
    expect(uploaded!.title).toBe('ice-287g-2026-01-23-report.txt');
    const upload = await h.slack.uploads.waitFor((u) => u.fileId === uploaded!.id);
    expect(h.slack.uploads.items.length).toBeGreaterThan(uploadsBefore);
    expect(upload.content.toString('utf8')).toBe(`${formatListReport(expected.january)}\n`);
    expect(h.slack.problems).toEqual([]);
  });
});

describe('Slack: files in a direct message to the bot, over Socket Mode', () => {
  let h: Harness;
  let core: App;

  beforeAll(async () => {
    core = testApp(countiesOnly(), captureLogger().logger);
    h = await startHarness({ mode: 'socket', core, moderatorIds: ['U0MOD'] });
  });
  afterAll(async () => h.stop());

  it('GIVEN the July list uploaded in a direct message with just `import 287g` THEN imported and answered in the DM, report file included', async () => {
    const file = h.slack.hostFile({ name: JULY_XLSX, bytes: fixture(JULY_XLSX) });
    const payload = directMessage({ text: 'import 287g', user: 'U0MOD', channel: 'D0MOD', files: [file] });
    const ts = (payload.event as { ts: string }).ts;
    await h.event(payload);
    const answer = await answerTo(h, ts);
    expect(answer.method).toBe('chat.postMessage');
    expect(answer.args.channel).toBe('D0MOD');
    expect(shownText(answer)).toContain("Imported ICE's 287(g) list of 2025-07-18");
    const complete = await h.slack.calls.waitFor((c) => c.method === 'files.completeUploadExternal' && c.args.thread_ts === ts);
    expect(complete.args).toMatchObject({ channel_id: 'D0MOD', files: [expect.objectContaining({ title: 'ice-287g-2025-07-18-report.txt' })] });
    expect(core.store.imports.latest('ice-287g')).toBeDefined();
  });

  it('GIVEN the same message delivered twice, and the bot’s own message THEN one answer, and the bot never answers itself', async () => {
    const again = directMessage({ text: 'help', user: 'U0MOD', channel: 'D0MOD' });
    const ts = (again.event as { ts: string }).ts;
    await h.event(again);
    await h.event(again);
    const own = directMessage({ text: 'help', user: 'U0BOT', channel: 'D0MOD', bot_id: 'B0BOT' });
    await h.event(own);
    // A later message's answer marks that everything before it has been handled.
    const marker = directMessage({ text: 'about', user: 'U0MOD', channel: 'D0MOD' });
    await h.event(marker);
    await answerTo(h, (marker.event as { ts: string }).ts);
    await answerTo(h, ts);
    const answers = (t: string) => h.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === t);
    expect(answers(ts)).toHaveLength(1);
    expect(answers((own.event as { ts: string }).ts)).toHaveLength(0);
  });

  it('GIVEN the report cannot be shared in a private channel (not_in_channel) THEN the report still posts and the moderator hears how to fix it', async () => {
    h.slack.onMethod('files.completeUploadExternal', () => ({ ok: false, error: 'not_in_channel' }));
    const file = h.slack.hostFile({ name: 'participating-agencies.csv', bytes: shipped(JANUARY_CSV) });
    const payload = appMention({ text: `${MENTION} import 287g 2026-01-23`, user: 'U0MOD', channel: 'G0PRIVATE', files: [file] });
    const ts = (payload.event as { ts: string }).ts;
    await h.event(payload);
    const posted = await h.slack.calls.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts);
    expect(shownText(posted)).toContain('516 added, 34 ended, 45 changed');
    const told = await h.slack.calls.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.thread_ts === ts);
    expect(told.args).toMatchObject({ channel: 'G0PRIVATE', user: 'U0MOD' });
    expect(String(told.args.text)).toContain('not_in_channel');
    expect(String(told.args.text)).toContain('/invite');
  });

  it('GIVEN a file Slack will not describe (files.info: file_not_found) THEN the moderator hears it; nothing crashes', async () => {
    const payload = appMention({ text: `${MENTION} import 287g`, user: 'U0MOD', files: [{ id: 'F0GONE', name: 'list.xlsx', file_access: 'check_file_info' }] });
    const ts = (payload.event as { ts: string }).ts;
    await h.event(payload);
    const answer = await answerTo(h, ts);
    expect(answer.method).toBe('chat.postEphemeral');
    expect(shownText(answer)).toContain('Could not download "list.xlsx" from Slack: file_not_found');
  });

  it('GIVEN a mention with no words THEN the writer is told how to talk to the bot', async () => {
    const payload = appMention({ text: MENTION, user: 'U0ALICE' });
    const ts = (payload.event as { ts: string }).ts;
    await h.event(payload);
    const answer = await answerTo(h, ts);
    expect(answer.method).toBe('chat.postEphemeral');
    expect(shownText(answer)).toContain('`@Sheriff Watch Travis, TX`');
  });
});
