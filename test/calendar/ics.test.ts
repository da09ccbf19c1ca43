import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/ics.ts';
import { fixedClock } from '../../src/clock.ts';
import { addTravisMeeting, placesStore, SOURCE } from '../scheduler/helpers.ts';

/** A small iCalendar reader: unfolds lines and returns each VEVENT's properties (name;params → value). */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = undefined;
    } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at)] = line.slice(at + 1).replace(/\\([,;\\])/g, '$1').replace(/\\n/g, '\n');
    }
  }
  return out;
}

const clock = fixedClock('2026-02-01T12:00:00Z');
const meta = { ...SOURCE, by: 'test:mod', at: '2026-01-15T00:00:00.000Z' };

function travisCalendar() {
  const store = placesStore();
  const series = addTravisMeeting(store, { rrule: 'FREQ=MONTHLY;BYDAY=1TU,3TU' });
  const travis = store.jurisdictions.byFips('48453')!;
  const build = () => buildCalendar(store, clock, { kind: 'jurisdiction', jurisdiction: travis });
  return { store, series, build };
}

describe('calendar (.ics)', () => {
  it('GIVEN a county with meetings and a recorded election THEN the file parses back with stable UIDs, UTC meeting times across DST, all-day elections and the registration deadline', () => {
    const { store, build } = travisCalendar();
    const e = store.recordedElections.add({ fips: '48453', officeId: null, kind: 'primary', date: '2026-03-03', registrationDeadline: '2026-02-02', note: null }, meta);
    const { attachment, summary } = build();
    expect(attachment.filename).toBe('sheriff-watch-travis-county-tx.ics');
    expect(attachment.contentType).toMatch(/^text\/calendar/);
    const all = events(attachment.content);
    const meetings = all.filter((v) => v.UID!.startsWith('meeting-'));
    expect(summary.meetings).toBe(meetings.length);
    expect(meetings.length).toBeGreaterThanOrEqual(24);
    const march = meetings.filter((v) => v.DTSTART!.startsWith('202603'));
    expect(march.map((v) => [v.UID, v.DTSTART, v.DTEND])).toEqual([
      ['meeting-1-20260303T150000Z@sheriff-watch', '20260303T150000Z', '20260303T170000Z'],
      ['meeting-1-20260317T140000Z@sheriff-watch', '20260317T140000Z', '20260317T160000Z'],
    ]);
    expect(march[0]!.SUMMARY).toBe('Commissioners Court — Travis County, TX');
    expect(march[0]!.LOCATION).toBe('700 Lavaca St, Austin');
    expect(march[0]!.DESCRIPTION).toContain('Why it matters: 287(g) renewal on the agenda');
    const election = all.find((v) => v.UID === `election-${e.id}@sheriff-watch`)!;
    expect(election['DTSTART;VALUE=DATE']).toBe('20260303');
    expect(election.SUMMARY).toBe('Sheriff primary election — Travis County, TX');
    expect(all.find((v) => v.UID === `registration-${e.id}@sheriff-watch`)?.['DTSTART;VALUE=DATE']).toBe('20260202');
    const computed = all.find((v) => v.UID === 'computed-48453-2028@sheriff-watch')!;
    expect(computed['DTSTART;VALUE=DATE']).toBe('20281107');
    expect(computed.DESCRIPTION).toMatch(/^Computed from state law/);
  });

  it('GIVEN changes after a first export THEN the next export keeps every UID, raises SEQUENCE and marks cancellations instead of dropping them', () => {
    const { store, series, build } = travisCalendar();
    const e = store.recordedElections.add({ fips: '48453', officeId: null, kind: 'runoff', date: '2026-05-26', registrationDeadline: null, note: null }, meta);
    const first = events(build().attachment.content);
    store.meetings.setException(series.id, '2026-03-17T14:00:00.000Z', { status: 'cancelled', startsAt: null, location: null, note: 'no quorum' }, meta);
    store.meetings.setException(series.id, '2026-04-07T14:00:00.000Z', { status: 'moved', startsAt: '2026-04-08T19:00:00.000Z', location: 'Annex', note: null }, meta);
    store.recordedElections.cancel(e.id, { ...meta, reason: 'no runoff needed' });
    const second = events(build().attachment.content);
    expect(second.map((v) => v.UID).sort()).toEqual(first.map((v) => v.UID).sort());
    const cancelled = second.find((v) => v.UID === 'meeting-1-20260317T140000Z@sheriff-watch')!;
    expect(cancelled.STATUS).toBe('CANCELLED');
    expect(Number(cancelled.SEQUENCE)).toBeGreaterThan(Number(first.find((v) => v.UID === cancelled.UID)!.SEQUENCE));
    const moved = second.find((v) => v.UID === 'meeting-1-20260407T140000Z@sheriff-watch')!;
    expect([moved.DTSTART, moved.LOCATION, moved.STATUS]).toEqual(['20260408T190000Z', 'Annex', 'CONFIRMED']);
    expect(second.find((v) => v.UID === `election-${e.id}@sheriff-watch`)?.STATUS).toBe('CANCELLED');
  });

  it('GIVEN a state THEN computed elections are one event per date, not one per county', () => {
    const store = placesStore();
    const all = events(buildCalendar(store, clock, { kind: 'state', state: 'GA' }).attachment.content);
    expect(all.map((v) => v.UID)).toEqual(['computed-GA-2028-11-07@sheriff-watch']);
    expect(all[0]!.DESCRIPTION).toContain('Fulton County');
  });
});
