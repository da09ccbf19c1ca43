import { describe, expect, it } from 'vitest';
import { DEFAULT_LEADS, dueAt, LeadError, leadsFor, parseLeads } from '../../src/domain/leads.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('lead times', () => {
  it('GIVEN the defaults THEN elections 30d/7d/1d/morning, registration 5d, meetings 3d and 2h', () => {
    expect(DEFAULT_LEADS).toEqual({ election: ['30d', '7d', '1d', 'morning'], registration: ['5d'], meeting: ['3d', '2h'] });
    expect(leadsFor('meeting', { meeting: ['1d'] })).toEqual(['1d']);
    expect(leadsFor('election', { meeting: ['1d'] })).toEqual(DEFAULT_LEADS.election);
  });

  it('GIVEN a written list THEN it is canonical, de-duplicated and longest first', () => {
    expect(parseLeads('meeting', '2h, 3d 90m 2h')).toEqual(['3d', '2h', '90m']);
    expect(parseLeads('election', 'morning,1d,14d')).toEqual(['14d', '1d', 'morning']);
  });

  it.each([
    ['election', '2h', /whole days/],
    ['meeting', 'soon', /not a lead time/],
    ['meeting', '0d', /at least 1/],
    ['meeting', '91d', /more than 90 days/],
    ['registration', '', /at least one/],
  ] as const)('GIVEN %s leads "%s" THEN it is refused with what is allowed', (kind, text, message) => {
    expect(() => parseLeads(kind, text)).toThrow(LeadError);
    expect(() => parseLeads(kind, text)).toThrow(message);
  });

  it('GIVEN an election day in Chicago THEN day leads are due at 9:00 local and "morning" at 7:00, across the November DST change', () => {
    const election = { date: '2026-11-03', timeZone: 'America/Chicago' };
    expect(iso(dueAt('7d', election))).toBe('2026-10-27T14:00:00.000Z'); // 9:00 CDT
    expect(iso(dueAt('1d', election))).toBe('2026-11-02T15:00:00.000Z'); // 9:00 CST
    expect(iso(dueAt('morning', election))).toBe('2026-11-03T13:00:00.000Z'); // 7:00 CST
  });

  it('GIVEN a 9:00 meeting just after the March DST change THEN "3d" is 9:00 local three days before (71 hours) and "2h" exactly two hours', () => {
    const meeting = { start: '2026-03-10T14:00:00.000Z', timeZone: 'America/Chicago' }; // Tue 9:00 CDT
    expect(iso(dueAt('3d', meeting))).toBe('2026-03-07T15:00:00.000Z'); // Sat 9:00 CST
    expect(iso(dueAt('2h', meeting))).toBe('2026-03-10T12:00:00.000Z');
    expect(iso(dueAt('morning', meeting))).toBe('2026-03-10T12:00:00.000Z'); // 7:00 CDT
  });

  it('GIVEN a meeting at 6:30 THEN a "morning" lead does not apply', () => {
    expect(dueAt('morning', { start: '2026-03-10T11:30:00.000Z', timeZone: 'America/Chicago' })).toBeNull();
  });
});
