import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/index.ts';
import { parseCommandLine } from '../../src/framework/parse.ts';
import type { Conversation } from '../../src/framework/types.ts';
import { workspaceSubscriptions } from '../../src/present/workspace-subscriptions.ts';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

const SRC = 'source:https://www.traviscountytx.gov/commissioners-court';
const where = (channelId: string): Conversation => ({ platform: 'discord', workspaceId: 'guild-1', channelId });

describe('subscribe, unsubscribe, subscriptions', () => {
  it('GIVEN a member who may not manage the channel THEN subscribe is refused; a channel manager may', async () => {
    const store = placesStore();
    const member = await conversation({ store, conversation: where('c1') }).ask('subscribe Travis, TX');
    expect(member.reply.errorCode).toBe('forbidden');
    const manager = await conversation({ store, manager: true, conversation: where('c1') }).ask('subscribe Travis, TX');
    expect(manager.reply.status).toBe('ok');
    expect(manager.text).toContain('Travis County, TX — elections (30d, 7d, 1d, morning; registration deadlines 5d), meetings (3d, 2h), agenda alerts, position changes');
  });

  it('GIVEN kinds and lead times in free text THEN they are read from the end of the line and by name', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true, conversation: where('c1') });
    const { reply, text } = await chat.ask('subscribe Cobb, GA meetings positions meeting-leads:1d,2h');
    expect(reply.title).toBe('Subscribed');
    expect(text).toContain('Cobb County, GA — meetings (1d, 2h), agenda alerts, position changes');
    const changed = await chat.ask('subscribe Cobb, GA elections');
    expect(changed.reply.title).toBe('Subscription changed');
    expect(changed.text).toContain('Cobb County, GA — elections (30d, 7d, 1d, morning; registration deadlines 5d)');
    const bad = await chat.ask('subscribe Cobb, GA election-leads:2h');
    expect(bad.reply.errorCode).toBe('bad_leads');
    expect(bad.text).toContain('whole days');
  });

  it('GIVEN subscriptions in two channels of one server THEN `subscriptions` shows this channel’s and the others, and the Slack App Home query lists them all', async () => {
    const store = placesStore();
    const c1 = conversation({ store, moderator: true, conversation: where('c1') });
    const c2 = conversation({ store, moderator: true, conversation: where('c2') });
    await c1.ask('subscribe Texas elections');
    await c2.ask('subscribe Travis, TX meetings');
    const { text } = await c1.ask('subscriptions');
    expect(text).toContain('-- This channel\n  • Texas — elections');
    expect(text).toContain('-- Other channels here\n  • channel c2: Travis County, TX — meetings, agenda');
    expect(workspaceSubscriptions(store, 'discord', 'guild-1')).toEqual([
      { channelId: 'c1', scope: 'Texas', kinds: ['elections'], paused: false },
      { channelId: 'c2', scope: 'Travis County, TX', kinds: ['meetings', 'agenda'], paused: false },
    ]);
    expect(workspaceSubscriptions(store, 'slack', 'guild-1')).toEqual([]);
  });

  it('GIVEN two subscriptions in a channel THEN a bare unsubscribe asks which; naming kinds removes only those; the history keeps every step', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true, conversation: where('c1') });
    await chat.ask('subscribe Texas');
    await chat.ask('subscribe Travis, TX');
    const which = await chat.ask('unsubscribe');
    expect(which.reply.errorCode).toBe('which_subscription');
    expect(which.reply.choices?.map((c) => c.label)).toEqual(['Texas', 'Travis County, TX']);
    const some = await chat.ask('unsubscribe Travis, TX positions');
    expect(some.text).toContain('Travis County, TX — elections');
    expect(some.text).not.toContain('position changes');
    const gone = await chat.ask('unsubscribe Texas');
    expect(gone.reply.title).toBe('Unsubscribed');
    expect(store.subscriptions.forChannel('discord', 'c1').map((s) => s.fips)).toEqual(['48453']);
    const texas = store.subscriptions.byId(1)!;
    expect(texas.endedAt).not.toBeNull();
    expect(store.changes.forEntity('subscription', 1).map((c) => c.action)).toEqual(['created', 'retired']);
  });

  it('GIVEN no channel (a script) THEN subscribe says it belongs to a channel', async () => {
    const { reply } = await conversation({ store: placesStore(), moderator: true }).ask('subscribe Travis, TX');
    expect(reply.errorCode).toBe('no_channel');
  });
});

