/**
 * The map in words, for anyone who cannot see the picture: the alt text (one sentence with
 * every legend count) and the reply's lines naming the counties in each category.
 */
import { STATES } from '../domain/states.ts';
import { t, type Language } from '../i18n/index.ts';
import type { MapCategory } from './categories.ts';
import type { MapContent } from './map-content.ts';

/** Categories that fill most of a map: past this many counties they are "the other N", not named. */
const BACKGROUND: ReadonlySet<MapCategory> = new Set(['not-listed', 'unknown', 'no-sheriff']);
const NAMED_AT_MOST = 20;
const ALT_TEXT_MAX = 1000;

export function altText(content: MapContent, language: Language): string {
  const summary = content.legend.map((e) => t(language, 'map.alt.part', { label: e.label, count: e.count })).join('; ');
  const text =
    content.subject.kind === 'county'
      ? t(language, 'map.alt.county', { place: content.subject.county.name, total: content.counties.length - 1, summary })
      : t(language, 'map.alt.area', { place: content.place, summary });
  return text.length <= ALT_TEXT_MAX ? text : `${text.slice(0, ALT_TEXT_MAX - 1)}…`;
}

/** One line per legend entry: the counties named, or counted by state on the national map. */
export function categoryLines(content: MapContent, language: Language): string[] {
  return content.legend.map((entry) => {
    const counties = content.counties.filter((c) => c.category === entry.category).map((c) => c.jurisdiction);
    if (content.subject.kind !== 'county' && BACKGROUND.has(entry.category) && counties.length > NAMED_AT_MOST) {
      if (content.subject.kind === 'nation' && entry.category === 'no-sheriff') {
        const states = [...new Set(counties.map((c) => STATES[c.state]))].join(', ');
        return t(language, 'map.text.line', { label: entry.label, count: entry.count, names: states });
      }
      return t(language, 'map.text.rest', { label: entry.label, count: entry.count });
    }
    if (content.subject.kind === 'nation') {
      const byState = new Map<string, number>();
      for (const c of counties) byState.set(c.state, (byState.get(c.state) ?? 0) + 1);
      const states = [...byState].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([state, n]) => `${state} ${n}`).join(', ');
      return t(language, 'map.text.states', { label: entry.label, count: entry.count, states });
    }
    const home = content.subject.kind === 'county' ? content.subject.county.state : undefined;
    const names = counties
      .map((c) => (home && c.state !== home ? `${c.name}, ${c.state}` : c.name))
      .sort((a, b) => a.localeCompare(b))
      .join(', ');
    return t(language, 'map.text.line', { label: entry.label, count: entry.count, names });
  });
}
