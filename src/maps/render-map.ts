/**
 * A map from the store to PNG bytes, kept per subject, topic, language and data version
 * (dataStamp: any write to the database makes a new version), so the same map asked twice
 * is drawn once until the record changes.
 */
import { dataStamp } from '../db/data-stamp.ts';
import type { Language } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import { projectedMap } from './geometry.ts';
import { mapContent, type MapContent, type MapSubject } from './map-content.ts';
import { svgToPng } from './png.ts';
import { mapSvg } from './svg.ts';

export interface RenderedMap {
  content: MapContent;
  png: Uint8Array;
  width: number;
  height: number;
  labelled: string[];
  unlabelled: string[];
}

/** PNGs kept (a few hundred kilobytes each); the oldest go first. */
const MAX_KEPT = 24;

interface Cache {
  stamp: string;
  maps: Map<string, Promise<RenderedMap>>;
}

const caches = new WeakMap<Store['db'], Cache>();

function subjectKey(subject: MapSubject): string {
  return subject.kind === 'state' ? subject.state : subject.kind === 'county' ? subject.county.fips : 'us';
}

async function render(store: Store, subject: MapSubject, topic: string, language: Language): Promise<RenderedMap> {
  const content = mapContent(store, subject, topic, language);
  const projected = await projectedMap(content.geometry);
  const drawn = mapSvg(content, projected);
  const png = await svgToPng(drawn.svg);
  return { content, png, width: drawn.width, height: drawn.height, labelled: drawn.labelled, unlabelled: drawn.unlabelled };
}

/** SVG source of a map, for tests and the README script. */
export async function renderSvg(store: Store, subject: MapSubject, topic: string, language: Language): Promise<{ content: MapContent; svg: string }> {
  const content = mapContent(store, subject, topic, language);
  return { content, svg: mapSvg(content, await projectedMap(content.geometry)).svg };
}

export function renderMap(store: Store, subject: MapSubject, topic: string, language: Language): Promise<RenderedMap> {
  const stamp = dataStamp(store.db);
  let cache = caches.get(store.db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, maps: new Map() };
    caches.set(store.db, cache);
  }
  const key = `${subjectKey(subject)}\u0000${topic}\u0000${language}`;
  let found = cache.maps.get(key);
  if (!found) {
    if (cache.maps.size >= MAX_KEPT) cache.maps.delete(cache.maps.keys().next().value!);
    found = render(store, subject, topic, language);
    const maps = cache.maps;
    maps.set(key, found);
    found.catch(() => maps.delete(key));
  }
  return found;
}
