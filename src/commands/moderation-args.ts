/** Options and argument handling shared by the moderators' commands. */
import { STATES } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import { checkVersion, refusalText, type Checked } from '../domain/validation.ts';
import { msg, type Language } from '../i18n/index.ts';
import type { Invocation } from '../reply.ts';
import { UserError } from './errors.ts';
import { resolvePlaceArgs } from './place.ts';
import { COUNTY_OPTION, STATE_OPTION } from './sheriff.ts';
import type { Args, CommandContext, OptionDef } from './types.ts';

export const PLACE_OPTIONS: OptionDef[] = [COUNTY_OPTION, STATE_OPTION];

export const SOURCE_URL_OPTION: OptionDef = {
  name: 'source',
  description: 'Where this is documented: a web address starting with https:// (or http://)',
  type: 'text',
  required: true,
  pattern: /^<?https?:\/\//i,
};

export const OPTIONAL_SOURCE_URL_OPTION: OptionDef = { ...SOURCE_URL_OPTION, required: false };

export const AS_OF_OPTION: OptionDef = {
  name: 'as-of',
  description: 'The date the source states it for, YYYY-MM-DD (default: today in the county)',
  type: 'text',
  required: false,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
};

export const EXPECT_OPTION: OptionDef = {
  name: 'revision',
  description: 'The revision you saw, e.g. #57 (shown when you confirm): refused if someone changed it since',
  type: 'text',
  required: false,
  pattern: /^#\d+$/,
};

/** A validation result's value, or a user error that says what is allowed. */
export function checked<T>(result: Checked<T>): T {
  if (!result.ok) throw new UserError('invalid_value', 'moderation.invalid', {}, [(language: Language) => refusalText(result, language)]);
  return result.value;
}

/** The `revision` argument ('#57', or 57) as a version number, if given. */
export function expectArg(args: Args): number | undefined {
  const raw = args.revision;
  return raw === undefined ? undefined : checked(checkVersion(String(raw)));
}

/** The invocation to re-run this command with the place already resolved (for confirm and conflict choices). */
export function rerun(command: string, args: Args, j: Jurisdiction): Invocation {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(args)) if (value !== undefined && key !== 'page') out[key] = value;
  return { command, args: { ...out, county: j.name, state: j.state } };
}

/**
 * The one county a moderator's command is about. Ambiguous names come back as choices that
 * re-run the whole command (every other argument kept); a bare state is refused.
 */
export function resolveCounty(ctx: CommandContext, command: string, args: Args): Jurisdiction {
  let place;
  try {
    place = resolvePlaceArgs(ctx.store, command, args);
  } catch (error) {
    if (!(error instanceof UserError) || !error.choices.length) throw error;
    const rest = Object.fromEntries(Object.entries(args).filter((e): e is [string, string | number] => e[1] !== undefined));
    throw error.withChoices(error.choices.map((c) => ({ ...c, invocation: { command, args: { ...rest, ...c.invocation.args } } })));
  }
  if (place.kind === 'state') {
    throw new UserError('county_needed', 'moderation.which-county', { state: STATES[place.state] }, [
      msg('moderation.which-county.help'),
    ]);
  }
  const j = place.jurisdiction;
  if (ctx.store.rules.forState(j.state)?.elected === 'no') {
    throw new UserError('no_sheriff', 'moderation.no-sheriff', { state: STATES[j.state] }, [
      msg('moderation.no-sheriff.help'),
    ]);
  }
  return j;
}
