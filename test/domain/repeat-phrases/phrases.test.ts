// The table of phrasings was written before the parser: what organizers type for a county
// board's schedule, and the RFC 5545 rule each one means.
import { describe, expect, it } from 'vitest';
import rrule from 'rrule';
import { parseRepeat, RepeatPhraseError } from '../../../src/domain/repeat-phrases/parse.ts';

const { RRule } = rrule;

/** The same rule whatever the order of its parts: compared through the rrule library's reading of it. */
function canonical(rule: string): string {
  return new RRule(RRule.parseString(rule)).toString();
}

const ENGLISH: [phrase: string, rule: string, time?: string][] = [
  ['every tuesday', 'FREQ=WEEKLY;BYDAY=TU'],
  ['every Tuesday at 9am', 'FREQ=WEEKLY;BYDAY=TU', '09:00'],
  ['Tuesdays', 'FREQ=WEEKLY;BYDAY=TU'],
  ['every 2nd Tuesday at 9am', 'FREQ=MONTHLY;BYDAY=2TU', '09:00'],
  ['every second Tuesday', 'FREQ=MONTHLY;BYDAY=2TU'],
  ['every other Monday 6:30pm', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '18:30'],
  ['first and third Thursday', 'FREQ=MONTHLY;BYDAY=1TH,3TH'],
  ['1st and 3rd Tuesday of the month', 'FREQ=MONTHLY;BYDAY=1TU,3TU'],
  ['the first and third Tuesdays of each month at 10 a.m.', 'FREQ=MONTHLY;BYDAY=1TU,3TU', '10:00'],
  ['second and fourth Wednesday at 7 pm', 'FREQ=MONTHLY;BYDAY=2WE,4WE', '19:00'],
  ['last Friday of the month', 'FREQ=MONTHLY;BYDAY=-1FR'],
  ['every last Thursday at noon', 'FREQ=MONTHLY;BYDAY=-1TH', '12:00'],
  ['monthly on the 15th', 'FREQ=MONTHLY;BYMONTHDAY=15'],
  ['the 1st and 15th of every month', 'FREQ=MONTHLY;BYMONTHDAY=1,15'],
  ['every month on the first Monday', 'FREQ=MONTHLY;BYDAY=1MO'],
  ['every 2 weeks on Tuesday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
  ['every two weeks on Monday and Thursday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'],
  ['biweekly on Wednesdays', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
  ['weekly on Monday', 'FREQ=WEEKLY;BYDAY=MO'],
  ['weekly', 'FREQ=WEEKLY'],
  ['daily', 'FREQ=DAILY'],
  ['every day at 8:30', 'FREQ=DAILY', '08:30'],
  ['every weekday', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
  ['every Monday and Wednesday', 'FREQ=WEEKLY;BYDAY=MO,WE'],
  ['Mondays, Wednesdays and Fridays at 9:15 AM', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', '09:15'],
  ['every Tue & Thu', 'FREQ=WEEKLY;BYDAY=TU,TH'],
  ['every third Monday at 6 p.m.', 'FREQ=MONTHLY;BYDAY=3MO', '18:00'],
  ['each 4th Thursday', 'FREQ=MONTHLY;BYDAY=4TH'],
  ['every month', 'FREQ=MONTHLY'],
  ['monthly', 'FREQ=MONTHLY'],
  ['every year', 'FREQ=YEARLY'],
  ['annually', 'FREQ=YEARLY'],
  ['every 3 months', 'FREQ=MONTHLY;INTERVAL=3'],
  ['quarterly', 'FREQ=MONTHLY;INTERVAL=3'],
  ['every other week', 'FREQ=WEEKLY;INTERVAL=2'],
  ['every other Tuesday at 14:00', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '14:00'],
  ['the second Tuesday of every month at 9:00 am', 'FREQ=MONTHLY;BYDAY=2TU', '09:00'],
  ['2nd & 4th Mon at 5:30pm', 'FREQ=MONTHLY;BYDAY=2MO,4MO', '17:30'],
  ['every Thursday until 2027-06-30', 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630T235959Z'],
  ['every Monday, 10 times', 'FREQ=WEEKLY;BYDAY=MO;COUNT=10'],
  ['on the last day of the month', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
  ['Every Second Tuesday At 9 AM', 'FREQ=MONTHLY;BYDAY=2TU', '09:00'],
  ['first Monday at 18:30', 'FREQ=MONTHLY;BYDAY=1MO', '18:30'],
  ['every fourth Tuesday of the month at 1:30 p.m.', 'FREQ=MONTHLY;BYDAY=4TU', '13:30'],
  ['every 1st Wed at 7', 'FREQ=MONTHLY;BYDAY=1WE', '07:00'],
  ['every other Thursday at 12pm', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', '12:00'],
  ['weekly on Tuesdays at 9:30 in the morning', 'FREQ=WEEKLY;BYDAY=TU', '09:30'],
  ['every Wednesday at 7 in the evening', 'FREQ=WEEKLY;BYDAY=WE', '19:00'],
  ['every 2nd and 4th Tuesday', 'FREQ=MONTHLY;BYDAY=2TU,4TU'],
  ['Monday through Friday at 8am', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '08:00'],
  ['at 10am on the first Tuesday of the month', 'FREQ=MONTHLY;BYDAY=1TU', '10:00'],
];

const SPANISH: [phrase: string, rule: string, time?: string][] = [
  ['el primer martes de cada mes a las 9', 'FREQ=MONTHLY;BYDAY=1TU', '09:00'],
  ['todos los martes', 'FREQ=WEEKLY;BYDAY=TU'],
  ['cada martes', 'FREQ=WEEKLY;BYDAY=TU'],
  ['los martes a las 6:30 de la tarde', 'FREQ=WEEKLY;BYDAY=TU', '18:30'],
  ['cada lunes a las 18:00', 'FREQ=WEEKLY;BYDAY=MO', '18:00'],
  ['el primer y tercer jueves', 'FREQ=MONTHLY;BYDAY=1TH,3TH'],
  ['primer y tercer jueves de cada mes', 'FREQ=MONTHLY;BYDAY=1TH,3TH'],
  ['el segundo martes del mes a las 9 de la mañana', 'FREQ=MONTHLY;BYDAY=2TU', '09:00'],
  ['el último viernes de cada mes', 'FREQ=MONTHLY;BYDAY=-1FR'],
  ['el ultimo viernes del mes', 'FREQ=MONTHLY;BYDAY=-1FR'],
  ['cada dos semanas los lunes', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
  ['lunes por medio', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
  ['cada dos lunes', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
  ['todos los días', 'FREQ=DAILY'],
  ['diariamente', 'FREQ=DAILY'],
  ['semanal', 'FREQ=WEEKLY'],
  ['mensual', 'FREQ=MONTHLY'],
  ['cada mes el día 15', 'FREQ=MONTHLY;BYMONTHDAY=15'],
  ['el día 1 y 15 de cada mes', 'FREQ=MONTHLY;BYMONTHDAY=1,15'],
  ['los lunes y miércoles a las 7 pm', 'FREQ=WEEKLY;BYDAY=MO,WE', '19:00'],
  ['de lunes a viernes', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
  ['cada segundo y cuarto miércoles a las 19:30', 'FREQ=MONTHLY;BYDAY=2WE,4WE', '19:30'],
  ['el tercer lunes de cada mes a las 6 de la tarde', 'FREQ=MONTHLY;BYDAY=3MO', '18:00'],
  ['cada 3 meses', 'FREQ=MONTHLY;INTERVAL=3'],
  ['cada año', 'FREQ=YEARLY'],
  ['cada semana', 'FREQ=WEEKLY'],
  ['el 2.º martes de cada mes a las 10', 'FREQ=MONTHLY;BYDAY=2TU', '10:00'],
  ['el 1er jueves a las 17:00', 'FREQ=MONTHLY;BYDAY=1TH', '17:00'],
  ['todos los miércoles a las 9 a. m.', 'FREQ=WEEKLY;BYDAY=WE', '09:00'],
  ['cada martes a mediodía', 'FREQ=WEEKLY;BYDAY=TU', '12:00'],
  ['cada jueves hasta el 2027-06-30', 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630T235959Z'],
  ['los sábados a las 10:30 de la mañana', 'FREQ=WEEKLY;BYDAY=SA', '10:30'],
  ['martes y jueves', 'FREQ=WEEKLY;BYDAY=TU,TH'],
  ['cada 2 semanas el martes a las 5:30 pm', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '17:30'],
];

describe('repeats people type', () => {
  it('GIVEN the tables THEN they hold at least 40 English and 20 Spanish phrasings', () => {
    expect(ENGLISH.length).toBeGreaterThanOrEqual(40);
    expect(SPANISH.length).toBeGreaterThanOrEqual(20);
  });

  it.each([...ENGLISH, ...SPANISH])('GIVEN "%s" THEN the rule is %s (time %s)', (phrase, rule, time) => {
    const parsed = parseRepeat(phrase);
    expect(canonical(parsed.rrule)).toBe(canonical(rule));
    expect(parsed.time).toBe(time);
  });
});

/** The refusal of a phrase, in a language. */
function refusal(phrase: string, language: 'en' | 'es'): string {
  try {
    parseRepeat(phrase);
  } catch (error) {
    if (error instanceof RepeatPhraseError) return error.text(language);
    throw error;
  }
  throw new Error(`"${phrase}" was accepted`);
}

describe('repeats that cannot be read', () => {
  it.each([
    ['', 'Write how the meeting repeats'],
    ['every blursday', '"blursday"'],
    ['every 2nd', 'which day of the week'],
    ['every Tuesday at 25pm', '"25pm" is not a time'],
    ['every 6th Tuesday', 'first to fifth, or last'],
    ['every Tuesday at 9am at 10am', 'one time'],
    ['every 2 weeks on the first Tuesday', 'of the month'],
    ['every 0 weeks', 'from 1'],
    ['the 32nd of the month', '1 to 31'],
    ['every Tuesday until 2027-02-30', '"2027-02-30" is not a date'],
    ['every Tuesday and', 'after "and"'],
  ])('GIVEN "%s" THEN refused saying %s, with an example', (phrase, part) => {
    const message = refusal(phrase, 'en');
    expect(message).toContain(part);
    expect(message).toMatch(/e\.g\. /);
  });

  it.each([
    ['cada blursday', '"blursday"'],
    ['el segundo', 'qué día de la semana'],
    ['cada martes a las 25', '"25" no es una hora'],
  ])('GIVEN "%s" THEN refused in Spanish saying %s', (phrase, part) => {
    const message = refusal(phrase, 'es');
    expect(message).toContain(part);
    expect(message).toMatch(/p\. ej\. /);
  });
});
