/**
 * Undoing changes to the shared record. A revert is a change like any other: it writes the
 * facts that were there before, with its own history rows that name the change they undo
 * (`reverts`), and it refuses to overwrite anything changed after the change it undoes —
 * a later correction by someone else is never lost to a revert.
 */
import type { Author } from '../moderation/base.ts';
import type { OfficeHolder, Position } from '../domain/types.ts';
import { msg, type Message } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import type { Change } from '../store/change-log.ts';
import type { PositionHistoryEntry } from '../store/position-history.ts';
import { refText, type ChangeRef } from './change-ref.ts';
import { revertEvent } from './event-revert.ts';
import { RevertRefused } from './revert-refused.ts';

export { RevertRefused };

/** What one revert wrote: history rows, for the reply. */
export interface Reverted {
  ref: string;
  rows: number;
}

const revertSource = (ref: string, at: string) => ({ title: `Reverted ${refText(ref)}`, url: null, date: at.slice(0, 10) });

/** Undoes one change ('p57': every row that command wrote for that office and topic; 'c12': one record change). */
export function revertChange(store: Store, ref: ChangeRef, author: Author, at: string): Reverted {
  return store.db.transaction(() => (ref.table === 'position_history' ? revertPosition(store, ref.id, author, at) : revertLogged(store, ref.id, author, at)))();
}

function revertPosition(store: Store, id: number, author: Author, at: string): Reverted {
  const key = `p${id}`;
  const entry = store.positionHistory.byId(id);
  if (!entry) throw new RevertRefused('not_found', key);
  const rows = store.positionHistory.siblings(entry).reverse();
  for (const row of rows) {
    const done = store.positionHistory.revertOf(`p${row.id}`);
    if (done !== undefined) throw new RevertRefused('already', key, { by: store.positionHistory.byId(done)?.by ?? '' });
  }
  let written = 0;
  for (const row of rows) written += undoPositionRow(store, row, key, author, at);
  return { ref: key, rows: written };
}

function undoPositionRow(store: Store, row: PositionHistoryEntry, key: string, author: Author, at: string): number {
  const origin = { by: author.id, at, community: author.community ?? null, reverts: `p${row.id}` };
  const position = store.positions.byId(row.positionId);
  if (!position) throw new RevertRefused('not_found', key);
  if (row.action === 'retired') {
    // The slot must still be empty: anything recorded there since is a later change.
    if (store.positions.liveInSlot(row.officeId, row.topic, row.slot)) throw new RevertRefused('conflict', key);
    restore(store, position, origin);
    return 1;
  }
  // Created or changed: the slot must still show what it wrote (that row, or a revert's copy of it).
  const live = store.positions.liveInSlot(row.officeId, row.topic, row.slot);
  if (!live || !samePosition(live, position)) throw new RevertRefused('conflict', key);
  store.positions.retire(live, { source: revertSource(key, at), ...origin });
  if (row.action === 'created') return 1;
  const previous = store.positions.previousInSlot(row.officeId, row.topic, row.slot, position.id);
  if (!previous) throw new RevertRefused('conflict', key);
  restore(store, previous, origin);
  return 2;
}

const POSITION_FACTS = ['value', 'detail', 'effectiveDate', 'documentUrl', 'dataset'] as const;

function samePosition(a: Position, b: Position): boolean {
  return POSITION_FACTS.every((k) => a[k] === b[k]) && a.source.title === b.source.title && a.source.url === b.source.url && a.source.date === b.source.date;
}

const HOLDER_FACTS = ['name', 'nameAsPrinted', 'party', 'selection', 'tookOffice', 'termEnd', 'phone', 'email', 'address', 'website', 'sourceKind', 'dataset'] as const;

function sameHolder(a: OfficeHolder, b: OfficeHolder): boolean {
  return HOLDER_FACTS.every((k) => a[k] === b[k]) && a.source.title === b.source.title && a.source.url === b.source.url && a.source.date === b.source.date;
}

/** Records a position's facts again, exactly as they were (source and dataset included). */
function restore(store: Store, p: Position, origin: { by: string; at: string; community: Author['community']; reverts: string }): void {
  store.positions.record({
    officeId: p.officeId,
    topic: p.topic,
    slot: p.slot,
    value: p.value,
    detail: p.detail,
    effectiveDate: p.effectiveDate,
    documentUrl: p.documentUrl,
    source: p.source,
    dataset: p.dataset,
    ...origin,
    community: origin.community ?? null,
  });
}

