import type { Clock } from '../clock.ts';
import { STATES } from '../domain/states.ts';
import { TOPICS, topicById, topicLabel, valueLabel } from '../domain/topics.ts';
import type { Jurisdiction, OfficeHolder, Position, StateSheriffRule } from '../domain/types.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import { date, link, text, type Field, type Reply, type Rich, type Section } from '../reply.ts';
import type { Store } from '../store/index.ts';
import { holderDoubt, type HolderDoubt } from '../queries/holder-doubt.ts';
import { doubtLines } from './doubt-lines.ts';
import { electionDetails, electionHeadline } from './election-facts.ts';
import { electionFacts } from '../queries/election-facts.ts';
import { iceFreshnessLines } from './freshness-lines.ts';
import { phoneSpans } from './phone-span.ts';
import { neighbourLines } from './neighbour-lines.ts';
import { kindLabel, perSource, placeName, placeQuery, richMessage, sourceLine } from './format.ts';

const ICE_DATASET = 'ice-287g';

/** The full answer to "who is the sheriff of X and where do they stand?". */
export function sheriffCard(store: Store, clock: Clock, j: Jurisdiction, language: Language = 'en'): Reply {
  const rule = store.rules.forState(j.state);
  if (rule?.elected === 'no') return noSheriffReply(j.state, rule, j, language);
  const office = store.offices.sheriffOf(j.fips);
  const records = office ? store.holders.records(office.id) : [];
  const positions = office ? store.positions.live(office.id) : [];
  const facts = electionFacts(store, clock, j);
  return {
    status: 'ok',
    title: t(language, 'sheriff.title', { place: placeName(j) }),
    intro: [[text(t(language, 'sheriff.intro', { name: j.name, state: j.state, fips: j.fips, kind: kindLabel(j.kind, language) }))]],
    sections: [
      holderSection(records[0], holderDoubt(rule, j, records[0], facts.today, store.electionExceptions.forJurisdiction(j)), language),
      contactSection(records, language),
      agreementsSection(store, clock, positions.filter((p) => p.topic === '287g'), language),
      { heading: t(language, 'map.neighbours.heading'), lines: neighbourLines(store, j, language) },
      policiesSection(positions, language),
      { heading: t(language, 'sheriff.election'), lines: [electionHeadline(facts.next, language), ...electionDetails(facts.next, language)] },
    ],
    notes: [
      [text(t(language, 'sheriff.unknown-note'))],
      [text(t(language, 'format.more')), text(`election ${placeQuery(j)}`, 'code'), text(' · '), text(`positions 287g ${j.state}`, 'code')],
    ],
  };
}

function holderSection(holder: OfficeHolder | undefined, doubt: HolderDoubt | undefined, language: Language): Section {
  const heading = t(language, 'sheriff.heading');
  if (!holder) {
    return { heading, lines: [[text(t(language, 'sheriff.no-name')), text(t(language, 'sheriff.no-guess'))]] };
  }
  const name: Rich = [text(holder.name, 'bold')];
  if (holder.name !== holder.nameAsPrinted) name.push(text(t(language, 'sheriff.printed-as', { name: holder.nameAsPrinted })));
  const fields: Field[] = [
    { label: t(language, 'sheriff.name'), value: name },
    { label: t(language, 'format.source'), value: holderSource(holder, language) },
  ];
  if (holder.party) fields.push({ label: t(language, 'sheriff.party'), value: [text(holder.party)] });
  if (holder.selection !== 'unknown') fields.push({ label: t(language, 'sheriff.selection'), value: [text(t(language, `selection.${holder.selection}`))] });
  if (holder.tookOffice) fields.push({ label: t(language, 'sheriff.took-office'), value: [date(holder.tookOffice)] });
  if (holder.termEnd) fields.push({ label: t(language, 'sheriff.term-ends'), value: [date(holder.termEnd)] });
  return { heading, fields, lines: doubtLines(doubt, language) };
}

function holderSource(holder: OfficeHolder, language: Language): Rich {
  if (holder.sourceKind === 'election_winner') {
    return [text(t(language, 'sheriff.elected', { year: holder.source.date.slice(0, 4) })), ...perSource(holder.source, language), text(')')];
  }
  return perSource(holder.source, language);
}

