/** Words for moderators' changes: what a change does, and what the record holds now. */
import { topicById, valueLabel } from '../domain/topics.ts';
import type { Store } from '../store/index.ts';
import { shownValue } from './holder-change.ts';
import { holderRecords, jurisdictionOf, livePositions, type Change } from './moderation-change.ts';

/** How a version is shown and typed back: '#57'. */
export const versionToken = (version: number): string => `#${version}`;

/** 'Travis County, TX'. */
export function placeOf(store: Store, fips: string): string {
  const j = jurisdictionOf(store, fips);
  return `${j.name}, ${j.state}`;
}

/** One line: what the change does, e.g. 'Travis County, TX · detainers → No (per kut.org)'. */
export function describeChange(store: Store, change: Change): string {
  const place = placeOf(store, change.fips);
  switch (change.kind) {
    case 'position_set': {
      const topic = topicById(change.topic);
      const note = change.note ? `; note: ${change.note}` : '';
      return `${place} · ${topic.id} → ${valueLabel(topic, change.value)} (source ${change.sourceUrl}, as of ${change.asOf}${note})`;
    }
    case 'position_retire': {
      const topic = topicById(change.topic);
      const what = change.slot ? `${topic.id} ${valueLabel(topic, change.slot)}` : topic.id;
      return `${place} · remove ${what} (${change.reason}${change.sourceUrl ? `; source ${change.sourceUrl}` : ''})`;
    }
    case 'holder_set':
      return `${place} · sheriff's ${change.field} → ${change.value ?? '(cleared)'} (source ${change.sourceUrl})`;
    case 'holder_retire':
      return `${place} · remove sheriff record #${change.holderId} (${change.reason})`;
  }
}

/** What the record holds now for the part a change touches. */
export function describeCurrent(store: Store, change: Change): string {
  switch (change.kind) {
    case 'position_set':
    case 'position_retire': {
      const topic = topicById(change.topic);
      const live = livePositions(store, change.fips, change.topic);
      if (live.length === 0) return `${topic.id}: nothing recorded (unknown)`;
      return `${topic.id}: ${live
        .map((p) => `${valueLabel(topic, p.value)}${p.detail ? ` — ${p.detail}` : ''} (per ${p.source.title}, ${p.source.date})`)
        .join('; ')}`;
    }
    case 'holder_set': {
      const records = holderRecords(store, change.fips);
      if (records.length === 0) return "no sheriff's name on record";
      const shown = shownValue(records, change.field);
      const record = shown.record ?? records[0]!;
      const described = `record #${record.id}: ${record.name}, per ${record.source.title}, ${record.source.date}`;
      const from = shown.record ? `from ${described}` : `in no record; the card shows ${described}`;
      return `${change.field}: ${shown.value ?? '(none)'} (${from})`;
    }
    case 'holder_retire': {
      const record = holderRecords(store, change.fips).find((r) => r.id === change.holderId);
      return record
        ? `record #${record.id}: ${record.name}, per ${record.source.title}, ${record.source.date}`
        : `record #${change.holderId} is no longer on record`;
    }
  }
}

/** Who changed the topic or holder last, e.g. 'by slack:U123 at 2026-11-24T15:00:00.000Z'. */
export function lastChangeBy(store: Store, change: Change): string | undefined {
  const office = store.offices.sheriffOf(change.fips);
  if (!office) return undefined;
  if (change.kind === 'position_set' || change.kind === 'position_retire') {
    const last = store.positionHistory.forOffice(office.id).find((h) => h.topic === change.topic);
    return last && `by ${last.by} at ${last.at}`;
  }
  const last = store.changes.forJurisdiction(change.fips, 1)[0];
  const record = store.holders.current(office.id);
  if (last && last.entity === 'office_holder') return `by ${last.by} at ${last.at}`;
  return record && `by ${record.recordedBy} at ${record.recordedAt}`;
}
