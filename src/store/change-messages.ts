/**
 * What a change-log row says, as a catalog message and its parameters: stored with the row and
 * written in the reader's language when `history` shows it. Parameters are plain data (text,
 * numbers, nested messages, lists), so they survive JSON.
 */
import { msg, type ListParam, type Message, type MessageKey } from '../i18n/index.ts';

type Facts = Record<string, unknown>;

const ELECTION_KINDS = new Set(['primary', 'general', 'runoff', 'special', 'recall']);

/** Field names of recorded elections and meetings (the JSON keys) → their catalog label. */
export const FIELD_LABELS: Record<string, MessageKey> = {
  kind: 'change.field.kind',
  date: 'change.field.date',
  registrationDeadline: 'change.field.registration-deadline',
  note: 'change.field.note',
  body: 'change.field.body',
  startsAt: 'change.field.starts-at',
  timeZone: 'change.field.time-zone',
  rrule: 'change.field.rrule',
  durationMinutes: 'change.field.duration',
  location: 'change.field.location',
  agendaUrl: 'change.field.agenda',
  livestreamUrl: 'change.field.livestream',
  publicComment: 'change.field.public-comment',
  why: 'change.field.why',
};

/** A fact as a line shows it: '—' for nothing. */
const shown = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** An election kind in the reader's words; a kind the catalog does not know stays as typed. */
export function electionKindWord(kind: string): Message | string {
  return ELECTION_KINDS.has(kind) ? msg(`election-kind.${kind}` as MessageKey) : kind;
}

/** A field's value: election kinds and a sheriff's selection are words; the rest is data. */
function valueOf(field: string, value: unknown): Message | string {
  if (typeof value === 'string' && field === 'kind') return electionKindWord(value);
  if ((value === 'elected' || value === 'appointed') && field === 'selection') return msg(`selection.${value}`);
  return shown(value);
}

/** 'phone: — → (512) 555-0100' for one of the sheriff's fields (`field.<name>` in the catalogs). */
export function holderFieldChange(field: string, from: string | null, to: string | null): Message {
  return msg('change.field-change', { field: msg(`field.${field}` as MessageKey), from: valueOf(field, from), to: valueOf(field, to) });
}

/** 'date: 2026-11-03 → 2026-11-10; note: — → moved by court order', or 'source refreshed'. */
export function factsChange(before: Facts, after: Facts): Message {
  const items = Object.entries(after)
    .filter(([key, value]) => before[key] !== value)
    .map(([key, value]) => {
      const label = FIELD_LABELS[key];
      return msg('change.field-change', { field: label ? msg(label) : key, from: valueOf(key, before[key]), to: valueOf(key, value) });
    });
  const changes: ListParam = { items, separator: '; ' };
  return items.length ? msg('change-log.changes', { changes }) : msg('change.source-refreshed');
}

/** '<what>: <reason>', or just what when there is no reason. */
export function withReason(what: Message, reason: string | null | undefined): Message {
  return reason ? msg('change-log.with-reason', { what, reason }) : what;
}

/** '<body>: <what>' for a meeting's own lines. */
export function ofBody(body: string, what: Message): Message {
  return msg('change-log.of-body', { body, what });
}
