// Options and checks shared by the election, meeting and subscription commands.
import { communityOf } from '../trust/community.ts';
import { DateTime } from 'luxon';
import { MeetingRuleError } from '../domain/meeting-rules.ts';
import { LeadError } from '../scheduler/leads.ts';
import type { WriteMeta } from '../store/recorded-elections.ts';
import { RecordNotFoundError, StaleWriteError } from '../store/stale-write.ts';
import { LegacyUserError, UserError } from './errors.ts';
import { hostOf } from './election-facts.ts';
import type { Args, CommandContext, OptionDef } from './types.ts';
import { languageFor } from '../i18n/choose-language.ts';
import { catalog, t, type Language, type MessageKey } from '../i18n/index.ts';

/** A field's name in the language ('election date' → 'fecha de la elección'), when the catalog has it. */
function field(what: string, language: Language): string {
  const key = `field.${what}`;
  return Object.hasOwn(catalog('en'), key) ? t(language, key as MessageKey) : what;
}

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
export function checkUrl(raw: string, what: string, language: Language = 'en'): string {
  const label = field(what, language);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LegacyUserError('bad_url', t(language, 'event.url.not-link', { what: label }), [t(language, 'event.url.not-link.help')]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LegacyUserError('bad_url', t(language, 'event.url.scheme', { what: label }), [t(language, 'event.url.scheme.help', { raw, protocol: url.protocol })]);
  }
  if (raw.length > 1000) throw new LegacyUserError('bad_url', t(language, 'event.too-long', { what: label }), [t(language, 'event.url.long.help')]);
  return url.toString();
}

/** A real calendar date 'YYYY-MM-DD'. */
export function checkDate(raw: string, what: string, language: Language = 'en'): string {
  const value = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new LegacyUserError('bad_date', t(language, 'event.not-date', { what: field(what, language) }), [t(language, 'event.not-date.help')]);
  }
  return value;
}

/** Free text, trimmed and bounded; '-' clears a field when changing a record. */
export function checkText(raw: string | number | undefined, what: string, language: Language = 'en'): string | null | undefined {
  if (raw === undefined) return undefined;
  const value = String(raw).trim();
  if (value === '-' || value === '') return null;
  if (value.length > MAX_TEXT) throw new LegacyUserError('too_long', t(language, 'event.too-long', { what: field(what, language) }), [t(language, 'event.too-long.help', { max: MAX_TEXT })]);
  return value;
}

/** An optional URL argument: undefined when absent, null when cleared with '-'. */
export function optionalUrl(raw: string | number | undefined, what: string, language: Language = 'en'): string | null | undefined {
  const value = checkText(raw, what, language);
  return value ? checkUrl(value, what, language) : value;
}

/** Who writes, when, and the source the write rests on. */
export function writeMeta(ctx: CommandContext, args: Args): WriteMeta {
  const sourceUrl = checkUrl(String(args.source ?? ''), 'source', languageFor(ctx));
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
export function storeWrite<T>(command: string, write: () => T, language: Language = 'en'): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof StaleWriteError) {
      const entity = entityWord(error.entity, language);
      throw new LegacyUserError('conflict', t(language, 'event.conflict', { entity, id: error.id }), [
        t(language, 'event.conflict.seen', { expected: error.expected, actual: error.actual }),
        t(language, 'event.conflict.again', { revision: `\`revision:${error.actual}\`` }),
      ]);
    }
    if (error instanceof RecordNotFoundError) {
      throw new LegacyUserError('not_found', t(language, 'event.not-found', { entity: entityWord(error.entity, language), id: error.id }), [
        t(language, 'event.not-found.help', { command: `\`${command}\`` }),
      ]);
    }
    if (error instanceof MeetingRuleError || error instanceof LeadError) throw new LegacyUserError('bad_value', error.text(language), []);
    throw error;
  }
}

/** 'election' / 'meeting' in the language; other words as they are. */
function entityWord(entity: string, language: Language): string {
  if (entity === 'election') return t(language, 'event.entity.election');
  if (entity === 'meeting') return t(language, 'event.entity.meeting');
  return entity;
}
