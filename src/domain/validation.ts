/**
 * Validation of what moderators type. Pure functions: each takes the raw text and returns the
 * value to store or a message that says what is allowed. Text is stored verbatim — markup,
 * mentions and emoji included — because rendering it safely is each adapter's job; only
 * control characters (which no chat can show) are refused.
 */
import type { Topic } from './topics.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

export const LIMITS = {
  url: 500,
  name: 100,
  party: 40,
  address: 200,
  email: 254,
  note: 500,
  reason: 300,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function quote(raw: string): string {
  return raw.length > 40 ? `"${raw.slice(0, 37)}…"` : `"${raw}"`;
}

/** Free text: trimmed, not empty, at most `max` characters, no control characters; otherwise verbatim. */
export function checkText(raw: string, label: string, max: number): Checked<string> {
  const value = raw.trim();
  if (!value) return fail(`The ${label} is empty; write at least one character.`);
  if ([...value].length > max) return fail(`The ${label} is ${[...value].length} characters long; at most ${max} are allowed.`);
  if (CONTROL.test(value)) return fail(`The ${label} contains control characters; use plain text (line breaks and tabs are fine).`);
  return ok(value);
}

/** A web address for a source or website: http or https only, with a host, no spaces. */
export function checkUrl(raw: string, label = 'source'): Checked<string> {
  const value = raw.trim().replace(/^<(.+)>$/, '$1'); // Slack and Discord may wrap links in <…>
  if (!value) return fail(`The ${label} is missing: give a web address starting with https:// or http://.`);
  if (value.length > LIMITS.url) return fail(`The ${label} address is ${value.length} characters long; at most ${LIMITS.url} are allowed.`);
  if (!/^https?:\/\//i.test(value)) {
    return fail(`The ${label} must be a web address starting with https:// or http:// (got ${quote(value)}).`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`The ${label} ${quote(value)} is not a valid web address; copy it from the browser's address bar.`);
  }
  if (/\s/.test(value) || !url.hostname.includes('.') || url.hostname.startsWith('.') || url.hostname.endsWith('.')) {
    return fail(`The ${label} ${quote(value)} has no valid host name (such as www.example.gov).`);
  }
  return ok(value);
}

/** A calendar date written as YYYY-MM-DD, that exists, between 1800 and 2100 (and not after `notAfter`). */
export function checkIsoDate(raw: string, label: string, notAfter?: string): Checked<string> {
  const value = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return fail(`The ${label} must be a date written YYYY-MM-DD, e.g. 2025-01-06 (got ${quote(value)}).`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`The ${label} ${value} is not a real calendar date.`);
  }
  if (year < 1800 || year > 2100) return fail(`The ${label} must be between 1800 and 2100 (got ${value}).`);
  if (notAfter && value > notAfter) return fail(`The ${label} ${value} is in the future; it can be ${notAfter} at the latest.`);
  return ok(value);
}

/**
 * A US phone number, stored as '(512) 854-9770' (with ' ext. 12' when given). Ten digits with
 * an area code, optionally after +1 or 1; an extension may follow as 'x12', 'ext 12' or 'ext. 12'.
 */
export function checkPhone(raw: string): Checked<string> {
  const value = raw.trim();
  const match = /^(.*?)(?:\s*(?:x|ext\.?|extension)\s*(\d{1,6}))?$/i.exec(value)!;
  const main = match[1] ?? '';
  const extension = match[2];
  const allowed = 'Use a 10-digit US number such as (512) 854-9770, 512-854-9770 or +1 512 854 9770, optionally followed by "ext. 12".';
  if (!/^[\d\s().+-]+$/.test(main)) return fail(`${quote(value)} is not a phone number. ${allowed}`);
  let digits = main.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return fail(`${quote(value)} has ${digits.length} digits. ${allowed}`);
  if (!/^[2-9]\d{2}[2-9]/.test(digits)) return fail(`${quote(value)} has no valid area code and exchange (they cannot start with 0 or 1). ${allowed}`);
  const formatted = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  return ok(extension ? `${formatted} ext. ${extension}` : formatted);
}

