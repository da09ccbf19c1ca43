/**
 * A map from the store to PNG bytes, kept per subject, topic, language and data version
 * (dataStamp: any write to the database makes a new version), so the same map asked twice
 * is drawn once until the record changes. What the map says is read here, from the store;
 * the drawing (shapes, SVG, resvg) happens on a worker thread, off the event loop.
 */
import { dataStamp } from '../db/data-stamp.ts';
import type { Language } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import { drawingOf } from './drawing.ts';
import { mapContent, type MapContent, type MapSubject } from './map-content.ts';
import { mapRenderPool, type DrawnOffThread } from './render-pool.ts';

export interface RenderedMap extends DrawnOffThread {
  content: MapContent;
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

/** Draws a map off the main thread, without the cache (the bench times this). */
export async function drawOffThread(content: MapContent): Promise<RenderedMap> {
  return { content, ...(await mapRenderPool().draw(drawingOf(content))) };
}

/** SVG source of a map, drawn on this thread with text as SVG text: for tests. */
export async function renderSvg(store: Store, subject: MapSubject, topic: string, language: Language): Promise<{ content: MapContent; svg: string }> {
  const [{ projectedMap }, { mapSvg }] = await Promise.all([import('./geometry.ts'), import('./svg.ts')]);
  const content = mapContent(store, subject, topic, language);
  return { content, svg: mapSvg(drawingOf(content), await projectedMap(content.geometry)).svg };
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
    found = drawOffThread(mapContent(store, subject, topic, language));
    const maps = cache.maps;
    maps.set(key, found);
    found.catch(() => maps.delete(key));
  }
  return found;
}
