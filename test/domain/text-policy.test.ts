import { describe, expect, it } from 'vitest';
import { cleanRead, cleanTyped, forbiddenIn } from '../../src/domain/text-policy.ts';
import { checkText, LIMITS } from '../../src/domain/validation.ts';
import { checkText as checkEventText } from '../../src/commands/record/event-args.ts';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

describe('what is stored from free text', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['bell', 'a\u0007b', 'U+0007'],
    ['escape (terminal colours)', '\u001b[31mred', 'U+001B'],
    ['DEL', 'a\u007fb', 'U+007F'],
    ['C1 next line', 'a\u0085b', 'U+0085'],
    ['right-to-left override', 'evil\u202etxt.exe', 'U+202E'],
    ['isolate', 'a\u2066b', 'U+2066'],
    ['line separator', 'a\u2028b', 'U+2028'],
  ])('GIVEN a %s typed in a note THEN refused, naming the character', (_what, raw, code) => {
    const cleaned = cleanTyped(raw, { multiline: true });
    expect(cleaned).toEqual({ ok: false, problem: 'control', which: code });
    expect(checkText(raw, 'note', LIMITS.note, true)).toMatchObject({ ok: false, key: 'limits.text.control' });
  });

  it('GIVEN line breaks THEN kept (as LF) in multi-line fields, refused in one-line fields; tabs become spaces', () => {
    expect(checkText('first\r\nsecond\rthird', 'note', LIMITS.note, true)).toEqual({ ok: true, value: 'first\nsecond\nthird' });
    expect(checkText('Sally\nHernandez', 'name', LIMITS.name)).toMatchObject({ ok: false, key: 'limits.text.newline' });
    expect(checkText('Sally\tHernandez', 'name', LIMITS.name)).toEqual({ ok: true, value: 'Sally Hernandez' });
  });

  it('GIVEN markup, mentions, emoji and accents THEN stored verbatim (rendering is the adapters’ job); the length limit as before', () => {
    expect(checkText('**Doña** <@123> @everyone 😀', 'name', LIMITS.name)).toEqual({ ok: true, value: '**Doña** <@123> @everyone 😀' });
    expect(checkText('x'.repeat(LIMITS.name + 1), 'name', LIMITS.name)).toMatchObject({ ok: false, key: 'check.text.long' });
  });

  it("GIVEN a sheet's cell with control characters and breaks THEN they are dropped and it is one line", () => {
    expect(cleanRead('Travis\u0000 County\u202e\r\nSheriff\u0007')).toBe('Travis County Sheriff');
    expect(forbiddenIn(cleanRead('\u0001\u0085\u2029x'))).toEqual([]);
  });

  it('GIVEN a moderator adds a meeting with a control character in the body or a break in the location THEN refused and nothing stored', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    const base = 'meeting-add Travis, TX date:2026-12-01 time:09:00 source:https://example.org/a';
    const control = await chat.ask(`${base} body:"Court\u001b[2J"`);
    expect(control.text).toContain('The body contains invisible control characters (U+001B); type plain text.');
    expect(store.meetings.live()).toEqual([]);
    // The free-text grammar already joins words with spaces; the check itself refuses a break.
    await chat.ask(`${base} body:"Court" location:"Room 2\nAustin"`);
    expect(store.meetings.live().map((m) => m.location)).toEqual(['Room 2 Austin']);
    expect(() => checkEventText('Room 2\nAustin', 'location')).toThrow(/must be on one line/);
    expect(checkEventText('first\r\nsecond', 'note', true)).toBe('first\nsecond');
  });
});

describe('dates of elections and meetings', () => {
  it.each([
    ['election-add Travis, TX kind:primary date:9999-12-31 source:https://example.org/a', '9999-12-31 is not between 2016-11-24 and 2036-11-24'],
    ['meeting-add Travis, TX body:"Court" date:9999-12-31 time:09:00 source:https://example.org/a', '9999-12-31 is not between 2016-11-24 and 2036-11-24'],
    ['election-add Travis, TX kind:primary date:2027-03-02 registration:1900-01-01 source:https://example.org/a', '1900-01-01 is not between'],
  ])('GIVEN %s THEN refused with the window', async (line, why) => {
    const store = placesStore();
    const { reply, text } = await conversation({ store, moderator: true }).ask(line);
    expect(reply.status).toBe('user_error');
    expect(text).toContain(why);
    expect(text).toContain('up to 10 years back or ahead');
    expect(store.meetings.live()).toEqual([]);
  });

  it('GIVEN a Spanish reader THEN the window is said in Spanish', async () => {
    const { text } = await conversation({ store: placesStore(), moderator: true, locale: 'es-ES' }).ask('election-add Travis, TX kind:primary date:9999-12-31 source:https://example.org/a');
    expect(text).toContain('9999-12-31 no está entre el 2016-11-24 y el 2036-11-24');
  });

  it('GIVEN a moderator gives a javascript: link as a source THEN refused', async () => {
    const { reply } = await conversation({ store: placesStore(), moderator: true }).ask('meeting-add Travis, TX body:"Court" date:2026-12-01 time:09:00 source:javascript:alert(1)');
    expect(reply.status).toBe('user_error');
  });
});
