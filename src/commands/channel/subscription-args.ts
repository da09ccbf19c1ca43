// What the subscription commands share: the channel, who may change it, the kinds, the leads.
import { LeadError, parseLeads, leadsFor, type EventKind, type LeadOverrides } from '../../domain/leads.ts';
import { scopeText } from '../../present/reminder.ts';
import { msg, t, type Language } from '../../i18n/index.ts';
import { pausedReasonText } from '../../present/alert.ts';
import { text, type Rich } from '../../reply.ts';
import type { Store } from '../../store/index.ts';
import { SUBSCRIPTION_KINDS, type ChannelRef, type Subscription, type SubscriptionKind } from '../../store/subscriptions.ts';
import { UserError } from '../../user-error.ts';
import { countyOrState } from '../../framework/scope-place.ts';
import type { Args, CommandContext, OptionDef } from '../../framework/types.ts';

/** One optional choice per kind, so Discord shows a toggle per kind and free text takes the words. */
export const KIND_OPTIONS: OptionDef[] = SUBSCRIPTION_KINDS.map((kind) => ({
  name: kind,
  descriptionKey: `option.${kind}`,
  type: 'choice',
  required: false,
  choices: [{ value: kind, label: kind }],
}));

export const LEAD_OPTIONS: OptionDef[] = [
  { name: 'election-leads', type: 'text', required: false },
  { name: 'registration-leads', type: 'text', required: false },
  { name: 'meeting-leads', type: 'text', required: false },
];

const LEAD_OPTION_KIND: Record<string, EventKind> = { 'election-leads': 'election', 'registration-leads': 'registration', 'meeting-leads': 'meeting' };

/** The channel a command was typed in; subscriptions belong to channels. */
export function channelOf(ctx: CommandContext): ChannelRef {
  const c = ctx.conversation;
  if (!c) throw new UserError('no_channel', 'subs.no-channel', {}, [msg('subs.no-channel.help')]);
  return { platform: c.platform, workspaceId: c.workspaceId, channelId: c.channelId };
}

/**
 * The kinds named in the arguments: the kind options (Discord) and kind words at the end of
 * the county text ('subscribe Travis, TX meetings positions'). Returns the county text without them.
 */
export function kindsOf(args: Args): { county: string; kinds: SubscriptionKind[] } {
  const kinds = new Set<SubscriptionKind>(SUBSCRIPTION_KINDS.filter((k) => args[k] !== undefined));
  const words = String(args.county ?? '').trim().split(/\s+/).filter(Boolean);
  while (words.length > 1) {
    const word = words.at(-1)!.toLowerCase().replace(/[.,]$/, '');
    const kind = SUBSCRIPTION_KINDS.find((k) => k === word || `${k.slice(0, -1)}` === word);
    if (!kind) break;
    kinds.add(kind);
    words.pop();
  }
  if (words.length === 1 && words[0]!.toLowerCase() === 'all') words.pop();
  return { county: words.join(' ').replace(/,$/, ''), kinds: SUBSCRIPTION_KINDS.filter((k) => kinds.has(k)) };
}

/**
 * The kinds a `subscribe` gives. Agenda alerts come with meetings unless the channel had turned
 * them off (its choice stays until it names `agenda`); naming only `agenda` turns them back on
 * beside what the channel already gets (and meetings with them, which they need).
 */
export function kindsToSubscribe(named: readonly SubscriptionKind[], existing: Subscription | undefined): SubscriptionKind[] {
  const live = existing && !existing.pausedAt ? existing : undefined;
  if (!named.length) return live ? [...live.kinds] : [...SUBSCRIPTION_KINDS];
  const kinds = new Set(named);
  if (live && named.length === 1 && named[0] === 'agenda') for (const k of live.kinds) kinds.add(k);
  const turnedOff = live?.kinds.includes('meetings') && !live.kinds.includes('agenda');
  if (kinds.has('agenda')) kinds.add('meetings');
  else if (kinds.has('meetings') && !turnedOff) kinds.add('agenda');
  return SUBSCRIPTION_KINDS.filter((k) => kinds.has(k));
}

/** The kinds left after an `unsubscribe` naming some: agenda alerts go with meetings. */
export function kindsAfterUnsubscribe(current: readonly SubscriptionKind[], named: readonly SubscriptionKind[]): SubscriptionKind[] {
  const remaining = current.filter((k) => !named.includes(k));
  return remaining.includes('meetings') ? remaining : remaining.filter((k) => k !== 'agenda');
}

/** The scope a county/state text names; a city or ZIP code names its county (the reply names it). */
export function scopeOf(store: Store, command: string, args: Args, county: string): { state: string; fips: string | null } {
  const place = countyOrState(store, command, args, county, { places: true });
  return place.kind === 'state' ? { state: place.state, fips: null } : { state: place.jurisdiction.state, fips: place.jurisdiction.fips };
}

/** Lead overrides from the arguments, on top of the subscription's current ones. */
export function leadOverrides(args: Args, current: LeadOverrides | null): LeadOverrides | null {
  const out: LeadOverrides = { ...(current ?? {}) };
  for (const [option, kind] of Object.entries(LEAD_OPTION_KIND)) {
    const raw = args[option];
    if (raw === undefined) continue;
    const value = String(raw).trim().toLowerCase();
    if (value === 'default' || value === '-') delete out[kind];
    else {
      try {
        out[kind] = parseLeads(kind, value);
      } catch (error) {
        if (!(error instanceof LeadError)) throw error;
        throw new UserError('bad_leads', `subs.bad-leads.${kind}`, {}, [error]);
      }
    }
  }
  return Object.keys(out).length ? out : null;
}

/** 'Travis County, TX — elections (30d, 7d, 1d, morning; registration 5d), meetings (3d, 2h)'. */
export function describeSubscription(store: Store, s: Subscription, language: Language = 'en'): Rich {
  const parts: string[] = [];
  if (s.kinds.includes('elections')) {
    parts.push(t(language, 'subs.elections', { leads: leadsFor('election', s.leads).join(', '), registration: leadsFor('registration', s.leads).join(', ') }));
  }
  if (s.kinds.includes('meetings')) parts.push(t(language, 'subs.meetings', { leads: leadsFor('meeting', s.leads).join(', ') }));
  if (s.kinds.includes('agenda')) parts.push(t(language, 'subs.agenda'));
  else if (s.kinds.includes('meetings')) parts.push(t(language, 'subs.agenda.off'));
  if (s.kinds.includes('positions')) parts.push(t(language, 'subs.positions'));
  const line: Rich = [text(scopeText(store, s), 'bold'), text(` — ${parts.join(', ')}`)];
  if (s.pausedAt) line.push(text(t(language, 'subs.paused', { since: s.pausedAt.slice(0, 10), why: pausedReasonText(s.pausedReason ?? 'unreachable', language) }), 'italic'));
  return line;
}
