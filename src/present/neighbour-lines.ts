import type { Jurisdiction } from '../domain/types.ts';
import { t, type Language } from '../i18n/index.ts';
import { ENGAGED, LABEL } from '../maps/categories.ts';
import { countyCategories, iceListDate } from '../maps/county-categories.ts';
import { AGREEMENT_TOPIC } from '../queries/agreements.ts';
import { text, type Rich } from '../reply.ts';
import type { Store } from '../store/index.ts';
import { placeQuery } from './format.ts';

/**
 * How a county compares with its neighbours on 287(g): "3 of the 6 neighbouring counties'
 * sheriffs have a 287(g) agreement: …", whether the county has one too, and the map to see
 * it. Neighbours are the stored adjacency (src/maps/adjacency.ts says what counts).
 */
export function neighbourLines(store: Store, county: Jurisdiction, language: Language, withMap = true): Rich[] {
  const neighbours = store.neighbours.of(county.fips).flatMap((fips) => store.jurisdictions.byFips(fips) ?? []);
  if (neighbours.length === 0) return [[text(t(language, 'map.neighbours.island', { place: county.name }))]];
  const categories = countyCategories(store, AGREEMENT_TOPIC, [county, ...neighbours]);
  const engaged = neighbours.filter((j) => ENGAGED.has(categories.get(j.fips)!));
  const names = engaged.map((j) => `${j.name}${j.state === county.state ? '' : `, ${j.state}`} (${t(language, LABEL[categories.get(j.fips)!])})`).join(', ');
  const total = neighbours.length;
  const listDate = iceListDate(store);
  const count =
    engaged.length === 0
      ? listDate
        ? t(language, 'map.neighbours.287g.zero', { total, date: listDate })
        : t(language, 'map.neighbours.287g.zero-unlisted', { total })
      : engaged.length === total
        ? t(language, 'map.neighbours.287g.all', { total, names })
        : t(language, 'map.neighbours.287g', { count: engaged.length, total, names });
  const own = categories.get(county.fips)!;
  // Unknown is not "does not": the county's own record is compared only when there is one.
  const self = ENGAGED.has(own) ? 'map.neighbours.287g.this' : own === 'not-listed' || own === 'none' ? 'map.neighbours.287g.this-not' : undefined;
  const lines: Rich[] = [[text(self ? `${count} ${t(language, self, { place: county.name })}` : count)]];
  if (withMap) lines.push([text(t(language, 'map.neighbours.see')), text(`map ${placeQuery(county)}`, 'code')]);
  return lines;
}
