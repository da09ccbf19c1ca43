import { describe, expect, it } from 'vitest';
import { parseClockTime, RepeatPhraseError } from '../../../src/domain/repeat-phrases/parse.ts';
import { readRepeat } from '../../../src/domain/repeat-phrases/reading.ts';

describe('times as people write them', () => {
  it.each([
    ['2pm', '14:00'],
    ['14:00', '14:00'],
    ['9 a.m.', '09:00'],
    ['9am', '09:00'],
    ['9:00', '09:00'],
    ['9', '09:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['6:30 PM', '18:30'],
    ['noon', '12:00'],
    ['7 de la tarde', '19:00'],
    ['9:00 a. m.', '09:00'],
    ['a las 6:30 de la tarde', '18:30'],
    ['mediodía', '12:00'],
  ])('GIVEN "%s" THEN %s', (typed, time) => {
    expect(parseClockTime(typed)).toBe(time);
  });

  it.each(['13pm', '24:00', '9:75', 'tuesday', '', 'soon', '9am 10am'])('GIVEN "%s" THEN refused with how to write a time', (typed) => {
    expect(() => parseClockTime(typed)).toThrow(RepeatPhraseError);
    try {
      parseClockTime(typed);
    } catch (error) {
      expect((error as RepeatPhraseError).text('en')).toMatch(/2pm, 9 a\.m\., 14:00|one time of day/);
    }
  });
});

describe('a rule read back', () => {
  const central = { time: '09:00', timeZone: 'America/Chicago' };
  it.each([
    ['FREQ=MONTHLY;BYDAY=2TU', 'en', central, 'every second Tuesday of the month, 9:00 AM Central Time'],
    ['FREQ=MONTHLY;BYDAY=2TU', 'es', central, 'el segundo martes de cada mes, a las 9:00 hora central'],
    ['FREQ=MONTHLY;BYDAY=1TH,3TH', 'en', undefined, 'every first and third Thursday of the month'],
    ['FREQ=MONTHLY;BYDAY=1TH,3TH', 'es', undefined, 'el primer y tercer jueves de cada mes'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'en', { time: '18:30', timeZone: 'America/New_York' }, 'every other Monday, 6:30 PM Eastern Time'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'en', undefined, 'every weekday (Monday to Friday)'],
    ['FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630T235959Z', 'en', undefined, 'every Thursday, until 2027-06-30'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'en', undefined, 'the 1st and 15th of every month'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'es', undefined, 'el día 1 y 15 de cada mes'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'es', undefined, 'el último día de cada mes'],
    ['FREQ=WEEKLY;BYDAY=MO;COUNT=10', 'en', undefined, 'every Monday, 10 times'],
  ] as const)('GIVEN %s in %s THEN "%s"', (rule, language, when, reading) => {
    expect(readRepeat(rule, language, when)).toBe(reading);
  });

  it('GIVEN a rule outside the plain shapes THEN the library reading is used', () => {
    expect(readRepeat('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'en')).toMatch(/weekday/);
  });
});