function revertLogged(store: Store, id: number, author: Author, at: string): Reverted {
  const key = `c${id}`;
  const change = store.changes.byId(id);
  if (!change) throw new RevertRefused('not_found', key);
  if (change.entity === 'subscription') throw new RevertRefused('unsupported', key, { entity: change.entity });
  const done = store.changes.revertOf(key);
  if (done !== undefined) throw new RevertRefused('already', key, { by: store.changes.byId(done)?.by ?? '' });
  if (change.entity !== 'office_holder') {
    revertEvent(store, change, author, at);
    return { ref: key, rows: 1 };
  }
  const log = (action: 'changed' | 'retired' | 'created', entityId: number, before: unknown, after: unknown, what: Message) =>
    store.changes.append({
      entity: 'office_holder',
      entityId,
      jurisdictionFips: change.jurisdictionFips,
      officeId: change.officeId,
      action,
      message: msg('change-log.reverted', { ref: key, what }),
      before,
      after,
      sourceUrl: null,
      sourceTitle: `Reverted #${key}`,
      by: author.id,
      at,
      community: author.community ?? null,
      reverts: key,
    });
  if (change.action === 'retired') {
    const removed = store.holders.byId(change.entityId);
    if (!removed || removed.retiredAt === null) throw new RevertRefused('conflict', key);
    // A newer record from the same dataset took its place: that is a later change.
    if (removed.dataset && store.holders.records(removed.officeId).some((r) => r.dataset === removed.dataset)) throw new RevertRefused('conflict', key);
    const restoredId = insertCopy(store, removed, author, at);
    log('created', restoredId, null, { ...removed, id: restoredId }, msg('change-log.revert.restored', { id: removed.id, name: removed.name, copy: restoredId }));
    return { ref: key, rows: 1 };
  }
  const wrote = store.holders.byId(change.entityId);
  // The record it wrote must still be live (or a revert's copy of it).
  const written = wrote && store.holders.records(wrote.officeId).find((r) => r.id === wrote.id || sameHolder(r, wrote));
  if (!wrote || !written) throw new RevertRefused('conflict', key);
  store.holders.retire(written.id, at);
  const replaced = store.holders.replacedModeratorRecord(wrote.officeId, change.at, wrote.id);
  if (!replaced) {
    log('retired', written.id, written, null, msg('change-log.revert.removed', { id: written.id, name: written.name }));
    return { ref: key, rows: 1 };
  }
  const restoredId = insertCopy(store, replaced, author, at);
  log('changed', restoredId, written, { ...replaced, id: restoredId }, msg('change-log.revert.replaced', { id: written.id, by: replaced.id, name: replaced.name, copy: restoredId }));
  return { ref: key, rows: 1 };
}

/** A record's facts again, under a new id (a retired row is never revived in place). */
function insertCopy(store: Store, record: OfficeHolder, author: Author, at: string): number {
  const copy: Partial<OfficeHolder & { retiredAt: string | null }> = { ...record, recordedBy: author.id, recordedAt: at };
  delete copy.id;
  delete copy.retiredAt;
  return store.holders.insert(copy as Omit<OfficeHolder, 'id'>);
}

/** Every change to the shared record by one author or one community since an instant, newest first. */
export function changesSince(store: Store, who: { author: string } | { platform: string; workspaceId: string }, since: string): { positions: PositionHistoryEntry[]; logged: Change[] } {
  const positions = 'author' in who ? store.positionHistory.byAuthorSince(who.author, since) : store.positionHistory.byCommunitySince(who.platform, who.workspaceId, since);
  // Subscriptions belong to a channel, not to the shared record: a bulk revert leaves them alone.
  const logged = ('author' in who ? store.changes.byAuthorSince(who.author, since) : store.changes.byCommunitySince(who.platform, who.workspaceId, since)).filter(
    (c) => c.entity !== 'subscription',
  );
  return { positions, logged };
}

/** One command's position rows count once (its first row stands for them), as `revert #<id>` takes them. */
export function commandRefs(store: Store, found: { positions: PositionHistoryEntry[]; logged: Change[] }): { key: string; at: string; id: number; entity: string }[] {
  const seen = new Set<number>();
  const refs: { key: string; at: string; id: number; entity: string }[] = [];
  for (const row of found.positions) {
    if (seen.has(row.id)) continue;
    const group = store.positionHistory.siblings(row);
    for (const g of group) seen.add(g.id);
    refs.push({ key: `p${group[0]!.id}`, at: row.at, id: group[group.length - 1]!.id, entity: 'position' });
  }
  for (const c of found.logged) refs.push({ key: `c${c.id}`, at: c.at, id: c.id, entity: c.entity });
  // Newest first: a later change is undone before the one it built on.
  return refs.sort((a, b) => b.at.localeCompare(a.at) || (a.key[0] === b.key[0] ? b.id - a.id : 0));
}

export interface BulkResult {
  reverted: number;
  /** Already reverted, or changed again by someone else since (left as they are). */
  skipped: string[];
  /** Changes revert does not undo (occurrence rows written before they named their meeting): listed for an editor to correct. */
  unsupported: string[];
}

/** Undoes every change in `refs`, newest first, in one transaction. */
export function revertAll(store: Store, refs: { key: string }[], author: Author, at: string): BulkResult {
  return store.db.transaction((): BulkResult => {
    const result: BulkResult = { reverted: 0, skipped: [], unsupported: [] };
    for (const { key } of refs) {
      const ref: ChangeRef = { table: key.startsWith('c') ? 'change_log' : 'position_history', id: Number(key.slice(1)) };
      try {
        revertChange(store, ref, author, at);
        result.reverted += 1;
      } catch (error) {
        if (!(error instanceof RevertRefused)) throw error;
        (error.reason === 'unsupported' ? result.unsupported : result.skipped).push(refText(key));
      }
    }
    return result;
  })();
}