const CONTACT_FIELDS = ['phone', 'email', 'address', 'website'] as const;

/** Each contact detail from the best-ranked record that has it, with that record's source. */
function contactSection(records: OfficeHolder[], language: Language): Section {
  const fields: Field[] = [];
  for (const key of CONTACT_FIELDS) {
    const record = records.find((r) => r[key]);
    const value = record?.[key];
    if (!record || !value) continue;
    const shown = key === 'phone' ? phoneSpans(value, language) : [key === 'website' && /^https?:\/\//i.test(value) ? link(value, value) : text(value)];
    fields.push({ label: t(language, `sheriff.${key}` as MessageKey), value: [...shown, text(' — '), ...perSource(record.source, language)] });
  }
  const heading = t(language, 'sheriff.contact');
  if (fields.length === 0) return { heading, lines: [[text(t(language, 'sheriff.no-contact'))]] };
  return { heading, fields };
}

function agreementsSection(store: Store, clock: Clock, agreements: Position[], language: Language): Section {
  const freshness = iceFreshnessLines(store, clock, language);
  const topic = topicById('287g');
  const live = agreements.filter((p) => p.value !== 'none');
  const heading = topicLabel(language, topic);
  if (live.length === 0) {
    const stated = agreements.find((p) => p.value === 'none');
    if (stated) return { heading, lines: [[text(t(language, 'sheriff.no-agreement')), ...perSource(stated.source, language)]] };
    const ice = store.imports.latest(ICE_DATASET);
    return {
      heading,
      lines: ice ? [richMessage(language, 'sheriff.not-on-ice-list', { date: date(ice.version) }), ...freshness] : [[text(t(language, 'sheriff.unknown'))]],
    };
  }
  const items = live.map((p): Rich => {
    const item: Rich = [text(valueLabel(topic, p.value, language), 'bold')];
    if (p.effectiveDate) item.push(...richMessage(language, 'sheriff.signed', { date: date(p.effectiveDate) }));
    if (p.documentUrl) item.push(text(' — '), link(t(language, 'sheriff.moa'), p.documentUrl));
    return item;
  });
  const sources = [...new Map(live.map((p) => [`${p.source.title}|${p.source.date}`, p.source])).values()];
  return { heading: t(language, 'sheriff.agreements'), items, lines: [...sources.map((s) => sourceLine(t(language, 'format.source'), s, language)), ...freshness] };
}

function policiesSection(positions: Position[], language: Language): Section {
  const items = TOPICS.filter((topic) => topic.id !== '287g').map((topic): Rich => {
    const label = topicLabel(language, topic);
    const recorded = positions.filter((p) => p.topic === topic.id);
    if (recorded.length === 0) {
      return [text(t(language, 'sheriff.topic', { label })), text(t(language, 'sheriff.topic.unknown'), 'italic'), text(t(language, 'sheriff.topic.not-recorded'))];
    }
    return recorded.flatMap((p, i): Rich => [
      text(i === 0 ? t(language, 'sheriff.topic', { label }) : '; '),
      text(valueLabel(topic, p.value, language), 'bold'),
      ...(p.detail ? [text(` — ${p.detail}`)] : []),
      text(' ('),
      ...perSource(p.source, language),
      text(')'),
    ]);
  });
  return { heading: t(language, 'sheriff.other-policies'), items };
}

/** States (or places) where no county sheriff is elected: say so and who does the job. */
export function noSheriffReply(state: keyof typeof STATES, rule: StateSheriffRule, j?: Jurisdiction, language: Language = 'en'): Reply {
  const where = j ? placeName(j) : STATES[state];
  return {
    status: 'ok',
    title: t(language, 'no-sheriff.title', { place: where }),
    intro: [[text(t(language, 'no-sheriff.none', { state: STATES[state] }))], [text(t(language, 'no-sheriff.instead', { exceptions: rule.exceptions }))]],
    sections: [],
    notes: [[text(t(language, 'format.sources')), ...rule.sourceUrls.flatMap((url, i) => [...(i > 0 ? [text(' · ')] : []), link(url, url)])]],
  };
}
