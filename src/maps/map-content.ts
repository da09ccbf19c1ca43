/**
 * What a map says, in the reader's language, from the store: its title, the count lines the
 * text answers give, the legend with counts, the sources, and each county's category. The
 * SVG and the reply's text equivalent are both drawn from this one object.
 */
import { nationAgreementCountLines, stateAgreementCountLines } from '../present/agreement-count-lines.ts';
import { STATES, type StateCode } from '../domain/states.ts';
import { topicById, topicLabel } from '../domain/topics.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { t, type Language } from '../i18n/index.ts';
import { AGREEMENT_TOPIC } from '../queries/agreements.ts';
import type { Store } from '../store/index.ts';
import { stateFips } from './atlas.ts';
import { AGREEMENT_ORDER, FILL, LABEL, POLICY_ORDER, type MapCategory } from './categories.ts';
import { countyCategories, iceListDate } from './county-categories.ts';
import type { GeometryScope } from './geometry.ts';

export type MapSubject = { kind: 'state'; state: StateCode } | { kind: 'nation' } | { kind: 'county'; county: Jurisdiction };

export interface MapCounty {
  jurisdiction: Jurisdiction;
  category: MapCategory;
}

export interface LegendEntry {
  category: MapCategory;
  label: string;
  count: number;
  fill: string;
}

export interface MapContent {
  subject: MapSubject;
  topic: string;
  geometry: GeometryScope;
  /** The place as the title names it: 'Texas', 'the United States', 'Travis County, TX'. */
  place: string;
  title: string;
  /** The count line, as the text answers give it (under the title). */
  lines: string[];
  /** The other agencies with agreements (police, state), counted in a line under the map. */
  underMap: string[];
  legend: LegendEntry[];
  /** Sources and caveats, under the legend. */
  notes: string[];
  counties: MapCounty[];
  /** The county outlined on a county map. */
  highlight?: string;
  /**
   * The fill of shapes the store has no county for, by state FIPS prefix: states without
   * elected sheriffs are filled whole even where the shapes' county list is newer or older
   * than the store's (Alaska's Valdez-Cordova split).
   */
  noSheriffStates: ReadonlySet<string>;
}

/** The counties drawn and how the subject reads in a title. */
function countiesOf(store: Store, subject: MapSubject): { place: string; jurisdictions: Jurisdiction[]; geometry: GeometryScope } {
  if (subject.kind === 'state') {
    return {
      place: STATES[subject.state],
      jurisdictions: store.jurisdictions.inState(subject.state),
      geometry: { kind: 'state', fipsPrefix: stateFips(subject.state) ?? '' },
    };
  }
  if (subject.kind === 'nation') return { place: '', jurisdictions: store.jurisdictions.all(), geometry: { kind: 'nation' } };
  const neighbours = store.neighbours.of(subject.county.fips).flatMap((fips) => store.jurisdictions.byFips(fips) ?? []);
  const jurisdictions = [subject.county, ...neighbours];
  return { place: `${subject.county.name}, ${subject.county.state}`, jurisdictions, geometry: { kind: 'counties', fips: jurisdictions.map((j) => j.fips) } };
}

function legendOf(topic: string, counties: MapCounty[], listDate: string | undefined, language: Language): LegendEntry[] {
  const counts = new Map<MapCategory, number>();
  for (const c of counties) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  const order = topic === AGREEMENT_TOPIC ? AGREEMENT_ORDER : POLICY_ORDER;
  return order
    .filter((category) => counts.has(category))
    .map((category) => ({ category, label: t(language, LABEL[category], { date: listDate ?? '' }), count: counts.get(category)!, fill: FILL[category] }));
}

/** The sheriffs' count line(s), and the other agencies' line when the topic has one (287(g): "41 other agencies have one too."). */
function countLines(store: Store, subject: MapSubject, topic: string, counties: MapCounty[], place: string, language: Language): string[] {
  if (subject.kind === 'county') return [t(language, 'map.count.county', { place, total: counties.length - 1 })];
  if (topic === AGREEMENT_TOPIC) {
    return subject.kind === 'state' ? stateAgreementCountLines(store, subject.state, language) : nationAgreementCountLines(store, language);
  }
  const withSheriff = counties.filter((c) => c.category !== 'no-sheriff');
  const count = (category: MapCategory) => withSheriff.filter((c) => c.category === category).length;
  return [t(language, 'map.count.policy', { yes: count('yes'), partial: count('partial'), no: count('no'), unknown: count('unknown'), counties: withSheriff.length })];
}

function sourceNotes(store: Store, subject: MapSubject, topic: string, listDate: string | undefined, language: Language): string[] {
  const notes: string[] = [];
  if (topic === AGREEMENT_TOPIC) {
    notes.push(listDate ? t(language, 'map.source.ice', { date: listDate }) : t(language, 'map.source.ice-missing'));
  } else {
    const state = subject.kind === 'state' ? subject.state : subject.kind === 'county' ? subject.county.state : undefined;
    const newest = store.positions.byTopic(topic, state).reduce((max, p) => (p.source.date > max ? p.source.date : max), '');
    const command = `positions ${topic}${state ? ` ${state}` : ''}`;
    notes.push(newest ? t(language, 'map.source.recorded', { date: newest, command }) : t(language, 'map.source.nothing'));
  }
  if (subject.kind === 'nation') notes.push(t(language, 'map.nation.insets'));
  if (subject.kind === 'county') notes.push(t(language, 'map.outlined', { place: subject.county.name }));
  notes.push(t(language, 'map.shapes'));
  return notes;
}

export function mapContent(store: Store, subject: MapSubject, topicId: string, language: Language): MapContent {
  const topic = topicById(topicId);
  const { place, jurisdictions, geometry } = countiesOf(store, subject);
  const categories = countyCategories(store, topic.id, jurisdictions);
  const counties = jurisdictions.map((jurisdiction) => ({ jurisdiction, category: categories.get(jurisdiction.fips)! }));
  const listDate = iceListDate(store);
  const shownPlace = subject.kind === 'nation' ? t(language, 'map.place.us') : place;
  const counted = countLines(store, subject, topic.id, counties, shownPlace, language);
  const title =
    subject.kind === 'county'
      ? t(language, 'map.title.county', { place: subject.county.name, topic: topicLabel(language, topic) })
      : topic.id === AGREEMENT_TOPIC
        ? t(language, 'map.title.287g', { place: shownPlace })
        : t(language, 'map.title.topic', { topic: topicLabel(language, topic), place: shownPlace });
  return {
    subject,
    topic: topic.id,
    geometry,
    place: shownPlace,
    title,
    lines: counted.slice(0, 1),
    underMap: counted.slice(1),
    legend: legendOf(topic.id, counties, listDate, language),
    notes: sourceNotes(store, subject, topic.id, listDate, language),
    counties,
    ...(subject.kind === 'county' ? { highlight: subject.county.fips } : {}),
    noSheriffStates: new Set(
      counties.filter((c) => c.category === 'no-sheriff').flatMap((c) => stateFips(c.jurisdiction.state) ?? []),
    ),
  };
}
