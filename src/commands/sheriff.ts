import { STATES } from '../domain/states.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { msg } from '../i18n/index.ts';
import { UserError } from './errors.ts';
import { resolvePlaceArgs } from './place.ts';
import { noSheriffReply, sheriffCard } from './sheriff-card.ts';
import type { CommandDef, OptionDef } from './types.ts';

export const COUNTY_OPTION: OptionDef = {
  name: 'county',
  description: 'County, parish, borough or independent city, e.g. "Travis" or "Fairfax city"',
  type: 'county',
  required: true,
};

export const STATE_OPTION: OptionDef = {
  name: 'state',
  description: 'State, as a code (TX) or name (Texas)',
  type: 'state',
  required: false,
};

export const sheriffCommand: CommandDef = {
  name: 'sheriff',
  description: "Who the sheriff is, how to reach them, and where they stand on ICE",
  options: [COUNTY_OPTION, STATE_OPTION],
  permission: 'everyone',
  cacheable: true,
  examples: ['sheriff Autauga, AL', 'sheriff Dona Ana, New Mexico', 'sheriff Baltimore city'],
  handler(ctx, args) {
    const { store, clock } = ctx;
    const language = languageFor(ctx);
    const place = resolvePlaceArgs(store, 'sheriff', args);
    if (place.kind === 'jurisdiction') return sheriffCard(store, clock, place.jurisdiction, language);
    const rule = store.rules.forState(place.state);
    if (rule?.elected === 'no') return noSheriffReply(place.state, rule, undefined, language);
    throw new UserError('county_needed', 'place.county-needed', { state: STATES[place.state] }, [
      msg('place.county-needed.example', { example: `sheriff <county>, ${place.state}` }),
      msg('place.county-needed.state', { positions: `positions 287g ${place.state}`, elections: `elections ${place.state}` }),
    ]);
  },
};