/** An email address: one @, a domain with a dot, no spaces, at most 254 characters. */
export function checkEmail(raw: string): Checked<string> {
  const value = raw.trim().replace(/^mailto:/i, '');
  if (value.length > LIMITS.email) return fail(`The email address is ${value.length} characters long; at most ${LIMITS.email} are allowed.`);
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i.test(value)) {
    return fail(`${quote(value)} is not an email address; write it like sheriff@county.gov.`);
  }
  return ok(value);
}

/** One of a fixed set of words (case-insensitive); the message lists them. */
export function checkEnum<T extends string>(raw: string, label: string, allowed: readonly T[]): Checked<T> {
  const value = raw.trim().toLowerCase();
  const found = allowed.find((a) => a === value);
  return found ? ok(found) : fail(`${quote(raw.trim())} is not a valid ${label}; choose one of: ${allowed.join(', ')}.`);
}

/** Short forms people type for the 287(g) models. */
const MODEL_WORDS: Record<string, string> = {
  jem: 'jail-enforcement',
  jail: 'jail-enforcement',
  'jail-enforcement-model': 'jail-enforcement',
  tfm: 'task-force',
  'task-force-model': 'task-force',
  wso: 'warrant-service-officer',
  warrant: 'warrant-service-officer',
  'warrant-service': 'warrant-service-officer',
  no: 'none',
  'no-agreement': 'none',
};

/**
 * A value for a topic: one of the topic's values (for 287(g): a model, or none); 'unknown'
 * as well for the other topics. Labels and short forms (jem, tfm, wso) are accepted.
 */
export function checkTopicValue(topic: Topic, raw: string): Checked<string> {
  const word = raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const allowed = topic.id === '287g' ? topic.values.map((v) => v.value) : [...topic.values.map((v) => v.value), 'unknown'];
  const byLabel = topic.values.find((v) => v.label.toLowerCase().replace(/\s+/g, '-') === word)?.value;
  const value = allowed.includes(word) ? word : (byLabel ?? (topic.id === '287g' ? MODEL_WORDS[word] : undefined));
  if (value && allowed.includes(value)) return ok(value);
  const hint = topic.id === '287g' ? ' (jem, tfm and wso work too)' : '';
  return fail(`${quote(raw.trim())} is not a value for ${topic.id}; choose one of: ${allowed.join(', ')}${hint}.`);
}

/**
 * The record version a moderator saw, as shown in replies: '#57', or '#0' for "nothing
 * recorded". A bare number is accepted too (slash-command options).
 */
export function checkVersion(raw: string): Checked<number> {
  const value = raw.trim();
  const match = /^#?(\d{1,12})$/.exec(value);
  if (!match) return fail(`${quote(value)} is not a record version; versions look like #57 (#0 when nothing was recorded).`);
  return ok(Number(match[1]));
}

/** The value of one office-holder field, normalized for storage; `none` clears an optional field. */
export type HolderField = 'name' | 'party' | 'selection' | 'took-office' | 'term-end' | 'phone' | 'email' | 'address' | 'website';

export const HOLDER_FIELDS: readonly HolderField[] = [
  'name', 'party', 'selection', 'took-office', 'term-end', 'phone', 'email', 'address', 'website',
];

export const CLEARABLE = new Set<HolderField>(['party', 'took-office', 'term-end', 'phone', 'email', 'address', 'website']);

export function checkHolderField(field: HolderField, raw: string): Checked<string | null> {
  const value = raw.trim();
  if (/^(none|-|clear)$/i.test(value)) {
    if (CLEARABLE.has(field)) return ok(null);
    return fail(`The ${field} cannot be cleared, only corrected; to take a wrong record off the card, use holder-remove.`);
  }
  switch (field) {
    case 'name':
      return checkText(value, 'name', LIMITS.name);
    case 'party':
      return checkText(value, 'party', LIMITS.party);
    case 'selection':
      return checkEnum(value, 'selection', ['elected', 'appointed', 'unknown'] as const);
    case 'took-office':
      return checkIsoDate(value, 'date took office');
    case 'term-end':
      return checkIsoDate(value, 'term end date');
    case 'phone':
      return checkPhone(value);
    case 'email':
      return checkEmail(value);
    case 'address':
      return checkText(value, 'address', LIMITS.address);
    case 'website':
      return checkUrl(value, 'website');
  }
}
