import type { Clock } from '../../src/clock.ts';
import type { DeliverySender } from '../../src/delivery/capabilities.ts';
import { countiesDataset } from '../../src/importers/counties.ts';
import { electionExceptionsDataset } from '../../src/importers/election-exceptions.ts';
import { electionRulesDataset } from '../../src/importers/election-rules.ts';
import { loadShippedData } from '../../src/importers/shipped.ts';
import { silentLogger } from '../../src/logger.ts';
import { plain, type Reply } from '../../src/reply.ts';
import { Scheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.ts';
import type { Store } from '../../src/store/index.ts';
import type { ChannelRef, SubscriptionKind } from '../../src/store/subscriptions.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private at: number;
  constructor(iso: string) {
    this.at = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Counties, time zones and election rules only (fast); no sheriffs or positions. */
export function placesStore(): Store {
  const store = emptyStore();
  loadShippedData(store, testClock, [countiesDataset, electionRulesDataset, electionExceptionsDataset]);
  return store;
}

export interface Posted {
  channelId: string;
  key: string;
  reply: Reply;
  /** The reply as one line of text, for assertions. */
  text: string;
}

/**
 * A recording sender. `failures` makes a channel throw; with `dedupe` it behaves like Discord's
 * nonce with enforce_nonce: a repeated key returns the first message instead of posting again.
 */
export function recordingSender(platform: DeliverySender['platform'] = 'discord', options: { dedupe?: boolean } = {}) {
  const posted: Posted[] = [];
  const attempts: string[] = [];
  const byKey = new Map<string, string>();
  const failures = new Map<string, () => Error>();
  const sender: DeliverySender & { posted: Posted[]; attempts: string[]; failures: Map<string, () => Error> } = {
    platform,
    posted,
    attempts,
    failures,
    ...(options.dedupe ? { dedupeWindowMs: 5 * 60_000 } : {}),
    async send(channelId, reply, { key }) {
      attempts.push(key);
      const failure = failures.get(channelId);
      if (failure) throw failure();
      const seen = options.dedupe ? byKey.get(key) : undefined;
      if (seen) return { messageId: seen };
      const messageId = `m${posted.length + 1}`;
      byKey.set(key, messageId);
      posted.push({ channelId, key, reply, text: replyText(reply) });
      return { messageId };
    },
  };
  return sender;
}

export function replyText(reply: Reply): string {
  const lines = [reply.title, ...(reply.intro ?? []).map(plain)];
  for (const s of reply.sections) {
    for (const f of s.fields ?? []) lines.push(`${f.label}: ${plain(f.value)}`);
    for (const l of [...(s.lines ?? []), ...(s.items ?? [])]) lines.push(plain(l));
  }
  for (const n of reply.notes) lines.push(plain(n));
  return lines.join('\n');
}

export function schedulerFor(store: Store, clock: Clock, senders: DeliverySender[], extra: Pick<SchedulerOptions, 'maxAttempts' | 'editors'> = {}) {
  return new Scheduler({ store, clock, logger: silentLogger, senders, hasCommand: (name) => name !== 'call', ...extra });
}

export const channel = (channelId: string, workspaceId = 'guild-1', platform: ChannelRef['platform'] = 'discord'): ChannelRef => ({ platform, workspaceId, channelId });

export function subscribe(
  store: Store,
  where: ChannelRef,
  scope: { state: string; fips: string | null },
  at: string,
  kinds: SubscriptionKind[] = ['elections', 'meetings', 'agenda', 'positions'],
  leads: Parameters<Store['subscriptions']['subscribe']>[2]['leads'] = null,
) {
  return store.subscriptions.subscribe(where, scope, { kinds, leads }, { by: 'test:mod', at }).subscription;
}

export const SOURCE = { sourceUrl: 'https://example.org/agenda', sourceTitle: 'example.org' };

/** A weekly 9:00 meeting of Travis County's Commissioners Court (Central time). */
export function addTravisMeeting(store: Store, overrides: Partial<Parameters<Store['meetings']['add']>[0]> = {}, at = '2026-01-01T00:00:00.000Z') {
  return store.meetings.add(
    {
      fips: '48453',
      body: 'Commissioners Court',
      startsAt: '2026-01-06T15:00:00.000Z',
      timeZone: 'America/Chicago',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      durationMinutes: 120,
      location: '700 Lavaca St, Austin',
      agendaUrl: 'https://example.org/agenda',
      livestreamUrl: null,
      publicComment: 'Sign up at the door',
      why: '287(g) renewal on the agenda',
      ...overrides,
    },
    { ...SOURCE, by: 'test:mod', at },
  );
}
