import { STATES } from '../domain/states.ts';
import type { Jurisdiction, Source } from '../domain/types.ts';
import { t, type Language, type MessageKey, type Params } from '../i18n/index.ts';
import { date, link, text, type Rich, type Span } from '../reply.ts';

export function kindLabel(kind: Jurisdiction['kind'], language: Language = 'en'): string {
  return t(language, `kind.${kind}` as MessageKey);
}

/** 'Autauga County, Alabama'. */
export function placeName(j: Jurisdiction): string {
  return `${j.name}, ${STATES[j.state]}`;
}

/** 'Autauga County, AL' — the form users can type back. */
export function placeQuery(j: Jurisdiction): string {
  return `${j.name}, ${j.state}`;
}

/** The title as a link when the source has a URL. */
export function sourceTitle(source: Source): Span {
  return source.url ? link(source.title, source.url) : text(source.title);
}

/**
 * A catalog message as rich text: string parameters are filled in, and each {name} given in
 * `spans` becomes that span (a date, a link), wherever the language puts it.
 */
export function richMessage(language: Language, key: MessageKey, spans: Record<string, Span | readonly Span[]>, params: Params = {}): Rich {
  const message = t(language, key, params);
  const parts = message.split(/\{([a-z0-9-]+)\}/gi);
  const rich: Rich = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) rich.push(text(part));
      return;
    }
    const span = spans[part];
    if (span === undefined) rich.push(text(`{${part}}`));
    else if (Array.isArray(span)) rich.push(...(span as readonly Span[]));
    else rich.push(span as Span);
  });
  return rich;
}

/** 'per <title>, <date>'. */
export function perSource(source: Source, language: Language = 'en'): Rich {
  return richMessage(language, 'format.per', { source: sourceTitle(source), date: date(source.date) });
}

/** 'Source: <title> (as of <date>)'. */
export function sourceLine(label: string, source: Source, language: Language = 'en'): Rich {
  return richMessage(language, 'format.source-line', { source: sourceTitle(source), date: date(source.date) }, { label });
}
