/**
 * A moderator's change to the record, as data: what it is, the version of the record it was
 * based on, and how it is applied — in one transaction with its history row, and only if the
 * record is still the version the moderator saw. Used for direct writes and for approvals.
 */
import { topicById } from '../domain/topics.ts';
import type { Store } from '../store/index.ts';
import { retireHolder, setHolderField } from './holder-change.ts';
import { holderRecords, jurisdictionOf, livePositions, moderatorSourceTitle, UnchangedError, type Author, type Change } from './base.ts';

/** The write was based on a version of the record that is no longer current. Nothing was written. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(readonly current: number) {
    super(`record is at version ${current}`);
  }
}

/**
 * The version of the part of the record a change touches: for positions, the newest history
 * row of the office and topic; for the office holder, the id of the record shown; for removing
 * a holder record, that record's id while it is live. 0 when nothing is recorded.
 */
export function currentVersion(store: Store, change: Change): number {
  const office = store.offices.sheriffOf(change.fips);
  switch (change.kind) {
    case 'position_set':
    case 'position_retire':
      return office ? store.positionHistory.topicVersion(office.id, change.topic) : 0;
    case 'holder_set':
      return (office && store.holders.current(office.id)?.id) ?? 0;
    case 'holder_retire':
      return holderRecords(store, change.fips).some((r) => r.id === change.holderId) ? change.holderId : 0;
  }
}

/** Whether there is something recorded that the change would replace or remove. */
export function touchesRecorded(store: Store, change: Change): boolean {
  switch (change.kind) {
    case 'position_set':
      return livePositions(store, change.fips, change.topic).length > 0;
    case 'holder_set':
      return holderRecords(store, change.fips).length > 0;
    default:
      return true;
  }
}

/** Applies a change if the record is still at `expected`; throws ConflictError (nothing written) otherwise. */
export function applyChange(store: Store, change: Change, expected: number, author: Author, at: string): void {
  store.db.transaction(() => {
    const current = currentVersion(store, change);
    if (current !== expected) throw new ConflictError(current);
    const j = jurisdictionOf(store, change.fips);
    const office = store.offices.ensureSheriff(j);
    switch (change.kind) {
      case 'position_set':
        return setPosition(store, office.id, change, author, at);
      case 'position_retire': {
        const position = store.positions.live(office.id).find((p) => p.topic === change.topic && p.slot === change.slot);
        if (!position) throw new ConflictError(current);
        const title = `Removed by a moderator: ${change.reason}`;
        store.positions.retire(position, { source: { title, url: change.sourceUrl, date: change.asOf }, by: author.id, at, community: author.community ?? null });
        return;
      }
      case 'holder_set':
        return setHolderField(store, j, office.id, change, author, at);
      case 'holder_retire':
        return retireHolder(store, j, office.id, change, author, at);
    }
  })();
}

function setPosition(store: Store, officeId: number, change: Extract<Change, { kind: 'position_set' }>, author: Author, at: string): void {
  const topic = topicById(change.topic);
  const live = store.positions.live(officeId).filter((p) => p.topic === change.topic);
  const slot = topic.multi && change.value !== 'none' ? change.value : '';
  const same = live.find((p) => p.slot === slot && p.value === change.value);
  const others = topic.multi && change.value === 'none' ? live.filter((p) => p.value !== 'none') : [];
  if (same && others.length === 0 && (change.note === null || change.note === same.detail)) {
    throw new UnchangedError('unchanged.position', { topic: topic.id, value: change.value, source: same.source.title, date: same.source.date });
  }
  const source = { title: moderatorSourceTitle(change.sourceUrl), url: change.sourceUrl, date: change.asOf };
  // "No agreement" ends every agreement on record; an agreement ends a "no agreement".
  const ending = topic.multi ? live.filter((p) => (change.value === 'none' ? p.value !== 'none' : p.value === 'none')) : [];
  for (const p of ending) store.positions.retire(p, { source, by: author.id, at, community: author.community ?? null });
  store.positions.record({
    officeId,
    topic: change.topic,
    slot,
    value: change.value,
    detail: change.note,
    effectiveDate: null,
    documentUrl: null,
    source,
    dataset: null,
    by: author.id,
    at,
    community: author.community ?? null,
  });
}
