/**
 * Reads a command's county text as a city or ZIP code before the command runs ("Houston, TX"
 * → Harris County), and puts what was read on top of the answer, with the other counties and
 * readings one tap away. Commands themselves only ever see a county.
 */
import { parseState } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { t, type Language } from '../i18n/index.ts';
import type { PlaceNote } from '../lookup/resolve-city.ts';
import { text, type Choice, type Reply } from '../reply.ts';
import { placeQuery } from '../present/format.ts';
import { resolvePlaceArgs } from './place.ts';
import type { Args, CommandContext, CommandDef } from './types.ts';

export interface PlaceArgs {
  args: Args;
  note?: PlaceNote;
}

/**
 * For commands everyone uses (moderators record facts about counties they name exactly):
 * the county option, when it names a city or ZIP code, becomes that county. Errors about the
 * place are thrown here, with examples in the caller's platform's syntax.
 */
export function readPlaceArgs(ctx: CommandContext, command: CommandDef, args: Args): PlaceArgs {
  const index = command.options.findIndex((o) => o.type === 'county');
  const option = command.options[index];
  const countyText = option ? args[option.name] : undefined;
  // Only where the county text is the place and nothing else (subscribe reads kinds off its end).
  const placeOnly = command.options.slice(index + 1).every((o) => o.type === 'state');
  if (command.permission !== 'everyone' || !option || !placeOnly || typeof countyText !== 'string' || !countyText.trim()) return { args };
  const platform = ctx.conversation?.platform;
  const read = (): ReturnType<typeof resolvePlaceArgs> =>
    resolvePlaceArgs(ctx.store, command.name, { ...args, county: countyText }, { platform, places: true });
  let place: ReturnType<typeof resolvePlaceArgs>;
  try {
    place = read();
  } catch (error) {
    // A state ("Texas", "New York") may mean the whole state: the command decides, and says what is wrong.
    if (parseState(countyText.trim())) return { args };
    throw error;
  }
  if (place.kind !== 'jurisdiction' || !place.note) return { args };
  const stateOption = command.options.find((o) => o.type === 'state');
  const rewritten: Args = { ...args, [option.name]: placeQuery(place.jurisdiction) };
  if (stateOption) delete rewritten[stateOption.name];
  return { args: rewritten, note: place.note };
}

const countyName = (j: Jurisdiction): string => `${j.name}, ${j.state}`;

/** The reply with the note's lines first and its alternatives as choices. */
export function withPlaceNote(reply: Reply, note: PlaceNote, language: Language, command: string, args: Args): Reply {
  const county = (j: Jurisdiction): Choice => ({ label: countyName(j), invocation: { command, args: { ...plainArgs(args), county: placeQuery(j) } } });
  const lines: string[] = [];
  const others = note.others.map(countyName).join(', ');
  if (note.kind === 'city') {
    lines.push(t(language, 'places.city-in', { place: note.place, county: chosenName(args) }));
    if (note.others.length > 0) lines.push(t(language, 'places.city-also', { counties: others }));
  } else if (note.kind === 'zip') {
    lines.push(
      note.postOffice
        ? t(language, 'places.zip-in', { zip: note.place, postOffice: note.postOffice, county: chosenName(args) })
        : t(language, 'places.zip-in.bare', { zip: note.place, county: chosenName(args) }),
    );
    lines.push(note.others.length > 0 ? t(language, 'places.zip-also', { counties: others }) : t(language, 'places.zip-cross'));
  } else {
    lines.push(t(language, 'places.county-chosen', { place: note.place }));
  }
  if (note.kind !== 'county' && note.alternatives.length > 0) lines.push(t(language, 'places.other-readings'));
  const choices: Choice[] = [
    ...note.others.map(county),
    ...note.alternatives.map((offer) => ({ label: offer.label, invocation: { command, args: { ...plainArgs(args), county: `${offer.county}, ${offer.state}` } } })),
  ];
  return {
    ...reply,
    intro: [...lines.map((line) => [text(line)]), ...(reply.intro ?? [])],
    choices: [...choices, ...(reply.choices ?? [])].slice(0, 25),
  };
}

/** The county the arguments were rewritten to, as "Harris County, TX". */
function chosenName(args: Args): string {
  return String(args.county ?? '');
}

/** Arguments a choice can carry (numbers and text; the page starts over). */
function plainArgs(args: Args): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(args)) if (value !== undefined && name !== 'page') out[name] = value;
  return out;
}

/** Runs the place reading for a command and returns what to run and how to finish the reply. */
export function placeStep(ctx: CommandContext, command: CommandDef, args: Args): { args: Args; finish: (reply: Reply) => Reply } {
  const read = readPlaceArgs(ctx, command, args);
  const note = read.note;
  if (!note) return { args: read.args, finish: (reply) => reply };
  return { args: read.args, finish: (reply) => withPlaceNote(reply, note, languageFor(ctx), command.name, read.args) };
}
