import { STATES } from '../domain/states.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { msg } from '../i18n/index.ts';
import { sheriffRecord, type SheriffRecord } from '../queries/sheriff-record.ts';
import type { Reply } from '../reply.ts';
import { UserError } from '../user-error.ts';
import { resolvePlaceArgs } from './place.ts';
import { noSheriffReply } from '../present/sheriff-card.ts';
import type { Args, CommandContext } from './types.ts';

/**
 * Resolves a command's county to the sheriff's record, or to the reply that ends the
 * command early (no elected sheriffs in the state, only a state given).
 */
export function recordForCommand(ctx: CommandContext, command: string, args: Args): SheriffRecord | Reply {
  const language = languageFor(ctx);
  const place = resolvePlaceArgs(ctx.store, command, args);
  if (place.kind === 'state') {
    const rule = ctx.store.rules.forState(place.state);
    if (rule?.elected === 'no') return noSheriffReply(place.state, rule, undefined, language);
    throw new UserError('county_needed', 'place.county-needed', { state: STATES[place.state] }, [
      msg('place.county-needed.example', { example: `${command} <county>, ${place.state}` }),
    ]);
  }
  const record = sheriffRecord(ctx.store, ctx.clock, place.jurisdiction);
  if (record.rule?.elected === 'no') return noSheriffReply(place.jurisdiction.state, record.rule, place.jurisdiction, language);
  return record;
}

export function isReply(value: SheriffRecord | Reply): value is Reply {
  return 'status' in value;
}
