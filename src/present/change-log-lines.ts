/**
 * One change-log row as a line of `history`, in the reader's language.
 *
 * The change log keeps, with each change, an English summary written when the change was made
 * and the record before and after (JSON). A line is written again in the reader's language from
 * those facts; the few facts kept only in the summary (a reason, the date of a moved meeting) are
 * read back from it. A row is re-rendered only when the facts account for its summary exactly —
 * the English the store wrote is rebuilt from them and compared — so a row written some other
 * way (an older wording, an import) keeps showing its stored text instead of a wrong line.
 */
import { HOLDER_FIELDS, type HolderField } from '../domain/validation.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { Change } from '../store/change-log.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A fact as the store printed it: '—' for nothing. */
const shown = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

const HOLDER_KEYS: Record<HolderField, string> = {
  name: 'name',
  party: 'party',
  selection: 'selection',
  'took-office': 'tookOffice',
  'term-end': 'termEnd',
  phone: 'phone',
  email: 'email',
  address: 'address',
  website: 'website',
};

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

const ELECTION_KINDS = new Set(['primary', 'general', 'runoff', 'special', 'recall']);
const SUBSCRIPTION_KINDS = new Set(['elections', 'meetings', 'agenda', 'positions']);

function electionKind(kind: string, language: Language): string {
  return ELECTION_KINDS.has(kind) ? t(language, `election-kind.${kind}` as MessageKey) : kind;
}

/** A field's value in the language: election kinds and a sheriff's selection are words; the rest is data. */
function valueIn(key: string, value: unknown, language: Language): string {
  if (typeof value === 'string' && key === 'kind') return electionKind(value, language);
  if ((value === 'elected' || value === 'appointed') && key === 'selection') return t(language, `selection.${value}`);
  return shown(value);
}

/** The store's 'key: old → new; …' of the facts that differ (recorded elections and meetings). */
function diffParts(before: Json, after: Json): { key: string; from: unknown; to: unknown }[] {
  return Object.entries(after)
    .filter(([key, value]) => before[key] !== value)
    .map(([key, value]) => ({ key, from: before[key], to: value }));
}

function storedDiff(before: Json, after: Json): string {
  const parts = diffParts(before, after).map((p) => `${p.key}: ${shown(p.from)} → ${shown(p.to)}`);
  return parts.length ? parts.join('; ') : 'source refreshed';
}

function diffIn(before: Json, after: Json, language: Language): string {
  const parts = diffParts(before, after).map((p) => {
    const label = FIELD_LABELS[p.key];
    return t(language, 'change.field-change', { field: label ? t(language, label) : p.key, from: valueIn(p.key, p.from, language), to: valueIn(p.key, p.to, language) });
  });
  return parts.length ? parts.join('; ') : t(language, 'change.source-refreshed');
}

/** The text after `prefix` ('' when the summary is exactly the prefix), or undefined when it is not there. */
function after(summary: string, prefix: string): string | undefined {
  return summary.startsWith(prefix) ? summary.slice(prefix.length) : undefined;
}

/** ': reason' as the store appended it → the reason, null for none; undefined when it does not fit. */
function reasonOf(rest: string | undefined): string | null | undefined {
  if (rest === undefined) return undefined;
  if (rest === '') return null;
  return rest.startsWith(': ') ? rest.slice(2) : undefined;
}

const withReason = (line: string, reason: string | null) => (reason ? `${line}: ${reason}` : line);

function holderLine(c: Change, language: Language): string | undefined {
  if (c.action === 'retired') {
    if (!isObject(c.before) || !isObject(c.before.source)) return undefined;
    const { id, name } = c.before;
    const source = c.before.source.title;
    const reason = reasonOf(after(c.summary, `record #${shown(id)} (${shown(name)}, per ${shown(source)}) removed`));
    if (reason === undefined) return undefined;
    return t(language, 'change.holder.removed', { id: shown(id), name: shown(name), source: shown(source), reason: reason ?? '—' });
  }
  if (!isObject(c.after)) return undefined;
  const field = HOLDER_FIELDS.find((f) => c.summary.startsWith(`${f}: `));
  if (!field) return undefined;
  const to = c.after[HOLDER_KEYS[field]];
  const middle = after(c.summary, `${field}: `);
  const suffix = ` → ${shown(to)}`;
  if (middle === undefined || !middle.endsWith(suffix)) return undefined;
  const from = middle.slice(0, middle.length - suffix.length);
  return t(language, 'change.field-change', {
    field: t(language, `field.${field}`),
    from: valueIn(field, from === '—' ? null : from, language),
    to: valueIn(field, to, language),
  });
}

function electionLine(c: Change, language: Language): string | undefined {
  if (c.action === 'created' && isObject(c.after)) {
    const { kind, date, registrationDeadline } = c.after;
    const stored = `${shown(kind)} election ${shown(date)}${registrationDeadline ? `, registration deadline ${shown(registrationDeadline)}` : ''}`;
    if (stored !== c.summary) return undefined;
    const line = t(language, 'change.election.created', { kind: electionKind(shown(kind), language), date: shown(date) });
    return registrationDeadline ? line + t(language, 'change.election.registration', { date: shown(registrationDeadline) }) : line;
  }
  if (c.action === 'changed' && isObject(c.before) && isObject(c.after)) {
    return storedDiff(c.before, c.after) === c.summary ? diffIn(c.before, c.after, language) : undefined;
  }
  if (c.action === 'retired' && isObject(c.before)) {
    const { kind, date } = c.before;
    const reason = reasonOf(after(c.summary, `cancelled the ${shown(kind)} election of ${shown(date)}`));
    if (reason === undefined) return undefined;
    return withReason(t(language, 'change.election.cancelled', { kind: electionKind(shown(kind), language), date: shown(date) }), reason);
  }
  return undefined;
}

