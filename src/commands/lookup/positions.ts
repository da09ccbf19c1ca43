import type { Clock } from '../../clock.ts';
import { STATES, type StateCode } from '../../domain/states.ts';
import { ICE_287G_PAGE } from '../../importers/ice-287g.ts';
import { topicById, topicDescription, topicLabel, topicQuestion, valueLabel, type Topic } from '../../domain/topics.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import { agreementCountsByState, agreementCountsInState, agreementListingPage, type AgreementListing } from '../../queries/agreements.ts';
import { date, text, type Reply, type Rich, type Section } from '../../reply.ts';
import type { Store } from '../../store/index.ts';
import { stateAgreementCountLines } from '../../present/agreement-count-lines.ts';
import { iceFreshnessLines } from '../../present/freshness-lines.ts';
import { perSource, richMessage, sourceLine } from '../../present/format.ts';
import { pageWindow, paginate } from '../../framework/paging.ts';
import type { Args, CommandDef } from '../../framework/types.ts';
import { TOPIC_CHOICES } from '../../framework/topic-choices.ts';
import { STATE_OPTION } from '../../framework/options.ts';

const ICE_DATASET = 'ice-287g';

function agreementList(topic: Topic, agreements: AgreementListing['agreements'], language: Language): Rich {
  return agreements.flatMap((p, i): Rich => [
    text(i === 0 ? '' : '; '),
    text(valueLabel(topic, p.value, language)),
    ...(p.effectiveDate ? richMessage(language, 'positions.signed', { date: date(p.effectiveDate) }) : []),
  ]);
}

function iceSourceNotes(store: Store, clock: Clock, language: Language): Rich[] {
  const ice = store.imports.latest(ICE_DATASET);
  return ice
    ? [
        sourceLine(t(language, 'format.source'), { title: t(language, 'positions.ice-list'), url: ICE_287G_PAGE, date: ice.version }, language),
        ...iceFreshnessLines(store, clock, language),
      ]
    : [];
}

function agreementsInOneState(store: Store, clock: Clock, state: StateCode, args: Args, language: Language): Reply {
  const topic = topicById('287g');
  const counts = agreementCountsInState(store, state);
  const window = pageWindow(counts.sheriffOffices + counts.otherOffices, args.page as number | undefined, {
    command: 'positions',
    args: { topic: '287g', state },
  });
  const listed = agreementListingPage(store, state, window.offset, window.size);
  const line = (r: AgreementListing): Rich => [text(r.name, 'bold'), text(' — '), ...agreementList(topic, r.agreements, language)];
  const sheriffLines = listed.filter((r) => r.sheriff).map(line);
  const otherLines = listed.filter((r) => !r.sheriff).map(line);
  const sections: Section[] = [];
  if (sheriffLines.length) sections.push({ heading: t(language, 'positions.sheriffs'), items: sheriffLines });
  if (otherLines.length) sections.push({ heading: t(language, 'positions.others'), items: otherLines });
  return {
    status: 'ok',
    title: t(language, 'positions.state.title', { state: STATES[state] }),
    intro: stateAgreementCountLines(store, state, language).map((line) => [text(line)]),
    sections: sections.length ? sections : [{ lines: [[text(t(language, 'positions.state.none', { state: STATES[state] }))]] }],
    notes: [...iceSourceNotes(store, clock, language), [text(t(language, 'positions.one-county')), text(`sheriff <county>, ${state}`, 'code')]],
    ...(window.paging ? { paging: window.paging } : {}),
  };
}

function agreementsByState(store: Store, clock: Clock, args: Args, language: Language): Reply {
  const counts = [...agreementCountsByState(store)].sort((a, b) => b.sheriffOffices - a.sheriffOffices || a.state.localeCompare(b.state));
  const lines = counts.map((c): Rich => [
    text(`${STATES[c.state]} (${c.state})`, 'bold'),
    text(t(language, 'positions.states.line', { sheriffs: c.sheriffOffices, others: c.otherOffices, agreements: c.agreements })),
  ]);
  const page = paginate(lines, args.page as number | undefined, { command: 'positions', args: { topic: '287g' } });
  const sheriffTotal = counts.reduce((n, c) => n + c.sheriffOffices, 0);
  return {
    status: 'ok',
    title: t(language, 'positions.states.title'),
    intro: [[text(t(language, 'positions.states.intro', { count: sheriffTotal, states: counts.length }))]],
    sections: [{ items: page.items }],
    notes: [...iceSourceNotes(store, clock, language), [text(t(language, 'positions.one-state')), text('positions 287g TX', 'code')]],
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

function recordedPositions(store: Store, topic: Topic, state: StateCode | undefined, args: Args, language: Language): Reply {
  const positions = store.positions.byTopic(topic.id, state);
  const where = state ? STATES[state] : t(language, 'positions.any-state');
  const lines = positions.map((p): Rich => [
    text(p.office.name, 'bold'),
    text(state ? '' : ` (${p.office.state})`),
    text(` — ${valueLabel(topic, p.value, language)}${p.detail ? `: ${p.detail}` : ''} (`),
    ...perSource(p.source, language),
    text(')'),
  ]);
  const page = paginate(lines, args.page as number | undefined, { command: 'positions', args: { topic: topic.id, ...(state ? { state } : {}) } });
  return {
    status: 'ok',
    title: t(language, 'positions.topic.title', { topic: topicLabel(language, topic), where: state ? STATES[state] : t(language, 'positions.all-states') }),
    intro: [[text(topicDescription(language, topic))]],
    sections: [{ items: page.items.length ? page.items : [[text(t(language, 'positions.nothing', { where }))]] }],
    notes: [[text(t(language, 'positions.ask')), text(topicQuestion(language, topic), 'italic')]],
    ...(page.paging ? { paging: page.paging } : {}),
  };
}

export const positionsCommand: CommandDef = {
  name: 'positions',
  options: [
    {
      name: 'topic',
      type: 'choice',
      required: true,
      choices: TOPIC_CHOICES,
    },
    STATE_OPTION,
  ],
  permission: 'everyone',
  cacheable: true,
  paged: true,
  examples: ['positions 287g TX', 'positions 287g', 'positions detainers Oregon'],
  handler(ctx, args) {
    const { store } = ctx;
    const language = languageFor(ctx);
    const topic = topicById(String(args.topic));
    const state = args.state as StateCode | undefined;
    if (topic.id === '287g') return state ? agreementsInOneState(store, ctx.clock, state, args, language) : agreementsByState(store, ctx.clock, args, language);
    return recordedPositions(store, topic, state, args, language);
  },
};
