import type { Clock } from '../clock.ts';
import { STATES } from '../domain/states.ts';
import { TOPICS, topicById, valueLabel } from '../domain/topics.ts';
import type { Jurisdiction, OfficeHolder, Position, StateSheriffRule } from '../domain/types.ts';
import { date, link, text, type Field, type Reply, type Rich, type Section } from '../reply.ts';
import type { Store } from '../store/index.ts';
import { electionDetails, electionFacts, electionHeadline, type ElectionFacts } from './election-facts.ts';
import { kindLabel, perSource, placeName, placeQuery, sourceLine } from './format.ts';

const ICE_DATASET = 'ice-287g';

/** The full answer to "who is the sheriff of X and where do they stand?". */
export function sheriffCard(store: Store, clock: Clock, j: Jurisdiction): Reply {
  const rule = store.rules.forState(j.state);
  if (rule?.elected === 'no') return noSheriffReply(j.state, rule, j);
  const office = store.offices.sheriffOf(j.fips);
  const records = office ? store.holders.records(office.id) : [];
  const positions = office ? store.positions.live(office.id) : [];
  const facts = electionFacts(store, clock, j);
  return {
    status: 'ok',
    title: `Sheriff of ${placeName(j)}`,
    intro: [[text(`${j.name}, ${j.state} · FIPS ${j.fips} · ${kindLabel(j.kind)}`)]],
    sections: [
      holderSection(records[0], facts),
      contactSection(records),
      agreementsSection(store, positions.filter((p) => p.topic === '287g')),
      policiesSection(positions),
      { heading: 'Election', lines: [electionHeadline(facts.next), ...electionDetails(facts.next)] },
    ],
    notes: [
      [text('Unknown means nobody has recorded it yet — not that the answer is no.')],
      [text('More: '), text(`election ${placeQuery(j)}`, 'code'), text(' · '), text(`positions 287g ${j.state}`, 'code')],
    ],
  };
}

function holderSection(holder: OfficeHolder | undefined, facts: ElectionFacts): Section {
  if (!holder) {
    return {
      heading: 'Sheriff',
      lines: [[text('Name not in our records. '), text('We do not guess names: check the county website.')]],
    };
  }
  const name: Rich = [text(holder.name, 'bold')];
  if (holder.name !== holder.nameAsPrinted) name.push(text(` (printed as "${holder.nameAsPrinted}")`));
  const fields: Field[] = [{ label: 'Name', value: name }, { label: 'Source', value: holderSource(holder) }];
  if (holder.party) fields.push({ label: 'Party', value: [text(holder.party)] });
  if (holder.selection !== 'unknown') fields.push({ label: 'Selection', value: [text(holder.selection)] });
  if (holder.tookOffice) fields.push({ label: 'Took office', value: [date(holder.tookOffice)] });
  if (holder.termEnd) fields.push({ label: 'Term ends', value: [date(holder.termEnd)] });
  const lines: Rich[] = [];
  if (facts.last && holder.source.date < facts.last) {
    lines.push([
      text('This name predates the regular sheriff election of '),
      date(facts.last),
      text('; that result is not in our records yet, so the sheriff may have changed.'),
    ]);
  }
  return { heading: 'Sheriff', fields, lines };
}

function holderSource(holder: OfficeHolder): Rich {
  if (holder.sourceKind === 'election_winner') {
    return [text(`elected ${holder.source.date.slice(0, 4)} — not confirmed as current (`), ...perSource(holder.source), text(')')];
  }
  return perSource(holder.source);
}

const CONTACT_FIELDS = [
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['address', 'Address'],
  ['website', 'Website'],
] as const;

/** Each contact detail from the best-ranked record that has it, with that record's source. */
function contactSection(records: OfficeHolder[]): Section {
  const fields: Field[] = [];
  for (const [key, label] of CONTACT_FIELDS) {
    const record = records.find((r) => r[key]);
    const value = record?.[key];
    if (!record || !value) continue;
    const shown = key === 'website' && /^https?:\/\//i.test(value) ? link(value, value) : text(value);
    fields.push({ label, value: [shown, text(' — '), ...perSource(record.source)] });
  }
  if (fields.length === 0) {
    return { heading: 'Contact', lines: [[text('No phone, email or address on file. Try the county government website or directory.')]] };
  }
  return { heading: 'Contact', fields };
}

function agreementsSection(store: Store, agreements: Position[]): Section {
  const topic = topicById('287g');
  const live = agreements.filter((p) => p.value !== 'none');
  if (live.length === 0) {
    const stated = agreements.find((p) => p.value === 'none');
    if (stated) return { heading: topic.label, lines: [[text('No agreement '), ...perSource(stated.source)]] };
    const ice = store.imports.latest(ICE_DATASET);
    return {
      heading: topic.label,
      lines: [ice ? [text("Not on ICE's 287(g) participating-agencies list as of "), date(ice.version), text('.')] : [text('Unknown.')]],
    };
  }
  const items = live.map((p): Rich => {
    const item: Rich = [text(valueLabel(topic, p.value), 'bold')];
    if (p.effectiveDate) item.push(text(' — signed '), date(p.effectiveDate));
    if (p.documentUrl) item.push(text(' — '), link('agreement (MOA)', p.documentUrl));
    return item;
  });
  const sources = [...new Map(live.map((p) => [`${p.source.title}|${p.source.date}`, p.source])).values()];
  return { heading: `${topic.label}s with ICE`, items, lines: sources.map((s) => sourceLine('Source', s)) };
}

function policiesSection(positions: Position[]): Section {
  const items = TOPICS.filter((t) => t.id !== '287g').map((topic): Rich => {
    const recorded = positions.filter((p) => p.topic === topic.id);
    if (recorded.length === 0) return [text(`${topic.label}: `), text('unknown', 'italic'), text(' — not recorded yet.')];
    return recorded.flatMap((p, i): Rich => [
      text(i === 0 ? `${topic.label}: ` : '; '),
      text(valueLabel(topic, p.value), 'bold'),
      ...(p.detail ? [text(` — ${p.detail}`)] : []),
      text(' ('),
      ...perSource(p.source),
      text(')'),
    ]);
  });
  return { heading: 'Other policies', items };
}

/** States (or places) where no county sheriff is elected: say so and who does the job. */
export function noSheriffReply(state: keyof typeof STATES, rule: StateSheriffRule, j?: Jurisdiction): Reply {
  const where = j ? placeName(j) : STATES[state];
  return {
    status: 'ok',
    title: `${where}: no elected county sheriff`,
    intro: [[text(`${STATES[state]} has no elected county sheriffs.`)], [text(`Instead: ${rule.exceptions}.`)]],
    sections: [],
    notes: [[text('Sources: '), ...rule.sourceUrls.flatMap((url, i) => [...(i > 0 ? [text(' · ')] : []), link(url, url)])]],
  };
}
