/** Words for moderators' changes: what a change does, and what the record holds now. */
import { topicById } from '../domain/topics.ts';
import { t, type Language } from '../i18n/index.ts';
import type { DiffCounts } from '../importers/ice-287g-diff.ts';
import type { Store } from '../store/index.ts';
import type { PendingChange } from '../store/pending-changes.ts';
import { holderRecords, livePositions, placeOf, shownLabel, shownValue, type Change } from '../moderation/base.ts';
import { isEventKind, type EventChange } from '../moderation/event-change.ts';
import { describeEvent } from './event-summary.ts';

/** How a version is shown and typed back: '#57'. */
export const versionToken = (version: number): string => `#${version}`;


/** One line: what the change does, e.g. 'Travis County, TX · detainers → No (per kut.org)'. */
export function describeChange(store: Store, change: Change, language: Language = 'en'): string {
  const place = placeOf(store, change.fips);
  switch (change.kind) {
    case 'position_set': {
      const topic = topicById(change.topic);
      const note = change.note ? t(language, 'change.note', { note: change.note }) : '';
      return t(language, 'change.position-set', { place, topic: topic.id, value: shownLabel(topic.id, change.value, language), source: change.sourceUrl, date: change.asOf, note });
    }
    case 'position_retire': {
      const topic = topicById(change.topic);
      const what = change.slot ? `${topic.id} ${shownLabel(topic.id, change.slot, language)}` : topic.id;
      const source = change.sourceUrl ? t(language, 'change.source', { source: change.sourceUrl }) : '';
      return t(language, 'change.position-retire', { place, what, reason: change.reason, source });
    }
    case 'holder_set':
      return t(language, 'change.holder-set', { place, field: change.field, value: change.value ?? t(language, 'change.cleared'), source: change.sourceUrl });
    case 'holder_retire':
      return t(language, 'change.holder-retire', { place, id: change.holderId, reason: change.reason });
  }
}


/** What the record holds now for the part a change touches. */
export function describeCurrent(store: Store, change: Change, language: Language = 'en'): string {
  switch (change.kind) {
    case 'position_set':
    case 'position_retire': {
      const topic = topicById(change.topic);
      const live = livePositions(store, change.fips, change.topic);
      if (live.length === 0) return t(language, 'current.position.none', { topic: topic.id });
      return `${topic.id}: ${live
        .map((p) => `${shownLabel(topic.id, p.value, language)}${p.detail ? ` — ${p.detail}` : ''} ${t(language, 'current.per', { source: p.source.title, date: p.source.date })}`)
        .join('; ')}`;
    }
    case 'holder_set': {
      const records = holderRecords(store, change.fips);
      if (records.length === 0) return t(language, 'current.holder.none');
      const shown = shownValue(records, change.field);
      const record = shown.record ?? records[0]!;
      const described = t(language, 'current.record', { id: record.id, name: record.name, source: record.source.title, date: record.source.date });
      const from = t(language, shown.record ? 'current.from' : 'current.in-no-record', { record: described });
      return `${change.field}: ${shown.value ?? t(language, 'current.none')} (${from})`;
    }
    case 'holder_retire': {
      const record = holderRecords(store, change.fips).find((r) => r.id === change.holderId);
      return record
        ? t(language, 'current.record', { id: record.id, name: record.name, source: record.source.title, date: record.source.date })
        : t(language, 'current.record.gone', { id: change.holderId });
    }
  }
}

/** Who changed the topic or holder last, e.g. 'by slack:U123 at 2026-11-24T15:00:00.000Z'. */
export function lastChangeBy(store: Store, change: Change, language: Language = 'en'): string | undefined {
  const office = store.offices.sheriffOf(change.fips);
  if (!office) return undefined;
  if (change.kind === 'position_set' || change.kind === 'position_retire') {
    const last = store.positionHistory.forOffice(office.id).find((h) => h.topic === change.topic);
    return last && t(language, 'current.by', { by: last.by, at: last.at });
  }
  const last = store.changes.forJurisdiction(change.fips, 1)[0];
  const record = store.holders.current(office.id);
  if (last && last.entity === 'office_holder') return t(language, 'current.by', { by: last.by, at: last.at });
  return record && t(language, 'current.by', { by: record.recordedBy, at: record.recordedAt });
}

/** What an import waiting for review says about itself: enough to redo its summary in any language. */
export interface ImportPayload {
  fileName: string;
  version: string;
  /** Absent in proposals made before the counts were kept. */
  counts?: DiffCounts;
}

/**
 * A proposed change in the reader's language: a moderator's change is described again from its
 * payload; an import from its version, file and counts. A proposal that cannot be described again
 * (an import proposed before its counts were kept) shows the summary recorded with it.
 */
export function pendingSummary(store: Store, pending: Pick<PendingChange, 'kind' | 'summary' | 'payload'>, language: Language): string {
  if (language === 'en') return pending.summary;
  if (isEventKind(pending.kind)) return describeEvent(store, pending.payload as EventChange, language);
  if (pending.kind !== 'ice_import') return describeChange(store, pending.payload as Change, language);
  const payload = pending.payload as Partial<ImportPayload>;
  if (!payload.counts || !payload.version || !payload.fileName) return pending.summary;
  return importSummary(payload as Required<ImportPayload>, language);
}

/** 'ICE 287(g) list of 2026-01-23 (file.xlsx): 3 added, …' in the language. */
export function importSummary(payload: Required<ImportPayload>, language: Language): string {
  return t(language, 'import.summary', { version: payload.version, file: payload.fileName, counts: t(language, 'diff.counts', { ...payload.counts }) });
}
