import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type { MessageKey };
export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, es };

export type Params = Record<string, string | number>;

/** A message cut at its placeholders once: text, name, text, name, …, text. */
const TEMPLATES: Record<Language, Map<MessageKey, string[]>> = { en: new Map(), es: new Map() };

function template(language: Language, key: MessageKey): string[] {
  let parts = TEMPLATES[language].get(key);
  if (!parts) {
    parts = CATALOGS[language][key].split(/\{([a-z0-9-]+)\}/i);
    TEMPLATES[language].set(key, parts);
  }
  return parts;
}

/** The message in the language, with {placeholders} filled; a missing parameter stays visible. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  const parts = template(language, key);
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
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
