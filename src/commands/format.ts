import { STATES } from '../domain/states.ts';
import type { Jurisdiction, Source } from '../domain/types.ts';
import { date, link, text, type Rich, type Span } from '../reply.ts';

const KIND_LABELS: Record<Jurisdiction['kind'], string> = {
  county: 'county',
  parish: 'parish',
  borough: 'borough',
  census_area: 'census area',
  municipality: 'municipality',
  independent_city: 'independent city',
  consolidated_city_county: 'consolidated city-county',
  district: 'federal district',
};

export function kindLabel(kind: Jurisdiction['kind']): string {
  return KIND_LABELS[kind];
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

/** 'per <title>, <date>'. */
export function perSource(source: Source): Rich {
  return [text('per '), sourceTitle(source), text(', '), date(source.date)];
}

/** 'Source: <title> (as of <date>)'. */
export function sourceLine(label: string, source: Source): Rich {
  return [text(`${label}: `), sourceTitle(source), text(' (as of '), date(source.date), text(')')];
}
