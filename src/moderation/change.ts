/**
 * A moderator's change to the record, as data: what it is, the version of the record it was
 * based on, and how it is applied — in one transaction with its history row, and only if the
 * record is still the version the moderator saw. Used for direct writes and for approvals.
 */
import { topicById } from '../domain/topics.ts';
import { msg, t, type Language } from '../i18n/index.ts';
import { shownLabel } from '../present/change-summary.ts';
import type { Jurisdiction, OfficeHolder, Position } from '../domain/types.ts';
import type { HolderField } from '../domain/validation.ts';
import type { Store } from '../store/index.ts';
import { UserError } from '../user-error.ts';
import { retireHolder, setHolderField } from './holder-change.ts';
import type { Community } from '../domain/community.ts';

export type Change =
  | { kind: 'position_set'; fips: string; topic: string; value: string; sourceUrl: string; asOf: string; note: string | null }
  | { kind: 'position_retire'; fips: string; topic: string; slot: string; sourceUrl: string | null; asOf: string; reason: string }
  | { kind: 'holder_set'; fips: string; field: HolderField; value: string | null; sourceUrl: string; asOf: string }
  | { kind: 'holder_retire'; fips: string; holderId: number; sourceUrl: string | null; asOf: string; reason: string };

export interface Author {
  id: string;
  name: string;
  /** The server or workspace the author wrote from; kept with the history row. */
  community?: Community | null;
}

/** The write was based on a version of the record that is no longer current. Nothing was written. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(readonly current: number) {
    super(`record is at version ${current}`);
  }
}

/** The title a moderator-cited source is shown with: its site, e.g. 'kut.org'. */
export function moderatorSourceTitle(url: string): string {
  return new URL(url).hostname.replace(/^www\./i, '');
}

export function jurisdictionOf(store: Store, fips: string): Jurisdiction {
  const j = store.jurisdictions.byFips(fips);
  if (!j) throw new UserError('place_not_found', 'moderation.no-fips', { fips }, [msg('moderation.no-fips.help')]);
  return j;
}

/** Live positions of a county's sheriff on one topic. */
export function livePositions(store: Store, fips: string, topic: string): Position[] {
  const office = store.offices.sheriffOf(fips);
  return office ? store.positions.live(office.id).filter((p) => p.topic === topic) : [];
}

/** The holder records shown for a county's sheriff, best first. */
export function holderRecords(store: Store, fips: string): OfficeHolder[] {
  const office = store.offices.sheriffOf(fips);
  return office ? store.holders.records(office.id) : [];
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

/** The change would change nothing: the record already says so. */
export class UnchangedError extends Error {
  override name = 'UnchangedError';
  constructor(
    readonly key: 'unchanged.position' | 'unchanged.holder',
    /** Raw values: a topic value code, or '' for an empty holder field; words in each language come from `unchangedText`. */
    readonly params: Record<string, string>,
  ) {
    super(unchangedText(key, params, 'en'));
  }

  text(language: Language): string {
    return unchangedText(this.key, this.params, language);
  }
}

function unchangedText(key: 'unchanged.position' | 'unchanged.holder', params: Record<string, string>, language: Language): string {
  if (key === 'unchanged.position') return t(language, key, { ...params, value: shownLabel(params.topic!, params.value!, language) });
  return t(language, key, { ...params, value: params.value || t(language, 'unchanged.empty') });
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