function meetingLine(c: Change, language: Language): string | undefined {
  if (c.action === 'created' && isObject(c.after)) {
    const { body, startsAt, rrule } = c.after;
    const stored = `${shown(body)}: ${rrule ? `series from ${shown(startsAt)} (${shown(rrule)})` : `meeting at ${shown(startsAt)}`}`;
    if (stored !== c.summary) return undefined;
    return rrule
      ? t(language, 'change.meeting.series', { body: shown(body), start: shown(startsAt), rule: shown(rrule) })
      : t(language, 'change.meeting.one', { body: shown(body), start: shown(startsAt) });
  }
  if (!isObject(c.before)) return undefined;
  const body = shown(c.before.body);
  if (c.action === 'changed' && isObject(c.after)) {
    return `${body}: ${storedDiff(c.before, c.after)}` === c.summary ? `${body}: ${diffIn(c.before, c.after, language)}` : undefined;
  }
  if (c.action === 'retired') {
    const series = Boolean(c.before.rrule);
    const reason = reasonOf(after(c.summary, `${body}: cancelled ${series ? 'the series' : 'the meeting'}`));
    if (reason === undefined) return undefined;
    return withReason(t(language, series ? 'change.meeting.cancelled.series' : 'change.meeting.cancelled.one', { body }), reason);
  }
  return undefined;
}

/** '<body>: occurrence of <start> cancelled' or '… moved to <start>'; the body and the original start are only in the summary. */
function occurrenceLine(c: Change, language: Language): string | undefined {
  if (!isObject(c.after)) return undefined;
  const { status, startsAt } = c.after;
  const tail = status === 'cancelled' ? ' cancelled' : ` moved to ${shown(startsAt)}`;
  if (!c.summary.endsWith(tail)) return undefined;
  const match = /^([\s\S]*): occurrence of (\S+)$/.exec(c.summary.slice(0, c.summary.length - tail.length));
  if (!match) return undefined;
  const [, body, start] = match as unknown as [string, string, string];
  return status === 'cancelled'
    ? t(language, 'change.occurrence.cancelled', { body, start })
    : t(language, 'change.occurrence.moved', { body, start, to: shown(startsAt) });
}

function kindsIn(kinds: string, language: Language): string | undefined {
  const list = kinds.split(', ');
  if (!list.every((k) => SUBSCRIPTION_KINDS.has(k))) return undefined;
  return list.map((k) => t(language, `option.${k}.choice.${k}` as MessageKey)).join(', ');
}

function subscriptionLine(c: Change, language: Language): string | undefined {
  const match = /^(\w+) channel (\S+): ([\s\S]*)$/.exec(c.summary);
  if (!match) return undefined;
  const [, platform, channel, what] = match as unknown as [string, string, string, string];
  let text: string | undefined;
  const subscribed = c.action === 'created' ? after(what, 'subscribed to ') : undefined;
  const now = c.action === 'changed' ? after(what, 'now ') : undefined;
  const paused = c.action === 'changed' ? after(what, 'paused: ') : undefined;
  if (subscribed !== undefined) {
    const kinds = kindsIn(subscribed, language);
    text = kinds && t(language, 'change.subscription.created', { kinds });
  } else if (now !== undefined) {
    const kinds = kindsIn(now, language);
    text = kinds && t(language, 'change.subscription.now', { kinds });
  } else if (paused !== undefined) text = t(language, 'change.subscription.paused', { reason: paused });
  else if (what === 'resumed' && c.action === 'changed') text = t(language, 'change.subscription.resumed');
  else if (what === 'unsubscribed' && c.action === 'retired') text = t(language, 'change.subscription.ended');
  return text && t(language, 'change.subscription', { platform, channel, what: text });
}

const ENTITY: Record<Change['entity'], MessageKey> = {
  office_holder: 'history.holder',
  election: 'history.entity.election',
  meeting: 'history.entity.meeting',
  meeting_occurrence: 'history.entity.meeting-occurrence',
  subscription: 'history.entity.subscription',
};

/** The change's own words in the language, or undefined when its facts do not account for its stored summary. */
export function changeText(c: Change, language: Language): string | undefined {
  switch (c.entity) {
    case 'office_holder':
      return holderLine(c, language);
    case 'election':
      return electionLine(c, language);
    case 'meeting':
      return meetingLine(c, language);
    case 'meeting_occurrence':
      return occurrenceLine(c, language);
    case 'subscription':
      return subscriptionLine(c, language);
  }
}

/**
 * 'sheriff phone: — → (512) 555-0100', 'election: primary election 2026-03-03': in English the
 * summary as stored; in another language the change written again from its facts, or the stored
 * summary when it cannot be.
 */
export function changeLine(c: Change, language: Language): string {
  const summary = language === 'en' ? c.summary : (changeText(c, language) ?? c.summary);
  return t(language, ENTITY[c.entity], { summary });
}
