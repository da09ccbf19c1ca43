// Lead times: how long before an event a reminder goes out, and the instant that means.
import { instantToLocal, localToInstant } from './zone-time.ts';
import { LocalizedError } from '../i18n/localized-error.ts';

export type EventKind = 'election' | 'registration' | 'meeting';

/**
 * Defaults follow what election-reminder services found works: elections 30 days, 7 days,
 * 1 day and the morning of; the registration deadline 5 days before; meetings 3 days and
 * 2 hours before.
 */
export const DEFAULT_LEADS: Readonly<Record<EventKind, readonly string[]>> = {
  election: ['30d', '7d', '1d', 'morning'],
  registration: ['5d'],
  meeting: ['3d', '2h'],
};

/** Day-based reminders for all-day events (elections, deadlines) go out at this local hour. */
export const DAY_REMINDER_HOUR = 9;
/** "Morning of" reminders go out at this local hour. */
export const MORNING_HOUR = 7;
/** Longest lead accepted, in days. */
export const MAX_LEAD_DAYS = 90;

/** Raised for a lead list that cannot be used; the message says what is allowed. */
export class LeadError extends LocalizedError {
  override name = 'LeadError';
}

type Unit = 'd' | 'h' | 'm';
type ParsedLead = { kind: 'morning' } | { kind: 'offset'; amount: number; unit: Unit };

function parseOne(token: string): ParsedLead | undefined {
  if (token === 'morning' || token === 'morning-of') return { kind: 'morning' };
  const match = /^(\d{1,4})(d|h|m)$/.exec(token);
  if (!match) return undefined;
  return { kind: 'offset', amount: Number(match[1]), unit: match[2] as Unit };
}

function minutesOf(lead: ParsedLead): number {
  if (lead.kind === 'morning') return 0;
  return lead.amount * (lead.unit === 'd' ? 1440 : lead.unit === 'h' ? 60 : 1);
}

/**
 * Reads a list such as '30d,7d,1d,morning' or '1d 2h' for one kind of event: canonical,
 * de-duplicated, longest first. Elections and deadlines are whole days, so they take days
 * and 'morning' only.
 */
export function parseLeads(kind: EventKind, text: string): string[] {
  const tokens = text.toLowerCase().split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) throw new LeadError('lead.none');
  if (tokens.length > 8) throw new LeadError('lead.too-many');
  const leads = new Map<string, ParsedLead>();
  for (const token of tokens) {
    const lead = parseOne(token);
    if (!lead) throw new LeadError('lead.not', { token });
    if (lead.kind === 'offset') {
      if (lead.amount < 1) throw new LeadError('lead.at-least', { token });
      if (minutesOf(lead) > MAX_LEAD_DAYS * 1440) throw new LeadError('lead.too-far', { token, days: MAX_LEAD_DAYS });
      if (kind !== 'meeting' && lead.unit !== 'd') {
        throw new LeadError(kind === 'election' ? 'lead.days.election' : 'lead.days.registration');
      }
    }
    leads.set(lead.kind === 'morning' ? 'morning' : `${lead.amount}${lead.unit}`, lead);
  }
  return [...leads.entries()].sort((a, b) => minutesOf(b[1]) - minutesOf(a[1]) || (a[1].kind === 'morning' ? 1 : -1)).map(([label]) => label);
}

/** The event a lead counts back from: an all-day date or a start instant, in its zone. */
export type EventTime = { date: string; timeZone: string } | { start: string; timeZone: string };

/**
 * When the reminder for `lead` is due, in epoch ms; null when the lead does not apply
 * (a 'morning' reminder for a meeting that starts before the morning hour).
 * Days count on the local calendar, so a 9:00 meeting's 3-day reminder is at 9:00 local
 * even across a DST change; hours and minutes are exact durations.
 */
export function dueAt(lead: string, event: EventTime): number | null {
  const parsed = parseCached(lead);
  if ('date' in event) {
    const [y, m, d] = event.date.split('-').map(Number) as [number, number, number];
    if (parsed.kind === 'morning') return localToInstant(event.timeZone, y, m, d, MORNING_HOUR, 0);
    if (parsed.unit !== 'd') return null;
    return localToInstant(event.timeZone, y, m, d - parsed.amount, DAY_REMINDER_HOUR, 0);
  }
  const start = Date.parse(event.start);
  if (parsed.kind === 'offset' && parsed.unit !== 'd') return start - minutesOf(parsed) * 60_000;
  const local = instantToLocal(event.timeZone, start);
  if (parsed.kind === 'morning') {
    const morning = localToInstant(event.timeZone, local.year, local.month, local.day, MORNING_HOUR, 0);
    return morning < start ? morning : null;
  }
  return localToInstant(event.timeZone, local.year, local.month, local.day - parsed.amount, local.hour, local.minute);
}

const parsedLeads = new Map<string, ParsedLead>();

function parseCached(lead: string): ParsedLead {
  let parsed = parsedLeads.get(lead);
  if (!parsed) {
    parsed = parseOne(lead);
    if (!parsed) throw new LeadError('lead.unknown', { lead });
    parsedLeads.set(lead, parsed);
  }
  return parsed;
}

/** Per-kind overrides a subscription may carry; a missing kind uses the defaults. */
export type LeadOverrides = Partial<Record<EventKind, string[]>>;

export function leadsFor(kind: EventKind, overrides: LeadOverrides | null): readonly string[] {
  return overrides?.[kind] ?? DEFAULT_LEADS[kind];
}

/** The longest lead in days among the given lists (to bound how far ahead to look). */
export function longestLeadDays(lists: Iterable<readonly string[]>): number {
  let longest = 1;
  for (const list of lists) {
    for (const lead of list) {
      const parsed = parseOne(lead);
      if (parsed?.kind === 'offset') longest = Math.max(longest, Math.ceil(minutesOf(parsed) / 1440));
    }
  }
  return longest;
}
