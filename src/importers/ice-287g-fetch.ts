/**
 * Fetching ICE's current 287(g) list from ice.gov: read ICE's page, find the participating-agencies
 * .xlsx link, download it only when it changed (ETag / Last-Modified, then the content hash), and
 * import it through the same importer (and its guards) as an uploaded file. Every outcome is
 * recorded as a list check; a failure replaces nothing.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { MessageKey } from '../i18n/index.ts';
import { LocalizedError } from '../i18n/localized-error.ts';
import type { Store } from '../store/index.ts';
import type { ListCheck } from '../store/list-checks.ts';
import { note, type NoteMessage } from './dataset.ts';
import type { ListImportReport } from './ice-287g-import.ts';
import { guardCounts } from './ice-287g-report.ts';
import { IceSheetError, sheetFormat } from './ice-287g-xlsx.ts';
import { ICE_287G_KEY } from './ice-287g.ts';
import { guardNote, type GuardReason } from './list-guard.ts';
import type { ListJobResult } from './list-job.ts';
import { runListJobOffThread } from './list-off-thread.ts';

/** Where and how to ask (from the configuration: ICE_287G_URL, ICE_287G_USER_AGENT, ICE_287G_TIMEOUT_SECONDS). */
export interface IceFetchSettings {
  pageUrl: string;
  userAgent: string;
  /** Per request (the page, then the file), body included. */
  timeoutMs: number;
  /** The largest file downloaded. */
  maxBytes: number;
}

export type FetchOutcome =
  | { outcome: 'imported'; check: ListCheck; report: ListImportReport }
  | { outcome: 'unchanged'; check: ListCheck; version: string }
  | { outcome: 'failed'; check: ListCheck; reason: NoteMessage; loadedVersion: string | null };

type Found = { outcome: 'imported'; report: ListImportReport } | { outcome: 'unchanged'; version: string };

/** A failure with its reason (a catalog message); the check is recorded with it. */
class FetchFailure extends Error {
  constructor(readonly reason: NoteMessage) {
    super(reason.key);
  }
}

const fail = (key: MessageKey, params: NoteMessage['params']): never => {
  throw new FetchFailure(note(key, params));
};

/** The message of any error, as a note parameter: a localized error in the reader's language, else as it reads. */
function errorNote(error: unknown): NoteMessage | string {
  if (error instanceof LocalizedError && error.key) return note(error.key as MessageKey, (error.params ?? {}) as NoteMessage['params']);
  return error instanceof Error ? error.message : String(error);
}

interface Fetched {
  status: number;
  headers: Headers;
  bytes: Uint8Array | null;
}

async function request(url: string, settings: IceFetchSettings, headers: Record<string, string> = {}): Promise<Fetched> {
  let response: Response;
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const timedOut = () => fail('watch.fail.timeout', { url, seconds: settings.timeoutMs / 1000 });
  try {
    response = await fetch(url, { headers: { 'user-agent': settings.userAgent, ...headers }, redirect: 'follow', signal });
  } catch (error) {
    if (signal.aborted) return timedOut();
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : errorNote(error);
    return fail('watch.fail.network', { url, error: cause });
  }
  if (response.status === 304) return { status: 304, headers: response.headers, bytes: null };
  if ([401, 403, 429].includes(response.status)) return fail('watch.fail.refused', { url, status: response.status });
  if (!response.ok) return fail('watch.fail.status', { url, status: response.status });
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > settings.maxBytes) return fail('watch.fail.too-large', { url, mb: settings.maxBytes / 1024 / 1024 });
  try {
    return { status: response.status, headers: response.headers, bytes: await readLimited(response, settings.maxBytes, url) };
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    if (signal.aborted) return timedOut();
    return fail('watch.fail.network', { url, error: errorNote(error) });
  }
}

