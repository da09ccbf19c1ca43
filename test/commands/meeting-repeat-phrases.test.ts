import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

const SRC = 'source:https://www.cobbcounty.org/board';

describe('meeting-add with repeats and times people type', () => {
  it('GIVEN repeat:every tuesday without quotes and time:2pm THEN a weekly Tuesday series at 14:00 local, read back', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const { reply, text } = await chat.ask(`meeting-add Cobb, GA body:"Board of Commissioners" date:2026-12-08 time:2pm repeat:every tuesday ${SRC}`);
    expect(reply.status).toBe('ok');
    expect(text).toContain('every Tuesday, 2:00 PM Eastern Time');
    const series = store.meetings.byId(1)!;
    expect(series.rrule).toBe('FREQ=WEEKLY;BYDAY=TU');
    // 2026-12-08 14:00 EST is 19:00 UTC.
    expect(series.startsAt).toBe('2026-12-08T19:00:00.000Z');
  });

  it('GIVEN time:9am and time:"9 a.m." THEN both are 9:00', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(`meeting-add Cobb, GA body:"A" date:2026-12-09 time:9am ${SRC}`);
    await chat.ask(`meeting-add Cobb, GA body:"B" date:2026-12-09 time:9 a.m. ${SRC}`);
    expect(store.meetings.byId(1)!.startsAt).toBe('2026-12-09T14:00:00.000Z');
    expect(store.meetings.byId(2)!.startsAt).toBe('2026-12-09T14:00:00.000Z');
  });

  it('GIVEN a weekly-Tuesday series started on a Wednesday THEN refused with the first real Tuesday offered, nothing recorded', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const { reply, text } = await chat.ask(`meeting-add Cobb, GA body:"Board" date:2026-12-09 time:10:00 repeat:"every tuesday" ${SRC}`);
    expect(reply.status).not.toBe('ok');
    expect(text).toContain('2026-12-09 is not one of the meetings: it is a Wednesday');
    expect(text).toContain('use date:2026-12-15');
    expect(store.meetings.byId(1)).toBeUndefined();
  });

  it('GIVEN a repeat with its time and no date THEN the series starts at its first meeting from today (2026-11-24)', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const { text } = await chat.ask(`meeting-add Cobb, GA body:"Board" repeat:every 2nd Tuesday at 9am ${SRC}`);
    expect(text).toContain('every second Tuesday of the month, 9:00 AM Eastern Time');
    // The second Tuesday of December 2026 is the 8th (the one of November, the 10th, is past).
    expect(store.meetings.byId(1)!.startsAt).toBe('2026-12-08T14:00:00.000Z');
  });

  it('GIVEN a Spanish repeat in a Spanish chat THEN it is read back in Spanish', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true, locale: 'es' });
    const { text } = await chat.ask(`meeting-add Cobb, GA body:"Junta" repeat:el primer martes de cada mes a las 9 ${SRC}`);
    expect(text).toContain('el primer martes de cada mes, a las 9:00 hora oriental');
    expect(store.meetings.byId(1)!.rrule).toBe('FREQ=MONTHLY;BYDAY=+1TU');
  });

  it('GIVEN a time in the repeat and a different time: THEN refused, saying both', async () => {
    const chat = conversation({ store: placesStore(), moderator: true });
    const { text } = await chat.ask(`meeting-add Cobb, GA body:"Board" date:2026-12-08 time:10am repeat:every tuesday at 9am ${SRC}`);
    expect(text).toContain('The repeat says 09:00 but time: says 10:00');
  });

  it('GIVEN an unreadable repeat THEN refused quoting the word, with an example', async () => {
    const chat = conversation({ store: placesStore(), moderator: true });
    const { text } = await chat.ask(`meeting-add Cobb, GA body:"Board" date:2026-12-08 time:10am repeat:every blursday ${SRC}`);
    expect(text).toContain('The word "blursday" is not understood');
  });

  it('GIVEN meeting-change moving the series start off the rule THEN refused with the first real date', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(`meeting-add Cobb, GA body:"Board" date:2026-12-08 time:10:00 repeat:FREQ=WEEKLY;BYDAY=TU ${SRC}`);
    const { text } = await chat.ask(`meeting-change 1 date:2026-12-10 ${SRC}`);
    expect(text).toContain('use date:2026-12-15');
    expect(store.meetings.byId(1)!.startsAt).toBe('2026-12-08T15:00:00.000Z');
  });
});
