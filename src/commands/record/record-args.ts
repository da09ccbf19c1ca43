/** Options and argument handling shared by the moderators' commands. */
import { STATES } from '../../domain/states.ts';
import type { Jurisdiction } from '../../domain/types.ts';
import { checkVersion, refusalText, type Checked } from '../../domain/validation.ts';
import { msg, type Language } from '../../i18n/index.ts';
import type { Invocation } from '../../reply.ts';
import { UserError } from '../../user-error.ts';
import { resolvePlaceArgs } from '../../framework/place.ts';
import type { Args, CommandContext } from '../../framework/types.ts';

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
