import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { resolvePlace } from '../lookup/resolve-place.ts';
import { t, type Language } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import { LegacyUserError, UserError } from './errors.ts';
import { placeQuery } from './format.ts';
import type { Args } from './types.ts';

export type Place = { kind: 'jurisdiction'; jurisdiction: Jurisdiction } | { kind: 'state'; state: StateCode };

/**
 * Resolves the county (and state) arguments of a command to a jurisdiction or a bare state.
 * Ambiguous names come back as choices that re-run the same command; nothing is guessed.
 */
export function resolvePlaceArgs(store: Store, command: string, args: Args, language: Language = 'en'): Place {
  const county = String(args.county ?? '');
  const state = args.state === undefined ? undefined : String(args.state);
  const result = resolvePlace(store, { county, state });
  switch (result.kind) {
    case 'found':
      return { kind: 'jurisdiction', jurisdiction: result.jurisdiction };
    case 'state_only':
      return { kind: 'state', state: result.state };
    case 'bad_state':
      throw new LegacyUserError('bad_state', t(language, 'place.bad-state', { text: result.text }), [t(language, 'place.bad-state.hint')]);
    case 'ambiguous':
      throw new LegacyUserError(
        'ambiguous_place',
        t(language, 'place.ambiguous', { query: result.query, count: result.candidates.length }),
        [t(language, 'place.ambiguous.hint', { example: `${command} ${placeQuery(result.candidates[0]!)}` })],
        result.candidates.slice(0, 25).map((j) => ({
          label: placeQuery(j),
          invocation: { command, args: { county: j.name, state: j.state } },
        })),
      );
    case 'not_found': {
      if (!result.query.trim()) {
        throw new LegacyUserError('missing_argument', t(language, 'place.which-county'), [t(language, 'place.example', { example: `${command} Travis, TX` })]);
      }
      const [only] = result.suggestions;
      const lines =
        result.suggestions.length === 1 && only
          ? [t(language, 'place.did-you-mean', { place: placeQuery(only) })]
          : result.suggestions.length > 0
            ? [t(language, 'place.closest')]
            : [t(language, 'place.check-spelling', { example: `${command} Travis, TX` })];
      throw new LegacyUserError(
        'place_not_found',
        result.state
          ? t(language, 'place.not-found.in', { query: result.query, state: STATES[result.state] })
          : t(language, 'place.not-found', { query: result.query }),
        lines,
        result.suggestions.map((j) => ({ label: placeQuery(j), invocation: { command, args: { county: j.name, state: j.state } } })),
      );
    }
  }
}
