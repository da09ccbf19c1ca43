import { STATES, type StateCode } from '../domain/states.ts';
import { TOPICS, topicById, valueLabel, type Topic } from '../domain/topics.ts';
import type { Position } from '../domain/types.ts';
import { agreementCountsByState, agreementsInState } from '../queries/agreements.ts';
import { date, text, type Reply, type Rich, type Section } from '../reply.ts';
import type { Store } from '../store/index.ts';
import { perSource, sourceLine } from './format.ts';
import { paginate } from './paging.ts';
import type { Args, CommandDef } from './types.ts';

const ICE_DATASET = 'ice-287g';

function agreementList(topic: Topic, agreements: readonly Position[]): Rich {
  return agreements.flatMap((p, i): Rich => [
    text(i === 0 ? '' : '; '),
    text(valueLabel(topic, p.value)),
    ...(p.effectiveDate ? [text(' (signed '), date(p.effectiveDate), text(')')] : []),
  ]);
}

function iceSourceNotes(store: Store): Rich[] {
  const ice = store.imports.latest(ICE_DATASET);
  return ice ? [sourceLine('Source', { title: "ICE's 287(g) participating-agencies list", url: 'https://www.ice.gov/identify-and-arrest/287g', date: ice.version })] : [];
}

function agreementsInOneState(store: Store, state: StateCode, args: Args): Reply {
  const topic = topicById('287g');
  const { sheriffs, others } = agreementsInState(store, state);
  const rows: { section: 'sheriffs' | 'others'; line: Rich }[] = [
    ...sheriffs.map((s) => ({ section: 'sheriffs' as const, line: [text(s.jurisdiction.name, 'bold'), text(' — '), ...agreementList(topic, s.agreements)] })),
    ...others.map((o) => ({ section: 'others' as const, line: [text(o.office.name, 'bold'), text(' — '), ...agreementList(topic, o.agreements)] })),
  ];
  const page = paginate(rows, args.page as number | undefined, { command: 'positions', args: { topic: '287g', state } });
  const counties = store.jurisdictions.inState(state).length;
  const byModel = new Map<string, number>();
  for (const s of sheriffs) for (const a of s.agreements) byModel.set(a.value, (byModel.get(a.value) ?? 0) + 1);
  const models = [...byModel].map(([value, n]) => `${n} ${valueLabel(topic, value)}`).join(', ');
  const sections: Section[] = [];
  const sheriffLines = page.items.filter((r) => r.section === 'sheriffs').map((r) => r.line);
  const otherLines = page.items.filter((r) => r.section === 'others').map((r) => r.line);
  if (sheriffLines.length) sections.push({ heading: "Sheriff's offices", items: sheriffLines });
  if (otherLines.length) sections.push({ heading: 'Other agencies (police, state, corrections)', items: otherLines });
  return {
    status: 'ok',
    title: `287(g) agreements in ${STATES[state]}`,
    intro: [
      [text(`${sheriffs.length} of ${counties} sheriff's offices have a 287(g) agreement with ICE${models ? ` (${models})` : ''}.`)],
      [text(`${others.length} other ${others.length === 1 ? 'agency has' : 'agencies have'} one too.`)],
    ],
    sections: sections.length ? sections : [{ lines: [[text(`No agency in ${STATES[state]} is on ICE's list.`)]] }],
    notes: [...iceSourceNotes(store), [text('One county: '), text(`sheriff <county>, ${state}`, 'code')]],
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

function agreementsByState(store: Store, args: Args): Reply {
  const counts = [...agreementCountsByState(store)].sort((a, b) => b.sheriffOffices - a.sheriffOffices || a.state.localeCompare(b.state));
  const lines = counts.map((c): Rich => [
    text(`${STATES[c.state]} (${c.state})`, 'bold'),
    text(` — ${c.sheriffOffices} sheriff's offices, ${c.otherOffices} other agencies, ${c.agreements} agreements`),
  ]);
  const page = paginate(lines, args.page as number | undefined, { command: 'positions', args: { topic: '287g' } });
  const sheriffTotal = counts.reduce((n, c) => n + c.sheriffOffices, 0);
  return {
    status: 'ok',
    title: '287(g) agreements by state',
    intro: [[text(`${sheriffTotal} sheriff's offices in ${counts.length} states have a 287(g) agreement with ICE.`)]],
    sections: [{ items: page.items }],
    notes: [...iceSourceNotes(store), [text('One state: '), text('positions 287g TX', 'code')]],
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

function recordedPositions(store: Store, topic: Topic, state: StateCode | undefined, args: Args): Reply {
  const positions = store.positions.byTopic(topic.id, state);
  const where = state ? STATES[state] : 'any state';
  const lines = positions.map((p): Rich => [
    text(p.office.name, 'bold'),
    text(state ? '' : ` (${p.office.state})`),
    text(` — ${valueLabel(topic, p.value)}${p.detail ? `: ${p.detail}` : ''} (`),
    ...perSource(p.source),
    text(')'),
  ]);
  const page = paginate(lines, args.page as number | undefined, { command: 'positions', args: { topic: topic.id, ...(state ? { state } : {}) } });
  return {
    status: 'ok',
    title: `${topic.label}: ${state ? STATES[state] : 'all states'}`,
    intro: [[text(topic.description)]],
    sections: [{ items: page.items.length ? page.items : [[text(`Nothing recorded yet for ${where}. Unknown is not the same as no.`)]] }],
    notes: [[text('Ask your sheriff: '), text(topic.question, 'italic')]],
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

export const positionsCommand: CommandDef = {
  name: 'positions',
  description: "Sheriffs' recorded positions on one topic, e.g. every 287(g) agreement in a state",
  options: [
    {
      name: 'topic',
      description: 'What to list',
      type: 'choice',
      required: true,
      choices: TOPICS.map((t) => ({ value: t.id, label: t.label, aliases: t.aliases })),
    },
    { name: 'state', description: 'State, as a code (TX) or name (Texas)', type: 'state', required: false },
  ],
  permission: 'everyone',
  cacheable: true,
  paged: true,
  examples: ['positions 287g TX', 'positions 287g', 'positions detainers Oregon'],
  handler({ store }, args) {
    const topic = topicById(String(args.topic));
    const state = args.state as StateCode | undefined;
    if (topic.id === '287g') return state ? agreementsInOneState(store, state, args) : agreementsByState(store, args);
    return recordedPositions(store, topic, state, args);
  },
};
