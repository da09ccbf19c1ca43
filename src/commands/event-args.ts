// Options and checks shared by the election, meeting and subscription commands.
import { DateTime } from 'luxon';
import { MeetingRuleError } from '../domain/meetings.ts';
import { LeadError } from '../scheduler/leads.ts';
import type { WriteMeta } from '../store/recorded-elections.ts';
import { RecordNotFoundError, StaleWriteError } from '../store/stale-write.ts';
import { UserError } from './errors.ts';
import { hostOf } from './election-facts.ts';
import type { Args, CommandContext, OptionDef } from './types.ts';

export const SOURCE_OPTION: OptionDef = {
  name: 'source',
  description: 'Where this is stated: an http(s) link (agenda, county website, election office)',
  type: 'text',
  required: true,
};

export const REVISION_OPTION: OptionDef = {
  name: 'revision',
  description: 'The revision you saw (a change made since then is refused, not overwritten)',
  type: 'integer',
  required: false,
  min: 1,
};

export const NOTE_OPTION: OptionDef = { name: 'note', description: 'A short note', type: 'text', required: false };

/** Longest free text stored in a field. */
const MAX_TEXT = 500;

/** An http(s) URL, or a UserError that says what is allowed. */
export function checkUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UserError('bad_url', `The ${what} is not a link`, [`Give a full http(s) address, e.g. https://traviscountytx.gov/…`]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError('bad_url', `The ${what} must be an http(s) link`, [`"${raw}" uses ${url.protocol}`]);
  }
  if (raw.length > 1000) throw new UserError('bad_url', `The ${what} is too long`, ['Links are at most 1000 characters.']);
  return url.toString();
}

/** A real calendar date 'YYYY-MM-DD'. */
export function checkDate(raw: string, what: string): string {
  const value = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new UserError('bad_date', `The ${what} is not a date`, ['Write dates as YYYY-MM-DD, e.g. 2026-11-03.']);
  }
  return value;
}

/** Free text, trimmed and bounded; '-' clears a field when changing a record. */
export function checkText(raw: string | number | undefined, what: string): string | null | undefined {
  if (raw === undefined) return undefined;
  const value = String(raw).trim();
  if (value === '-' || value === '') return null;
  if (value.length > MAX_TEXT) throw new UserError('too_long', `The ${what} is too long`, [`At most ${MAX_TEXT} characters.`]);
  return value;
}

/** An optional URL argument: undefined when absent, null when cleared with '-'. */
export function optionalUrl(raw: string | number | undefined, what: string): string | null | undefined {
  const value = checkText(raw, what);
  return value ? checkUrl(value, what) : value;
}

/** Who writes, when, and the source the write rests on. */
export function writeMeta(ctx: CommandContext, args: Args): WriteMeta {
  const sourceUrl = checkUrl(String(args.source ?? ''), 'source');
  return {
    by: ctx.caller.id,
    at: ctx.clock.now().toISOString(),
    sourceUrl,
    sourceTitle: hostOf(sourceUrl),
    ...(args.revision !== undefined ? { expectedRevision: Number(args.revision) } : {}),
  };
}

/** Runs a store write, turning its errors into messages that say what happened and what to do. */
export function storeWrite<T>(command: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof StaleWriteError) {
      throw new UserError('conflict', `Someone changed ${error.entity} #${error.id} first`, [
        `You saw revision ${error.expected}; it is now at revision ${error.actual}. Nothing was written.`,
        `Look at it again, then repeat your change with \`revision:${error.actual}\`.`,
      ]);
    }
    if (error instanceof RecordNotFoundError) {
      throw new UserError('not_found', `No live ${error.entity} #${error.id}`, [`It does not exist or was cancelled. Check the number and try \`${command}\` again.`]);
    }
    if (error instanceof MeetingRuleError || error instanceof LeadError) throw new UserError('bad_value', error.message, []);
    throw error;
  }
}
