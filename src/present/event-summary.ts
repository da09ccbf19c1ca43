/** An election or meeting change in words, in the reader's language: what editors decide on. */
import { FIELD_LABELS } from '../store/change-messages.ts';
import { placeOf } from '../moderation/base.ts';
import { utcToLocal } from '../domain/meetings.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import type { EventChange } from '../moderation/event-change.ts';

const kindWord = (kind: string, language: Language): string => t(language, `election-kind.${kind}` as MessageKey);

/** A start instant as the county reads it: '2026-12-01 09:00'. */
const local = (startsAt: string, timeZone: string): string => {
  const { date, time } = utcToLocal(startsAt, timeZone);
  return `${date} ${time}`;
};

function value(key: string, raw: unknown, timeZone: string, language: Language): string {
  if (raw === null || raw === undefined || raw === '') return t(language, 'change.cleared');
  if (key === 'kind') return kindWord(String(raw), language);
  if (key === 'startsAt') return local(String(raw), timeZone);
  return String(raw);
}

/** 'date: 2028-11-08; note: (cleared)'. */
function patchText(patch: object, timeZone: string, language: Language): string {
  return Object.entries(patch)
    .map(([key, raw]) => `${FIELD_LABELS[key] ? t(language, FIELD_LABELS[key]) : key}: ${value(key, raw, timeZone, language)}`)
    .join('; ');
}

export function describeEvent(store: Store, change: EventChange, language: Language = 'en'): string {
  const place = placeOf(store, change.fips);
  const source = change.sourceUrl;
  const zone = store.jurisdictions.byFips(change.fips)?.timeZone ?? 'UTC';
  const reason = (text: string | null) => (text ? t(language, 'event-proposal.reason', { reason: text }) : '');
  const meeting = (id: number) => store.meetings.byId(id)?.body ?? '—';
  switch (change.kind) {
    case 'election_add': {
      const registration = change.facts.registrationDeadline ? t(language, 'event-proposal.registration', { date: change.facts.registrationDeadline }) : '';
      return t(language, 'event-proposal.election-add', { place, kind: kindWord(change.facts.kind, language), date: change.facts.date, registration, source });
    }
    case 'election_change':
      return t(language, 'event-proposal.election-change', { place, id: change.id, changes: patchText(change.patch, zone, language), source });
    case 'election_cancel': {
      const e = store.recordedElections.byId(change.id);
      const what = e ? t(language, 'event-proposal.election-of', { kind: kindWord(e.kind, language), date: e.date }) : '';
      return t(language, 'event-proposal.election-cancel', { place, id: change.id, what, reason: reason(change.reason), source });
    }
    case 'meeting_add': {
      const repeat = change.facts.rrule ? t(language, 'event-proposal.repeat', { rule: change.facts.rrule }) : '';
      return t(language, 'event-proposal.meeting-add', { place, body: change.facts.body, start: local(change.facts.startsAt, change.facts.timeZone), repeat, source });
    }
    case 'meeting_change':
      return t(language, 'event-proposal.meeting-change', { place, id: change.id, body: meeting(change.id), changes: patchText(change.patch, zone, language), source });
    case 'meeting_occurrence': {
      const on = local(change.originalStart, zone);
      const what = change.exception.status === 'cancelled'
        ? t(language, 'event-proposal.occurrence.cancelled', { on })
        : t(language, 'event-proposal.occurrence.moved', { on, to: local(change.exception.startsAt!, zone) });
      return t(language, 'event-proposal.meeting-occurrence', { place, id: change.id, body: meeting(change.id), what, source });
    }
    case 'meeting_cancel':
      return t(language, 'event-proposal.meeting-cancel', { place, id: change.id, body: meeting(change.id), reason: reason(change.reason), source });
  }
}