describe('recorded elections', () => {
  it('GIVEN a member THEN election-add only proposes: nothing is recorded until an editor approves', async () => {
    const store = placesStore();
    const { reply } = await conversation({ store }).ask(`election-add Travis, TX kind:general date:2028-11-07 ${SRC}`);
    expect(reply.title).toMatch(/^Proposed: change #\d+ waits for an editor$/);
    expect(store.recordedElections.upcomingFor('48453', '2026-01-01')).toEqual([]);
    expect(store.pending.open().map((p) => p.kind)).toEqual(['election_add']);
  });

  it.each([
    ['election-add Travis, TX kind:general date:2028-11-07', 'missing_argument'],
    ['election-add Travis, TX kind:general date:2028-11-07 source:ftp://example.org/x', 'bad_url'],
    ['election-add Travis, TX kind:general date:2028-11-07 source:not-a-link', 'bad_url'],
    [`election-add Travis, TX kind:general date:2026-01-01 ${SRC}`, 'date_past'],
    [`election-add Travis, TX kind:general date:2028-02-30 ${SRC}`, 'bad_date'],
    [`election-add Travis, TX kind:general date:2028-11-07 registration:2028-12-01 ${SRC}`, 'bad_date'],
    [`election-add Texas kind:general date:2028-11-07 ${SRC}`, 'county_needed'],
  ])('GIVEN "%s" THEN it is refused with %s and nothing is written', async (line, code) => {
    const store = placesStore();
    const { reply } = await conversation({ store, moderator: true }).ask(line);
    expect(reply.errorCode).toBe(code);
    expect(store.recordedElections.upcoming('2000-01-01')).toEqual([]);
  });

  it('GIVEN a recorded general election THEN it wins over the computed date in `election`, the sheriff card and `elections`; changes and cancellation go to the history', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const added = await chat.ask(`election-add Travis, TX kind:general date:2028-11-07 registration:2028-10-10 ${SRC}`);
    expect(added.reply.title).toBe('Recorded: sheriff general election in Travis County, TX');
    const election = await chat.ask('election Travis, TX');
    expect(election.text).toContain('Next sheriff election: 2028-11-07 (Tue) (general election, recorded with a source)');
    expect(election.text).toContain('Voter registration deadline: 2028-10-10 (Tue)');
    expect(election.text).not.toContain('Computed from state law');
    const card = await chat.ask('sheriff Travis, TX');
    expect(card.text).toContain('Next sheriff election: 2028-11-07 (Tue) (general election, recorded with a source)');
    const state = await chat.ask('elections TX');
    expect(state.text).toContain('2028-11-07 (Tue) — Travis County · recorded with a source');

    const changed = await chat.ask(`election-change 1 date:2028-11-08 ${SRC}`);
    expect(changed.reply.title).toBe('Changed: election #1 (revision 2)');
    const stale = await chat.ask(`election-change 1 note:"moved by court order" revision:1 ${SRC}`);
    expect(stale.reply.errorCode).toBe('conflict');
    expect(stale.text).toContain('You saw revision 1; it is now at revision 2. Nothing was written.');
    const cancelled = await chat.ask(`election-cancel 1 ${SRC} note:"court order"`);
    expect(cancelled.reply.title).toBe('Cancelled: election #1');
    expect((await chat.ask('election Travis, TX')).text).toContain('Next regular sheriff election: 2028-11-07');
    expect(store.changes.forEntity('election', 1).map((c) => `${c.action}: ${c.summary}`)).toEqual([
      'created: general election 2028-11-07, registration deadline 2028-10-10',
      'changed: date: 2028-11-07 → 2028-11-08',
      'retired: cancelled the general election of 2028-11-08: court order',
    ]);
    expect((await chat.ask(`election-change 1 date:2028-11-09 ${SRC}`)).reply.errorCode).toBe('not_found');
  });

  it('GIVEN a recorded special election THEN `election` lists it with the computed regular one', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(`election-add Travis, TX kind:special date:2027-05-01 ${SRC} note:"vacancy"`);
    const { text } = await chat.ask('election Travis, TX');
    expect(text).toContain('Next regular sheriff election: 2028-11-07');
    expect(text).toContain('-- Other recorded elections\n  • 2027-05-01 (Sat) — special election (#1) · vacancy · traviscountytx.gov <https://www.traviscountytx.gov/commissioners-court>');
  });
});

