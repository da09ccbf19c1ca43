import { STATES, type StateCode } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { resolvePlace } from '../lookup/resolve-place.ts';
import type { PlaceNote } from '../lookup/resolve-city.ts';
import { placeExample, type Platform } from './platform-example.ts';
import { msg } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import { UserError } from '../user-error.ts';
import { placeQuery } from '../present/format.ts';
import type { Args } from './types.ts';

export type Place = { kind: 'jurisdiction'; jurisdiction: Jurisdiction; note?: PlaceNote } | { kind: 'state'; state: StateCode };

/** Where the command was typed (for examples in its syntax) and whether cities and ZIP codes count. */
export interface PlaceReading {
  platform?: Platform | undefined;
  places?: boolean;
}

/**
 * Resolves the county (and state) arguments of a command to a jurisdiction or a bare state.
 * Ambiguous names come back as choices that re-run the same command; nothing is guessed.
 */
export function resolvePlaceArgs(store: Store, command: string, args: Args, reading: PlaceReading = {}): Place {
  const county = String(args.county ?? '');
  const state = args.state === undefined ? undefined : String(args.state);
  const result = resolvePlace(store, { county, state, places: reading.places === true });
  const example = (countyText: string, stateText?: string): string => placeExample(reading.platform, command, countyText, stateText);
  const rerun = (countyText: string, stateText: string) => ({ command, args: { county: countyText, state: stateText } });
  switch (result.kind) {
    case 'found':
      return { kind: 'jurisdiction', jurisdiction: result.jurisdiction, ...(result.note ? { note: result.note } : {}) };
    case 'state_only':
      return { kind: 'state', state: result.state };
    case 'bad_state': {
      const fixed = result.suggestion;
      if (!fixed) throw new UserError('bad_state', 'place.bad-state', { text: result.text }, [msg('place.bad-state.hint')]);
      // The county words stay as typed; the state becomes the one it was close to.
      const words = (state ? county : county.includes(',') ? county.slice(0, county.lastIndexOf(',')) : '').trim();
      throw new UserError(
        'bad_state',
        'place.bad-state',
        { text: result.text },
        [msg('places.state-typo', { state: STATES[fixed] })],
        [{ label: words ? `${words}, ${fixed}` : STATES[fixed], invocation: rerun(words || STATES[fixed], fixed) }],
      );
    }
    case 'ambiguous':
      if (result.cities?.length) {
        throw new UserError(
          'ambiguous_place',
          'place.ambiguous',
          { query: result.query, count: result.cities.length + result.candidates.length },
          [msg('places.cities-ambiguous', { example: example(result.cities[0]!.county, result.cities[0]!.state) })],
          [
            ...result.cities.map((c) => ({ label: c.label, invocation: rerun(c.county, c.state) })),
            ...result.candidates.map((j) => ({ label: placeQuery(j), invocation: rerun(j.name, j.state) })),
          ].slice(0, 25),
        );
      }
      throw new UserError(
        'ambiguous_place',
        'place.ambiguous',
        { query: result.query, count: result.candidates.length },
        [msg('place.ambiguous.hint', { example: example(result.candidates[0]!.name, result.candidates[0]!.state) })],
        result.candidates.slice(0, 25).map((j) => ({
          label: placeQuery(j),
          invocation: { command, args: { county: j.name, state: j.state } },
        })),
      );
    case 'not_found': {
      if (!result.query.trim()) {
        throw new UserError('missing_argument', 'place.which-county', {}, [msg('place.example', { example: example('Travis', 'TX') })]);
      }
      if (result.zip) {
        throw new UserError('zip_not_found', 'places.zip-unknown', { zip: result.zip }, [msg('places.zip-unknown.hint', { example: example('Houston', 'TX') })]);
      }
      const [only] = result.suggestions;
      const lines =
        result.suggestions.length === 1 && only
          ? [msg('place.did-you-mean', { place: placeQuery(only) })]
          : result.suggestions.length > 0
            ? [msg('place.closest')]
            : result.stateGiven || result.state
              ? [msg('places.check-spelling.state-given', { example: example('Travis', result.state ?? 'TX') })]
              : [msg('place.check-spelling', { example: example('Travis', 'TX') })];
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
