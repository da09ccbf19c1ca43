import { parseState } from '../domain/states.ts';
import type { Store } from '../store/index.ts';
import { resolvePlaceArgs, type Place, type PlaceReading } from './place.ts';
import type { Args } from './types.ts';

/**
 * A county or a whole state, for commands whose scope may be either (subscribe, calendar).
 * A bare state name means the state, even where a county shares it ("Texas" is also a county
 * in Missouri and Oklahoma: those are reached as "Texas County, MO").
 */
export function countyOrState(store: Store, command: string, args: Args, countyText = String(args.county ?? ''), reading: PlaceReading = {}): Place {
  const state = args.state === undefined ? undefined : parseState(String(args.state));
  const named = parseState(countyText.trim());
  if (named && (!state || state === named)) return { kind: 'state', state: named };
  return resolvePlaceArgs(store, command, { ...args, county: countyText }, reading);
}