describe('meetings', () => {
  const add = `meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=MONTHLY;BYDAY=1TU,3TU location:"700 Lavaca St, Austin" why:"287(g) renewal on the agenda" agenda:https://example.org/agenda ${SRC}`;

  it('GIVEN a moderator adds a series THEN `meetings` lists the next dates in local time and the series with its source', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const added = await chat.ask(add);
    expect(added.reply.title).toBe('Recorded: Commissioners Court, Travis County, TX (meeting #1)');
    const { text } = await chat.ask('meetings Travis, TX');
    expect(text).toContain('-- Next dates\n  • 2026-12-01 09:00 CST — Commissioners Court · 700 Lavaca St, Austin\n  • 2026-12-15 09:00 CST');
    expect(text).toContain('#1 Commissioners Court (rev 1): every first and third Tuesday of the month, 9:00 AM Central Time · why it matters: 287(g) renewal on the agenda · agenda <https://example.org/agenda>');
    expect(store.changes.forEntity('meeting', 1)[0]?.sourceUrl).toBe('https://www.traviscountytx.gov/commissioners-court');
  });

  it('GIVEN one date cancelled and another moved THEN `meetings` shows both; a date with no meeting is refused', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(add);
    expect((await chat.ask(`meeting-cancel 1 on:2026-12-15 ${SRC} note:"holiday"`)).reply.title).toBe('Cancelled: Commissioners Court of 2026-12-15');
    const moved = await chat.ask(`meeting-change 1 on:2027-01-05 date:2027-01-06 time:14:00 ${SRC}`);
    expect(moved.text).toContain('Now 2027-01-06 14:00 CST (was 2027-01-05 09:00 CST)');
    const { text } = await chat.ask('meetings Travis, TX');
    expect(text).toContain('2026-12-15 09:00 CST — Commissioners Court — CANCELLED');
    expect(text).toContain('2027-01-06 14:00 CST — Commissioners Court (moved from 2027-01-05 09:00 CST)');
    expect((await chat.ask(`meeting-cancel 1 on:2026-12-16 ${SRC}`)).reply.errorCode).toBe('no_occurrence');
    expect((await chat.ask(`meeting-change 1 on:2027-01-19 body:"Other" ${SRC}`)).reply.errorCode).toBe('bad_arguments');
  });

  it.each([
    ['time:25:00', /not a valid local time|not a time/],
    ['time:9xm', /not a time/],
    ['repeat:FREQ=HOURLY', /FREQ=DAILY, WEEKLY, MONTHLY or YEARLY/],
    ['agenda:javascript:alert(1)', /http\(s\)/],
  ])('GIVEN meeting-add with %s THEN it says what is allowed', async (bad, message) => {
    const store = placesStore();
    const line = `meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 ${SRC} ${bad}`;
    const { reply, text } = await conversation({ store, moderator: true }).ask(line);
    expect(reply.status).toBe('user_error');
    expect(text).toMatch(message);
    expect(store.meetings.live()).toEqual([]);
  });

  it('GIVEN the series is cancelled THEN `meetings` lists nothing and the record stays', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(add);
    await chat.ask(`meeting-cancel 1 ${SRC}`);
    expect((await chat.ask('meetings Travis, TX')).text).toContain('No meetings recorded yet.');
    expect(store.meetings.byId(1)?.retiredAt).not.toBeNull();
  });
});

describe('calendar', () => {
  it('GIVEN `calendar Travis, TX` THEN the reply carries an .ics attachment', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 ${SRC}`);
    const { reply } = await chat.ask('calendar Travis, TX');
    expect(reply.title).toBe('Calendar: sheriff-watch-travis-county-tx.ics');
    expect(reply.attachments?.[0]?.content).toMatch(/^BEGIN:VCALENDAR[\s\S]*UID:meeting-1-20261201T150000Z@sheriff-watch/);
  });
});

describe('parser: named options', () => {
  const registry = createRegistry();
  it('GIVEN name:value words with quotes THEN they set options by name and the rest fills positions', () => {
    const { command, args } = parseCommandLine(registry, 'meeting-add Travis, TX body:"Commissioners   Court" date:2026-12-01 time:09:00 source:https://x.org/a?b=c');
    expect(command.name).toBe('meeting-add');
    expect(args).toMatchObject({ county: 'Travis, TX', body: 'Commissioners Court', date: '2026-12-01', time: '09:00', source: 'https://x.org/a?b=c' });
  });

  it('GIVEN a word with a colon that is no option name THEN it stays an ordinary word', () => {
    expect(parseCommandLine(registry, 'sheriff https://x.org').args).toEqual({ county: 'https://x.org' });
  });

  it('GIVEN every command THEN names and options fit Discord (^[a-z0-9-]{1,32}$, at most 25 options)', () => {
    for (const command of registry.all()) {
      expect(command.name).toMatch(/^[a-z0-9-]{1,32}$/);
      expect(command.options.length).toBeLessThanOrEqual(25);
      for (const option of command.options) expect(option.name).toMatch(/^[a-z0-9-]{1,32}$/);
    }
  });
});

describe('documented examples', () => {
  it('GIVEN every example of the reminder commands, run in order in one channel THEN each one answers ok', async () => {
    const names = ['meetings', 'calendar', 'subscribe', 'unsubscribe', 'subscriptions', 'election-add', 'election-change', 'election-cancel', 'meeting-add', 'meeting-change', 'meeting-cancel'];
    const chat = conversation({ store: placesStore(), moderator: true, manager: true, conversation: where('c9') });
    const registry = createRegistry();
    for (const name of names) {
      for (const example of registry.get(name)!.examples) {
        const { reply, text } = await chat.ask(example);
        expect(reply.status, `${example}\n${text}`).toBe('ok');
      }
    }
  });
});
