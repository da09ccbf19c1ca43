import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { resolvePlace } from '../lookup/resolve-place.ts';
import type { Store } from '../store/index.ts';
import { UserError } from './errors.ts';
import { placeQuery } from './format.ts';
import type { Args } from './types.ts';

export type Place = { kind: 'jurisdiction'; jurisdiction: Jurisdiction } | { kind: 'state'; state: StateCode };

/**
 * Resolves the county (and state) arguments of a command to a jurisdiction or a bare state.
 * Ambiguous names come back as choices that re-run the same command; nothing is guessed.
 */
export function resolvePlaceArgs(store: Store, command: string, args: Args): Place {
  const county = String(args.county ?? '');
  const state = args.state === undefined ? undefined : String(args.state);
  const result = resolvePlace(store, { county, state });
  switch (result.kind) {
    case 'found':
      return { kind: 'jurisdiction', jurisdiction: result.jurisdiction };
    case 'state_only':
      return { kind: 'state', state: result.state };
    case 'bad_state':
      throw new UserError('bad_state', `"${result.text}" is not a US state`, [
        'Use a two-letter code such as TX, or the full name such as Texas.',
      ]);
    case 'ambiguous':
      throw new UserError(
        'ambiguous_place',
        `"${result.query}" could mean ${result.candidates.length} places`,
        ['Which one? Pick one below, or add the state, e.g. `' + `${command} ${placeQuery(result.candidates[0]!)}` + '`.'],
        result.candidates.slice(0, 25).map((j) => ({
          label: placeQuery(j),
          invocation: { command, args: { county: j.name, state: j.state } },
        })),
      );
    case 'not_found': {
      const where = result.state ? ` in ${STATES[result.state]}` : '';
      if (!result.query.trim()) {
        throw new UserError('missing_argument', 'Which county?', [`Example: \`${command} Travis, TX\``]);
      }
      const [only] = result.suggestions;
      const lines =
        result.suggestions.length === 1 && only
          ? [`Did you mean ${placeQuery(only)}?`]
          : result.suggestions.length > 0
            ? ['The closest names are below.']
            : ['Check the spelling, and add the state, e.g. `' + `${command} Travis, TX` + '`.'];
      throw new UserError(
        'place_not_found',
        `No county called "${result.query}"${where}`,
        lines,
        result.suggestions.map((j) => ({ label: placeQuery(j), invocation: { command, args: { county: j.name, state: j.state } } })),
      );
    }
  }
}
