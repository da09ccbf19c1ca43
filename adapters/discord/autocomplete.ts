/**
 * Autocomplete suggestions for an option, from its core type: counties, cities and ZIP codes from the core
 * (narrowed by the command's state option once it names a state), states by code or name,
 * and long choice lists. At most 25 suggestions, names and values at most 100 characters.
 */
import { STATES, STATE_CODES, parseState } from '../../src/domain/states.ts';
import type { CommandDef, OptionDef } from '../../src/framework/types.ts';
import { suggestPlaces } from '../../src/lookup/place-suggestions.ts';
import type { Store } from '../../src/store/index.ts';
import { MAX_CHOICES } from './command-registration.ts';
import { fitPlain } from './render-markdown.ts';

export interface Suggestion {
  name: string;
  value: string;
}

const MAX_TEXT = 100;

const fit = (name: string, value: string): Suggestion | undefined =>
  value.length <= MAX_TEXT ? { name: fitPlain(name, MAX_TEXT), value } : undefined;

function counties(store: Store, typed: string, stateText: string | undefined): Suggestion[] {
  // A state still being typed ("tex") narrows nothing rather than hiding every county.
  const state = stateText && parseState(stateText) ? stateText : undefined;
  return suggestPlaces(store, typed, state, MAX_CHOICES)
    .map((s) => fit(s.label, s.value))
    .filter((s): s is Suggestion => s !== undefined);
}

function states(typed: string): Suggestion[] {
  const text = typed.trim().toLowerCase();
  const exact = parseState(typed);
  const scored = STATE_CODES.map((code) => {
    const name = STATES[code].toLowerCase();
    const rank = code === exact ? 0 : code.toLowerCase().startsWith(text) ? 1 : name.startsWith(text) ? 2 : name.includes(text) ? 3 : 9;
    return { code, rank };
  }).filter((s) => s.rank < 9);
  scored.sort((a, b) => a.rank - b.rank || STATES[a.code].localeCompare(STATES[b.code]));
  return scored.slice(0, MAX_CHOICES).map(({ code }) => ({ name: `${STATES[code]} (${code})`, value: code }));
}

function choices(option: OptionDef, typed: string): Suggestion[] {
  const text = typed.trim().toLowerCase();
  return (option.choices ?? [])
    .filter((c) => !text || [c.value, c.label, ...(c.aliases ?? [])].some((word) => word.toLowerCase().includes(text)))
    .slice(0, MAX_CHOICES)
    .map((c) => fit(c.label, c.value))
    .filter((s): s is Suggestion => s !== undefined);
}

/** `values` are what the user has filled in so far, by option name. */
export function suggest(store: Store, command: CommandDef, optionName: string, typed: string, values: Record<string, unknown>): Suggestion[] {
  const option = command.options.find((o) => o.name === optionName);
  switch (option?.type) {
    case 'county': {
      const stateOption = command.options.find((o) => o.type === 'state');
      const stateText = stateOption ? values[stateOption.name] : undefined;
      return counties(store, typed, typeof stateText === 'string' ? stateText : undefined);
    }
    case 'state':
      return states(typed);
    case 'choice':
      return choices(option, typed);
    default:
      return [];
  }
}
