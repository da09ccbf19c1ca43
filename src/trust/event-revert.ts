/**
 * Undoing one change to a recorded election or meeting (a change-log row): the record gets back
 * the facts and source it had before, through the stores' own writes, with a history row that
 * names the change it undoes. Refused when the record no longer shows what that change wrote —
 * a later correction by someone else is never lost to a revert.
 */
import type { Author } from '../moderation/base.ts';
import type { Store } from '../store/index.ts';
import type { Change } from '../store/change-log.ts';
import { factsOf, type ExceptionFacts, type MeetingFacts } from '../store/meetings.ts';
import { facts as electionFacts, type ElectionFacts, type WriteMeta } from '../store/recorded-elections.ts';
import { RevertRefused } from './revert-refused.ts';

type Json = Record<string, unknown>;

/** Whether every fact a change wrote is what the record shows now. */
function shows(now: object, written: unknown): boolean {
  if (!written || typeof written !== 'object') return false;
  const current = now as Json;
  return Object.entries(written as Json).every(([key, value]) => !(key in current) || current[key] === value);
}

/** The source the record had before `change`: the one the previous write of the same record cited. */
function sourceBefore(store: Store, change: Change): { sourceUrl: string; sourceTitle: string } | undefined {
  const earlier = store.changes.forEntity(change.entity, change.entityId).filter((c) => c.id < change.id && c.sourceUrl);
  const last = earlier[earlier.length - 1];
  return last ? { sourceUrl: last.sourceUrl!, sourceTitle: last.sourceTitle ?? last.sourceUrl! } : undefined;
}

export function revertEvent(store: Store, change: Change, author: Author, at: string): void {
  const key = `c${change.id}`;
  const refuse = () => new RevertRefused('conflict', key);
  const meta = (source: { sourceUrl: string; sourceTitle: string }): WriteMeta => ({ by: author.id, at, community: author.community ?? null, ...source, reverts: key });
  const titled = (sourceUrl: string) => ({ sourceUrl, sourceTitle: `Reverted #${key}` });
  if (change.entity === 'election') {
    const e = store.recordedElections.byId(change.entityId);
    if (!e) throw new RevertRefused('not_found', key);
    if (change.action === 'retired') {
      if (!e.retiredAt) throw refuse();
      store.recordedElections.reinstate(e.id, change.before as ElectionFacts, meta(sourceBefore(store, change) ?? titled(e.sourceUrl)));
      return;
    }
    if (e.retiredAt || !shows(electionFacts(e), change.after)) throw refuse();
    if (change.action === 'created') store.recordedElections.cancel(e.id, { ...meta(titled(e.sourceUrl)), reason: null });
    else store.recordedElections.change(e.id, change.before as ElectionFacts, meta(sourceBefore(store, change) ?? titled(e.sourceUrl)));
    return;
  }
  if (change.entity === 'meeting') {
    const m = store.meetings.byId(change.entityId);
    if (!m) throw new RevertRefused('not_found', key);
    if (change.action === 'retired') {
      if (!m.retiredAt) throw refuse();
      store.meetings.reinstate(m.id, change.before as MeetingFacts, meta(sourceBefore(store, change) ?? titled(m.sourceUrl)));
      return;
    }
    if (m.retiredAt || !shows(factsOf(m), change.after)) throw refuse();
    if (change.action === 'created') store.meetings.cancel(m.id, { ...meta(titled(m.sourceUrl)), reason: null });
    else store.meetings.change(m.id, change.before as MeetingFacts, meta(sourceBefore(store, change) ?? titled(m.sourceUrl)));
    return;
  }
  revertOccurrence(store, change, key, meta, titled);
}

function revertOccurrence(
  store: Store,
  change: Change,
  key: string,
  meta: (source: { sourceUrl: string; sourceTitle: string }) => WriteMeta,
  titled: (url: string) => { sourceUrl: string; sourceTitle: string },
): void {
  // Rows written before the occurrence was kept in them name it only by the exception's id.
  const where = ((change.after ?? change.before) as { meetingId?: number; originalStart?: string } | null) ?? {};
  if (where.meetingId === undefined || where.originalStart === undefined) throw new RevertRefused('unsupported', key, { entity: change.entity });
  const series = store.meetings.byId(where.meetingId);
  if (!series || series.retiredAt) throw new RevertRefused('conflict', key);
  const now = store.meetings.exception(where.meetingId, where.originalStart);
  if (change.action === 'retired') {
    if (now) throw new RevertRefused('conflict', key);
    store.meetings.setException(where.meetingId, where.originalStart, pick(change.before), meta(sourceBefore(store, change) ?? titled(series.sourceUrl)));
    return;
  }
  if (!now || !shows(now, pick(change.after))) throw new RevertRefused('conflict', key);
  if (change.action === 'created') store.meetings.clearException(where.meetingId, where.originalStart, meta(titled(now.sourceUrl)));
  else store.meetings.setException(where.meetingId, where.originalStart, pick(change.before), meta(sourceBefore(store, change) ?? titled(now.sourceUrl)));
}

/** An occurrence's facts from a change-log row (which also names the occurrence). */
function pick(row: unknown): ExceptionFacts {
  const r = row as ExceptionFacts;
  return { status: r.status, startsAt: r.startsAt, location: r.location, note: r.note };
}
