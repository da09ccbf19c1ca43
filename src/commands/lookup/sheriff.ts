import { STATES } from '../../domain/states.ts';
import { languageFor } from '../../i18n/choose-language.ts';
import { msg } from '../../i18n/index.ts';
import { UserError } from '../../user-error.ts';
import { resolvePlaceArgs } from '../../framework/place.ts';
import { noSheriffReply, sheriffCard } from '../../present/sheriff-card.ts';
import { COUNTY_OPTION, STATE_OPTION } from '../../framework/options.ts';
import type { CommandDef } from '../../framework/types.ts';

export const sheriffCommand: CommandDef = {
  name: 'sheriff',
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