/** The body, refusing more than `max` bytes whatever the server declared. */
async function readLimited(response: Response, max: number, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) return fail('watch.fail.too-large', { url, mb: max / 1024 / 1024 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The participating-agencies spreadsheet linked from ICE's page: the .xlsx links whose address
 * or text says "participating" (ICE's file is participatingAgencies<MMDDYYYY>.xlsx), never the
 * pending-agencies one; the first on the page when several are.
 */
export function findListLink(html: string, pageUrl: string): string | undefined {
  const links = [...html.matchAll(/<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)].map((m) => ({
    href: m[1]!.replace(/&amp;/g, '&').trim(),
    label: m[2]!.replace(/<[^>]+>/g, ' '),
  }));
  const sheets = links.filter((l) => /\.xlsx(?:[?#]|$)/i.test(l.href) && !/pending/i.test(`${l.href} ${l.label}`));
  const chosen = sheets.find((l) => /participating/i.test(`${l.href} ${l.label}`));
  if (!chosen) return undefined;
  try {
    const url = new URL(chosen.href, pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The file name in a URL's path ('participatingAgencies10092026.xlsx'). */
function fileNameOf(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return last || 'ice-287g.xlsx';
}

/** 'Fri, 09 Oct 2026 14:00:00 GMT' → '2026-10-09', or undefined. */
function dayOf(httpDate: string | null): string | undefined {
  const ms = httpDate ? Date.parse(httpDate) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** What the import guard refused, as a message stored with the check (translated when shown). */
function guardFailure(report: ListImportReport & { skipReason: GuardReason }): NoteMessage {
  // The guard's own counts, in the watcher's wording (a clause of "failed: …", and what to do).
  const { params } = guardNote(report.skipReason, guardCounts(report));
  return note(report.skipReason === 'retires_most' ? 'watch.fail.retires-most' : 'watch.fail.unplaced-most', params);
}

/** Reads and applies the file in a worker thread (the chat process keeps answering), as an upload is. */
async function importFile(store: Store, bytes: Uint8Array, url: string, lastModified: string | null, clock: Clock): Promise<ListJobResult> {
  // ICE publishes an .xlsx; anything else at that address (an error page, a CAPTCHA) is not its list.
  if (sheetFormat(bytes) !== 'xlsx') return fail('watch.fail.not-list', { url, error: note('watch.fail.not-xlsx') });
  // No date in the name or the workbook: the server's Last-Modified is ICE's publication day.
  const day = dayOf(lastModified);
  try {
    return await runListJobOffThread(store, { mode: 'apply', bytes, fileName: fileNameOf(url), now: clock.now().toISOString(), ...(day ? { fallbackDate: day } : {}) });
  } catch (error) {
    if (error instanceof IceSheetError && error.key !== 'limits.import.future-date') return fail('watch.fail.not-list', { url, error: errorNote(error) });
    // The import's transaction rolled back: nothing was replaced.
    return fail('watch.fail.import', { error: errorNote(error) });
  }
}

interface Validators {
  fileUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  checksum: string | null;
  version: string | null;
}

async function check(store: Store, settings: IceFetchSettings, clock: Clock, validators: (v: Validators) => void): Promise<Found> {
  const page = await request(settings.pageUrl, settings);
  const html = Buffer.from(page.bytes ?? new Uint8Array()).toString('utf8');
  const fileUrl = findListLink(html, settings.pageUrl) ?? fail('watch.fail.no-link', { url: settings.pageUrl });
  const loaded = store.imports.latest(ICE_287G_KEY);
  const before = store.listChecks.latestConfirmed(ICE_287G_KEY);
  // Validators are sent only when that check found the file that is still loaded.
  const same = before && before.fileUrl === fileUrl && loaded && before.checksum === loaded.checksum ? before : undefined;
  const conditional: Record<string, string> = {};
  if (same?.etag) conditional['if-none-match'] = same.etag;
  if (same?.lastModified) conditional['if-modified-since'] = same.lastModified;
  const file = await request(fileUrl, settings, conditional);
  const kept = { fileUrl, etag: same?.etag ?? null, lastModified: same?.lastModified ?? null, checksum: loaded?.checksum ?? null, version: loaded?.version ?? null };
  if (file.status === 304 && loaded) {
    validators(kept);
    return { outcome: 'unchanged', version: loaded.version };
  }
  const bytes = file.bytes ?? fail('watch.fail.status', { url: fileUrl, status: file.status });
  const checksum = createHash('sha256').update(bytes).digest('hex');
  const fresh = { fileUrl, etag: file.headers.get('etag'), lastModified: file.headers.get('last-modified'), checksum, version: loaded?.version ?? null };
  if (loaded && checksum === loaded.checksum) {
    validators(fresh);
    return { outcome: 'unchanged', version: loaded.version };
  }
  const { version, report } = await importFile(store, bytes, fileUrl, fresh.lastModified, clock);
  if (report.skipReason === 'older_version') fail('watch.fail.older', { url: fileUrl, version, loaded: report.previousVersion ?? '' });
  // The import's guards (a list that would retire most of the record, or place too few rows) rolled it back.
  if (report.skipReason === 'retires_most' || report.skipReason === 'unplaced_most') fail('watch.fail.import', { error: guardFailure({ ...report, skipReason: report.skipReason }) });
  validators({ ...fresh, version });
  if (report.skipped) return { outcome: 'unchanged', version: report.previousVersion ?? version };
  return { outcome: 'imported', report };
}

const inFlight = new WeakMap<Store, Promise<FetchOutcome>>();

/**
 * Asks ICE for its current list and loads it when it is new; records the check. One check at a
 * time per database: a second caller while one runs gets the same result.
 */
export function fetchIce287gList(store: Store, settings: IceFetchSettings, clock: Clock): Promise<FetchOutcome> {
  const running = inFlight.get(store);
  if (running) return running;
  const run = (async (): Promise<FetchOutcome> => {
    let found: Validators = { fileUrl: null, etag: null, lastModified: null, checksum: null, version: null };
    try {
      const result = await check(store, settings, clock, (v) => {
        found = v;
      });
      const record = store.listChecks.record({ dataset: ICE_287G_KEY, checkedAt: clock.now().toISOString(), outcome: result.outcome, reason: null, ...found });
      return { ...result, check: record } as FetchOutcome;
    } catch (error) {
      const reason = error instanceof FetchFailure ? error.reason : note('watch.fail.import', { error: errorNote(error) });
      const record = store.listChecks.record({ dataset: ICE_287G_KEY, checkedAt: clock.now().toISOString(), outcome: 'failed', reason, ...found });
      return { outcome: 'failed', check: record, reason, loadedVersion: store.imports.latest(ICE_287G_KEY)?.version ?? null };
    } finally {
      inFlight.delete(store);
    }
  })();
  inFlight.set(store, run);
  return run;
}
