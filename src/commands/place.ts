import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { resolvePlace } from '../lookup/resolve-place.ts';
import { msg } from '../i18n/index.ts';
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
      throw new UserError('bad_state', 'place.bad-state', { text: result.text }, [msg('place.bad-state.hint')]);
    case 'ambiguous':
      throw new UserError(
        'ambiguous_place',
        'place.ambiguous',
        { query: result.query, count: result.candidates.length },
        [msg('place.ambiguous.hint', { example: `${command} ${placeQuery(result.candidates[0]!)}` })],
        result.candidates.slice(0, 25).map((j) => ({
          label: placeQuery(j),
          invocation: { command, args: { county: j.name, state: j.state } },
        })),
      );
    case 'not_found': {
      if (!result.query.trim()) {
        throw new UserError('missing_argument', 'place.which-county', {}, [msg('place.example', { example: `${command} Travis, TX` })]);
      }
      const [only] = result.suggestions;
      const lines =
        result.suggestions.length === 1 && only
          ? [msg('place.did-you-mean', { place: placeQuery(only) })]
          : result.suggestions.length > 0
            ? [msg('place.closest')]
            : [msg('place.check-spelling', { example: `${command} Travis, TX` })];
      throw new UserError(
        'place_not_found',
        result.state ? 'place.not-found.in' : 'place.not-found',
        result.state ? { query: result.query, state: STATES[result.state] } : { query: result.query },
        lines,
        result.suggestions.map((j) => ({ label: placeQuery(j), invocation: { command, args: { county: j.name, state: j.state } } })),
      );
    }
  }
}
