import { describe, expect, it } from 'vitest';
import { MeetingRuleError, normalizeRrule } from '../../src/domain/meeting-rules.ts';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

/** The refusal of a rule, in a language. */
function refusal(rule: string, language: 'en' | 'es'): string {
  try {
    normalizeRrule(rule);
  } catch (error) {
    if (error instanceof MeetingRuleError) return error.text(language);
    throw error;
  }
  throw new Error(`"${rule}" was accepted`);
}

/** Words of the rrule library's own messages, which must never reach the reader as the message. */
const LIBRARY = /Cannot read properties|Invalid weekday string|Unknown RRULE property|Invalid UNTIL value|bysetpos must be/;

describe('recurrence rules a moderator types', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=1XX', 'BYDAY=1XX: los días son MO (lunes), TU (martes)'],
    ['FREQ=MONTHLY;BYDAY', '"BYDAY" no es una parte de una regla de repetición'],
    ['FREQ=WEEKLY;BYDAY=TUE', 'BYDAY=TUE: los días son'],
    ['FREQ=MONTHLY;BYDAY=1TU,', 'BYDAY=1TU,: los días son'],
    ['FREQ=MONTHLY;FOO=1', '"FOO" no se puede usar en una regla de repetición; use FREQ, INTERVAL, COUNT, UNTIL, BYDAY'],
    ['FREQ=MONTHLY;;BYDAY=TU', '"" no es una parte de una regla de repetición'],
    ['FREQ=MONTHLY;UNTIL=2026-13', 'UNTIL=2026-13: escriba la última fecha como AAAAMMDD'],
    ['FREQ=MONTHLY;UNTIL=20261301', 'UNTIL=20261301: escriba la última fecha como AAAAMMDD'],
    ['FREQ=MONTHLY;UNTIL=20261231T250000Z', 'UNTIL=20261231T250000Z: escriba la última fecha'],
    ['FREQ=MONTHLY;INTERVAL=abc', 'INTERVAL=ABC: INTERVAL debe ser un número entero desde 1'],
    ['FREQ=MONTHLY;COUNT=0', 'COUNT=0: COUNT debe ser un número entero desde 1'],
    ['FREQ=MONTHLY;BYMONTHDAY=40', 'BYMONTHDAY=40: los días del mes van del 1 al 31'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH=13: los meses van del 1 al 12'],
    ['FREQ=MONTHLY;BYSETPOS=x', 'BYSETPOS=X: indique cuál de los días que coinciden'],
    ['FREQ=MONTHLY;BYDAY=9TU', 'BYDAY=9TU: los días son'],
    ['FREQ=WEEKLY;WKST=XX', 'WKST=XX: los días son'],
    ['FREQ=WEEKLY;BYDAY=MO;BYDAY=TU', 'BYDAY aparece dos veces'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20261231', 'Indique COUNT (cuántas reuniones) o UNTIL (la última fecha), no ambos'],
  ])('GIVEN %s THEN refused in Spanish with what is wrong, what is allowed and an example', (rule, spanish) => {
    const es = refusal(rule, 'es');
    expect(es).toContain(spanish);
    expect(es).toMatch(/por ejemplo (FREQ|BYDAY)=/);
    expect(es).not.toMatch(LIBRARY);
    const en = refusal(rule, 'en');
    expect(en).toMatch(/e\.g\. (FREQ|BYDAY)=/);
    expect(en).not.toMatch(LIBRARY);
    expect(en).not.toBe(es);
  });

  it.each(['FREQ=MONTHLY;BYDAY=1TU,3TU', 'FREQ=MONTHLY;BYDAY=+1TU,+3TU', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231',
    'FREQ=WEEKLY;UNTIL=20310315T000000Z', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=YEARLY;BYMONTH=1,7', 'FREQ=WEEKLY;WKST=SU;BYDAY=MO', 'RRULE:freq=weekly;byday=mo;count=10',
  ])('GIVEN the valid rule %s THEN it is accepted', (rule) => {
    expect(normalizeRrule(rule)).toMatch(/^FREQ=/);
  });

  it('GIVEN a rule the library refuses for a reason we do not check THEN a Spanish explanation with an example comes first, the library text only as a detail', () => {
    const error = new MeetingRuleError('rule.parse', { error: 'Invalid weekday string: XX' });
    const es = error.text('es');
    expect(es).toMatch(/^Esa regla de repetición no se puede usar\. Escríbala como partes NOMBRE=valor separadas por ";", por ejemplo FREQ=MONTHLY;BYDAY=1TU,3TU \(1\.er y 3\.er martes\)/);
    expect(es.endsWith('(Detalle, en inglés: Invalid weekday string: XX.)')).toBe(true);
    expect(es).not.toContain('That recurrence rule');
    expect(error.message).toMatch(/^That recurrence rule cannot be used\./);
  });

  it('GIVEN a Spanish moderator adds a meeting with a bad rule THEN the reply is Spanish, names the part and nothing is written', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true, locale: 'es-ES' });
    const { reply, text } = await chat.ask('meeting-add Travis, TX body:"Commissioners Court" date:2026-12-01 time:09:00 repeat:FREQ=MONTHLY;BYDAY=1XX source:https://www.traviscountytx.gov/cc');
    expect(reply.status).toBe('user_error');
    expect(text).toContain('BYDAY=1XX: los días son MO (lunes)');
    expect(text).toContain('por ejemplo BYDAY=1TU,3TU');
    expect(text).not.toMatch(LIBRARY);
    expect(text).not.toContain('days are');
    expect(store.meetings.live()).toEqual([]);
  });
});
