// Options and checks shared by the election, meeting and subscription commands.
import { communityOf } from '../../domain/community.ts';
import { DateTime } from 'luxon';
import { MeetingRuleError } from '../../domain/meeting-rules.ts';
import { LeadError } from '../../domain/leads.ts';
import type { WriteMeta } from '../../store/recorded-elections.ts';
import { RecordNotFoundError, StaleWriteError } from '../../store/stale-write.ts';
import { cleanTyped } from '../../domain/text-policy.ts';
import { UserError } from '../../user-error.ts';
import { hostOf } from '../../present/election-facts.ts';
import type { Args, CommandContext } from '../../framework/types.ts';
import { catalog, msg, type Message, type MessageKey } from '../../i18n/index.ts';

/** A field's name, translated ('election date' → 'fecha de la elección') when the catalog has it. */
function field(what: string): Message | string {
  const key = `field.${what}`;
  return Object.hasOwn(catalog('en'), key) ? msg(key as MessageKey) : what;
}

/** Longest free text stored in a field. */
const MAX_TEXT = 500;

/** An http(s) URL, or a UserError that says what is allowed. */
export function checkUrl(raw: string, what: string): string {
  const label = field(what);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UserError('bad_url', 'event.url.not-link', { what: label }, [msg('event.url.not-link.help')]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError('bad_url', 'event.url.scheme', { what: label }, [msg('event.url.scheme.help', { raw, protocol: url.protocol })]);
  }
  if (raw.length > 1000) throw new UserError('bad_url', 'event.too-long', { what: label }, [msg('event.url.long.help')]);
  return url.toString();
}

/** A real calendar date 'YYYY-MM-DD'. */
export function checkDate(raw: string, what: string): string {
  const value = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new UserError('bad_date', 'event.not-date', { what: field(what) }, [msg('event.not-date.help')]);
  }
  return value;
}

/** How far back and ahead an election or meeting date may be. */
export const EVENT_YEARS = 10;

/** A real date within EVENT_YEARS of today (in UTC: a day either way does not matter at this scale). */
export function checkEventDate(raw: string, what: string, now: Date): string {
  const value = checkDate(raw, what);
  const today = DateTime.fromJSDate(now, { zone: 'utc' });
  const earliest = today.minus({ years: EVENT_YEARS }).toISODate()!;
  const latest = today.plus({ years: EVENT_YEARS }).toISODate()!;
  if (value < earliest || value > latest) {
    throw new UserError('bad_date', 'limits.date.window', { what: field(what) }, [msg('limits.date.window.help', { date: value, earliest, latest, years: EVENT_YEARS })]);
  }
  return value;
}

/**
 * Free text, trimmed and bounded; '-' clears a field when changing a record. Only multi-line
 * fields (notes, instructions, reasons) keep line breaks; control characters are refused
 * (text-policy.ts).
 */
export function checkText(raw: string | number | undefined, what: string, multiline = false): string | null | undefined {
  if (raw === undefined) return undefined;
  const cleaned = cleanTyped(String(raw), { multiline });
  if (!cleaned.ok) {
    if (cleaned.problem === 'newline') throw new UserError('bad_text', 'limits.text.newline', { label: field(what) });
    throw new UserError('bad_text', 'limits.text.control', { label: field(what), which: cleaned.which });
  }
  const value = cleaned.value.trim();
  if (value === '-' || value === '') return null;
  if ([...value].length > MAX_TEXT) throw new UserError('too_long', 'event.too-long', { what: field(what) }, [msg('event.too-long.help', { max: MAX_TEXT })]);
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
    community: communityOf(ctx),
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
      const entity = entityWord(error.entity);
      throw new UserError('conflict', 'event.conflict', { entity, id: error.id }, [
        msg('event.conflict.seen', { expected: error.expected, actual: error.actual }),
        msg('event.conflict.again', { revision: `\`revision:${error.actual}\`` }),
      ]);
    }
    if (error instanceof RecordNotFoundError) {
      throw new UserError('not_found', 'event.not-found', { entity: entityWord(error.entity), id: error.id }, [
        msg('event.not-found.help', { command: `\`${command}\`` }),
      ]);
    }
    if (error instanceof MeetingRuleError || error instanceof LeadError) throw new UserError('bad_value', error.key, error.params);
    throw error;
  }
}

/** 'election' / 'meeting', translated; other words as they are. */
function entityWord(entity: string): Message | string {
  if (entity === 'election') return msg('event.entity.election');
  if (entity === 'meeting') return msg('event.entity.meeting');
  return entity;
}
