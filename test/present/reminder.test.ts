import { describe, expect, it } from 'vitest';
import { collectOccurrences } from '../../src/scheduler/occurrences.ts';
import { renderReminder, sheriffLine } from '../../src/present/reminder.ts';
import { plain } from '../../src/reply.ts';
import { loadedStore } from '../helpers/store.ts';
import { replyText, SOURCE } from '../scheduler/helpers.ts';

const store = loadedStore({ fresh: true });
const autauga = store.jurisdictions.byFips('01001')!;
const DAY = 86_400_000;

function occurrence(key: string, nowIso: string) {
  const now = Date.parse(nowIso);
  const found = collectOccurrences(store, { from: now, to: now + 40 * DAY, now }).find((o) => o.key === key);
  if (!found) throw new Error(`no occurrence ${key}`);
  return { found, now };
}

describe('reminder text', () => {
  it('GIVEN Autauga County THEN the sheriff’s record is one line with the 287(g) model and since when', () => {
    const line = sheriffLine(store, autauga);
    expect(plain(line)).toBe('Sheriff Mark Harrell: 287(g) Jail Enforcement Model, Task Force Model and Warrant Service Officer since 2025-09-22');
    expect(line.find((s) => s.kind === 'date')).toEqual({ kind: 'date', date: '2025-09-22' });
  });

  it('GIVEN a meeting reminder THEN it says what, when (a time span in the county’s zone), where, the links, why it matters, the sheriff and how to act', () => {
    const series = store.meetings.add(
      {
        fips: '01001', body: 'County Commission', startsAt: '2027-01-12T23:00:00.000Z', timeZone: 'America/Chicago', rrule: null, durationMinutes: 90,
        location: '135 N Court St, Prattville', agendaUrl: 'https://example.org/agenda.pdf', livestreamUrl: 'https://example.org/live',
        publicComment: 'Sign up by noon', why: '287(g) renewal on the agenda',
      },
      { ...SOURCE, by: 'test:mod', at: '2026-12-01T00:00:00.000Z' },
    );
    const { found, now } = occurrence(`meeting:${series.id}@2027-01-12T23:00:00.000Z`, '2027-01-09T23:00:00.000Z');
    const reply = renderReminder({ store, hasCommand: (name) => name === 'call' }, found, { now, late: false, scope: { state: 'AL', fips: '01001' } });
    const text = replyText(reply);
    expect(reply.title).toBe('County Commission (Autauga County, AL) meets in 3 days');
    expect(reply.sections[0]!.fields![0]).toEqual({ label: 'When', value: [{ kind: 'time', at: '2027-01-12T23:00:00.000Z', timeZone: 'America/Chicago' }] });
    for (const part of ['Where: 135 N Court St, Prattville', 'Agenda: https://example.org/agenda.pdf', 'Livestream: https://example.org/live', 'Public comment: Sign up by noon', 'Why it matters: 287(g) renewal on the agenda', 'Sheriff Mark Harrell: 287(g) Jail Enforcement Model, Task Force Model and Warrant Service Officer since 2025-09-22', 'call Autauga County, AL', 'unsubscribe Autauga County, AL meetings']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('Sent late');
  });

  it('GIVEN a recorded election with a registration deadline THEN both reminders carry date spans and the source', () => {
    const e = store.recordedElections.add(
      { fips: '01001', officeId: null, kind: 'special', date: '2027-03-09', registrationDeadline: '2027-02-22', note: 'to fill a vacancy' },
      { sourceUrl: 'https://www.sos.alabama.gov/', sourceTitle: 'sos.alabama.gov', by: 'test:mod', at: '2026-12-01T00:00:00.000Z' },
    );
    const election = occurrence(`election:${e.id}@2027-03-09`, '2027-03-02T15:00:00.000Z');
    const reply = renderReminder({ store, hasCommand: () => false }, election.found, { now: election.now, late: true, scope: { state: 'AL', fips: null } });
    expect(reply.title).toBe('Sheriff special election in 7 days: Autauga County, AL');
    expect(reply.sections[0]!.fields).toEqual(expect.arrayContaining([{ label: 'Election day', value: [{ kind: 'date', date: '2027-03-09' }] }]));
    const text = replyText(reply);
    expect(text).toContain('Registration deadline: 2027-02-22');
    expect(text).toContain('Note: to fill a vacancy');
    expect(text).toContain('Source: sos.alabama.gov');
    expect(text).toContain('Register or check your registration: vote.gov');
    expect(text).toContain('Sent late: the bot was offline when this reminder was due.');
    expect(text).toContain('sheriff Autauga County, AL');
    expect(text).toContain('unsubscribe Alabama elections');

    const deadline = occurrence(`registration:${e.id}@2027-02-22`, '2027-02-17T15:00:00.000Z');
    const reminder = renderReminder({ store, hasCommand: () => false }, deadline.found, { now: deadline.now, late: false, scope: { state: 'AL', fips: '01001' } });
    expect(reminder.title).toBe('Voter registration deadline in 5 days: Autauga County, AL');
  });

  it('GIVEN the computed election for a whole state THEN the reminder names the counties and says it is computed', () => {
    const { found, now } = occurrence('computed:GA@2028-11-07', '2028-11-06T14:00:00.000Z');
    const reply = renderReminder({ store, hasCommand: () => false }, found, { now, late: false, scope: { state: 'GA', fips: null } });
    expect(reply.title).toMatch(/^Sheriff elections tomorrow: \d+ counties in Georgia$/);
    const text = replyText(reply);
    expect(text).toContain('Computed from state law — confirm with the county elections office.');
    expect(text).toMatch(/and \d+ more — `elections GA`/);
  });
});
