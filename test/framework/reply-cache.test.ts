import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';
import { loadedStore } from '../helpers/store.ts';

describe('reply cache', () => {
  it('GIVEN the same question twice THEN the second answer is the cached reply', async () => {
    const chat = conversation({ store: loadedStore({ fresh: true }) });
    const first = await chat.ask('sheriff Travis, TX');
    const second = await chat.ask('sheriff Travis, TX');
    expect(second.reply).toBe(first.reply);
    expect(Object.isFrozen(second.reply)).toBe(true);
  });

  it('GIVEN a write between two questions THEN the answer shows the new record', async () => {
    const store = loadedStore({ fresh: true });
    const chat = conversation({ store });
    expect((await chat.ask('status Travis, TX')).text).toContain('ICE detainers without a judicial warrant: Unknown');
    const office = store.offices.sheriffOf('48453')!;
    store.positions.record({
      officeId: office.id, topic: 'detainers', slot: '', value: 'no', detail: null, effectiveDate: null, documentUrl: null,
      source: { title: 'Travis County Sheriff policy', url: 'https://example.org/p', date: '2026-02-01' },
      dataset: null, by: 'test', at: '2026-02-02T00:00:00Z',
    });
    expect((await chat.ask('status Travis, TX')).text).toContain('Does not hold people on ICE detainers without a judicial warrant.');
  });

  it('GIVEN two languages THEN each gets its own reply', async () => {
    const store = loadedStore({ fresh: true });
    const english = await conversation({ store }).ask('call Travis, TX');
    const spanish = await conversation({ store, locale: 'es' }).ask('call Travis, TX');
    expect(english.text).toContain('-- What to say');
    expect(spanish.text).toContain('-- Qué decir');
  });

  it('GIVEN a moderator and a member THEN help is not shared between them', async () => {
    const store = loadedStore({ fresh: true });
    const member = await conversation({ store }).ask('help');
    const moderator = await conversation({ store, moderator: true }).ask('help');
    expect(moderator.text).toContain('(moderators)');
    expect(member.text).not.toContain('(moderators)');
  });
});
