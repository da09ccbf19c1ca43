import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type { MessageKey };
export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, es };

/**
 * A message with plural forms: the catalogs hold `<key>.one`, `<key>.other` (and any other form
 * the language's plural rules name), and `t` picks one by the `count` parameter.
 */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never }[MessageKey];

/** A catalog entry still to be translated: its key and parameters. */
export interface Message {
  readonly key: MessageKey | PluralKey;
  readonly params?: Params;
}

/** Items joined by a separator, each translated in the reader's language, e.g. 'a; b; c' or 'x or y'. */
export interface ListParam {
  readonly items: readonly (string | number | Message)[];
  readonly separator: string | Message;
}

/**
 * Text whose wording depends on the language in a way one catalog entry cannot say (e.g. values
 * listed with their labels only for readers of another language); called when rendering.
 */
export type LocalizedText = (language: Language) => string;

export type Param = string | number | Message | ListParam | LocalizedText;
export type Params = Readonly<Record<string, Param>>;

/** A message to translate later, where the reader's language is known. */
export function msg(key: MessageKey | PluralKey, params?: Params): Message {
  return params ? { key, params } : { key };
}

/** A message cut at its placeholders once: text, name, text, name, …, text. */
const TEMPLATES: Record<Language, Map<string, string[]>> = { en: new Map(), es: new Map() };
const PLURAL_RULES: Record<Language, Intl.PluralRules> = { en: new Intl.PluralRules('en'), es: new Intl.PluralRules('es') };

/** The catalog key to show: the key itself, or its plural form for `params.count` (falling back to `.other`). */
function formOf(language: Language, key: string, params: Params): MessageKey {
  const messages = CATALOGS[language];
  if (Object.hasOwn(messages, key)) return key as MessageKey;
  const count = params.count;
  if (typeof count === 'number') {
    const form = `${key}.${PLURAL_RULES[language].select(count)}`;
    if (Object.hasOwn(messages, form)) return form as MessageKey;
  }
  return `${key}.other` as MessageKey;
}

function template(language: Language, key: string, params: Params): string[] {
  const cache = TEMPLATES[language];
  const cached = cache.get(key);
  if (cached) return cached;
  // A plural key is never cached under its own name: each call picks its form by count.
  const form = formOf(language, key, params);
  let parts = cache.get(form);
  if (!parts) {
    parts = CATALOGS[language][form].split(/\{([a-z0-9-]+)\}/i);
    cache.set(form, parts);
  }
  return parts;
}

function paramText(language: Language, value: Param): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function') return value(language);
  if ('key' in value) return t(language, value.key, value.params);
  const separator = typeof value.separator === 'string' ? value.separator : paramText(language, value.separator);
  return value.items.map((item) => paramText(language, item)).join(separator);
}

/**
 * The message in the language, with {placeholders} filled (parameters that are messages are
 * translated too); a missing parameter stays visible. A plural key picks its form by `count`.
 */
export function t(language: Language, key: MessageKey | PluralKey, params: Params = {}): string {
  const parts = template(language, key, params);
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.hasOwn(params, name) ? paramText(language, params[name]!) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** A parameter, message or literal (a place name, a command line) as text in the language. */
export function render(language: Language, value: Param): string {
  return paramText(language, value);
}

/** 'es', 'es-419', 'es-ES' → 'es'; anything else → undefined. */
export function languageOf(locale: string | undefined): Language | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === base);
}

/** The catalog itself, for tests that compare locales. */
export function catalog(language: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGS[language];
}
