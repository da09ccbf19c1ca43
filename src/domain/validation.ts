/**
 * Validation of what moderators type. Pure functions: each takes the raw text and returns the
 * value to store or a message that says what is allowed. Text is stored verbatim — markup,
 * mentions and emoji included — because rendering it safely is each adapter's job; only
 * control characters (which no chat can show) are refused.
 */
import { catalog, t, type Language, type MessageKey, type Params, type PluralKey } from '../i18n/index.ts';
import { cleanTyped } from './text-policy.ts';
import type { Topic } from './topics.ts';

/** A refusal: the message key and its parameters, and the English message (for logs and tests). */
export interface Refusal {
  ok: false;
  message: string;
  key: MessageKey | PluralKey;
  params: Params;
}

export type Checked<T> = { ok: true; value: T } | Refusal;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(key: MessageKey, params: Params = {}): Checked<T> => ({ ok: false, message: t('en', key, params), key, params });

/** The refusal in the language; a field's label ('note', 'as-of date') is translated when the catalog has it. */
export function refusalText(refusal: Refusal, language: Language): string {
  const params = { ...refusal.params };
  if (typeof params.label === 'string') {
    const key = `field.${params.label}`;
    if (Object.hasOwn(catalog('en'), key)) params.label = t(language, key as MessageKey);
  }
  return t(language, refusal.key, params);
}

export const LIMITS = {
  url: 500,
  name: 100,
  party: 40,
  address: 200,
  email: 254,
  note: 500,
  reason: 300,
} as const;

function quote(raw: string): string {
  return raw.length > 40 ? `"${raw.slice(0, 37)}…"` : `"${raw}"`;
}

/**
 * Free text: trimmed, not empty, at most `max` characters, no control characters, line breaks
 * only when `multiline` (notes, reasons); otherwise verbatim (text-policy.ts).
 */
export function checkText(raw: string, label: string, max: number, multiline = false): Checked<string> {
  const cleaned = cleanTyped(raw, { multiline });
  if (!cleaned.ok) return cleaned.problem === 'newline' ? fail('limits.text.newline', { label }) : fail('limits.text.control', { label, which: cleaned.which });
  const value = cleaned.value.trim();
  if (!value) return fail('check.text.empty', { label });
  if ([...value].length > max) return fail('check.text.long', { label, length: [...value].length, max });
  return ok(value);
}

/** A web address for a source or website: http or https only, with a host, no spaces. */
export function checkUrl(raw: string, label = 'source'): Checked<string> {
  const value = raw.trim().replace(/^<(.+)>$/, '$1'); // Slack and Discord may wrap links in <…>
  if (!value) return fail('check.url.missing', { label });
  if (value.length > LIMITS.url) return fail('check.url.long', { label, length: value.length, max: LIMITS.url });
  if (!/^https?:\/\//i.test(value)) {
    return fail('check.url.scheme', { label, got: quote(value) });
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('check.url.invalid', { label, got: quote(value) });
  }
  if (/\s/.test(value) || !url.hostname.includes('.') || url.hostname.startsWith('.') || url.hostname.endsWith('.')) {
    return fail('check.url.host', { label, got: quote(value) });
  }
  return ok(value);
}

/** A calendar date written as YYYY-MM-DD, that exists, between 1800 and 2100 (and not after `notAfter`). */
export function checkIsoDate(raw: string, label: string, notAfter?: string): Checked<string> {
  const value = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return fail('check.date.format', { label, got: quote(value) });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('check.date.unreal', { label, date: value });
  }
  if (year < 1800 || year > 2100) return fail('check.date.range', { label, date: value });
  if (notAfter && value > notAfter) return fail('check.date.future', { label, date: value, latest: notAfter });
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
  if (!/^[\d\s().+-]+$/.test(main)) return fail('check.phone.not', { got: quote(value) });
  let digits = main.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return fail('check.phone.digits', { got: quote(value), digits: digits.length });
  if (!/^[2-9]\d{2}[2-9]/.test(digits)) return fail('check.phone.area', { got: quote(value) });
  const formatted = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  return ok(extension ? `${formatted} ext. ${extension}` : formatted);
}

/** An email address: one @, a domain with a dot, no spaces, at most 254 characters. */
export function checkEmail(raw: string): Checked<string> {
  const value = raw.trim().replace(/^mailto:/i, '');
  if (value.length > LIMITS.email) return fail('check.email.long', { length: value.length, max: LIMITS.email });
  if (!/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i.test(value)) {
    return fail('check.email.invalid', { got: quote(value) });
  }
  return ok(value);
}

/** One of a fixed set of words (case-insensitive); the message lists them. */
export function checkEnum<T extends string>(raw: string, label: string, allowed: readonly T[]): Checked<T> {
  const value = raw.trim().toLowerCase();
  const found = allowed.find((a) => a === value);
  return found ? ok(found) : fail('check.enum', { got: quote(raw.trim()), label, allowed: allowed.join(', ') });
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
  return fail(topic.id === '287g' ? 'check.topic-value.287g' : 'check.topic-value', { got: quote(raw.trim()), topic: topic.id, allowed: allowed.join(', ') });
}

/**
 * The record version a moderator saw, as shown in replies: '#57', or '#0' for "nothing
 * recorded". A bare number is accepted too (slash-command options).
 */
export function checkVersion(raw: string): Checked<number> {
  const value = raw.trim();
  const match = /^#?(\d{1,12})$/.exec(value);
  if (!match) return fail('check.version', { got: quote(value) });
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
    return fail('check.holder.clear', { label: field });
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
