import { parseState } from '../../domain/states.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { t, type Language } from '../../i18n/index.ts';
import type { MapSubject } from '../../maps/map-content.ts';
import { altText, categoryLines } from '../../maps/map-words.ts';
import type { RenderedMap } from '../../maps/render-map.ts';
import { text, type Reply, type Rich } from '../../reply.ts';
import type { Store } from '../../store/index.ts';
import { neighbourLines } from '../../present/neighbour-lines.ts';
import { parseChoice } from '../../framework/parse.ts';
import { resolvePlaceArgs } from '../../framework/place.ts';
import { STATE_OPTION } from '../../framework/options.ts';
import { noSheriffReply } from '../../present/sheriff-card.ts';
import { TOPIC_CHOICES } from '../../framework/topic-choices.ts';
import type { Args, CommandDef, OptionDef } from '../../framework/types.ts';

/** Described in the catalog under `command.map.option.<name>`: the place may be a state, a county or the country. */
const PLACE_OPTION: OptionDef = { name: 'county', type: 'county', required: true };
const TOPIC_OPTION: OptionDef = { name: 'topic', type: 'choice', required: false, choices: TOPIC_CHOICES };

const NATION = new Set(['us', 'usa', 'u s', 'u s a', 'united states', 'the united states', 'nation', 'eeuu', 'ee uu', 'estados unidos']);
const isNation = (typed: string) => NATION.has(typed.toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim());

/** What to draw: the country, a state, or a county and its neighbours. */
function subjectOf(store: Store, args: Args): MapSubject {
  const typed = String(args.county ?? '').trim();
  if (isNation(typed)) return { kind: 'nation' };
  const named = parseState(typed);
  const state = args.state === undefined ? undefined : parseState(String(args.state));
  if (named && (!state || state === named)) return { kind: 'state', state: named };
  // 'map Texas bogus': a place, then a word that is no topic. Say so, rather than "no county called 'Texas bogus'".
  const words = typed.split(' ');
  const head = words.slice(0, -1).join(' ');
  if (words.length > 1 && (isNation(head) || parseState(head))) parseChoice(TOPIC_OPTION, words.at(-1)!, mapCommand);
  const place = resolvePlaceArgs(store, 'map', args);
  return place.kind === 'state' ? { kind: 'state', state: place.state } : { kind: 'county', county: place.jurisdiction };
}

function fileName(subject: MapSubject, topic: string, language: Language): string {
  const where = subject.kind === 'nation' ? 'us' : subject.kind === 'state' ? subject.state : `${subject.county.name}-${subject.county.state}`;
  return `${t(language, 'map.file')}-${topic}-${where}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-') + '.png';
}

function mapReply(store: Store, rendered: RenderedMap, language: Language): Reply {
  const { content } = rendered;
  const words: Rich[] = categoryLines(content, language).map((line) => [text(line)]);
  if (rendered.unlabelled.length && content.subject.kind !== 'nation') {
    words.push([text(t(language, 'map.text.unlabelled', { names: [...rendered.unlabelled].sort((a, b) => a.localeCompare(b)).join(', ') }))]);
  }
  const sections: Reply['sections'] = [{ heading: t(language, 'map.text.heading'), items: words }];
  if (content.subject.kind === 'county') sections.push({ heading: t(language, 'map.neighbours.heading'), lines: neighbourLines(store, content.subject.county, language, false) });
  return {
    status: 'ok',
    title: content.title,
    intro: [...content.lines, ...content.underMap].map((line) => [text(line)]),
    sections,
    notes: content.notes.map((note) => [text(note)]),
    attachments: [{ filename: fileName(content.subject, content.topic, language), contentType: 'image/png', content: rendered.png, altText: altText(content, language) }],
  };
}

export const mapCommand: CommandDef = {
  name: 'map',
  options: [PLACE_OPTION, STATE_OPTION, TOPIC_OPTION],
  permission: 'everyone',
  examples: ['map Texas', 'map Travis, TX', 'map us'],
  async handler(ctx, args) {
    const { store } = ctx;
    const language = languageFor(ctx);
    const subject = subjectOf(store, args);
    const state = subject.kind === 'state' ? subject.state : subject.kind === 'county' ? subject.county.state : undefined;
    const rule = state ? store.rules.forState(state) : undefined;
    if (state && rule?.elected === 'no') return noSheriffReply(state, rule, subject.kind === 'county' ? subject.county : undefined, language);
    // Loaded on the first map: the shapes, d3 and resvg's native module stay out of a bot that never draws one.
    const { renderMap } = await import('../../maps/render-map.ts');
    const rendered = await renderMap(store, subject, String(args.topic ?? '287g'), language);
    return mapReply(store, rendered, language);
  },
};

