import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

export type { MessageKey };
export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, es };

export type Params = Record<string, string | number>;

/** The message in the language, with {placeholders} filled; a missing parameter stays visible. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  return CATALOGS[language][key].replace(/\{([a-z0-9-]+)\}/gi, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
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
