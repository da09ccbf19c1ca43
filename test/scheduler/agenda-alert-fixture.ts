// A Cook County meeting with an agenda watch finding, written straight to the store, for adapter
// tests of the `agenda` subscription kind (the importer that finds them is tested on its own).
import type { Store } from '../../src/store/index.ts';
import { SOURCE } from './helpers.ts';

export const COOK = '17031';

/** Adds a meeting on `startsAt` with one 287(g) item on its agenda; returns the item's number. */
export function addAgendaFinding(store: Store, n: number, startsAt: string, at: string): string {
  const meeting = store.meetings.add(
    { fips: COOK, body: 'Board of Commissioners', startsAt, timeZone: 'America/Chicago', rrule: null, durationMinutes: null, location: null, agendaUrl: `https://example-county.legistar.com/View.ashx?M=A&ID=${n}`, livestreamUrl: null, publicComment: null, why: null },
    { ...SOURCE, by: 'import:legistar', at },
  );
  const number = `26-0${n}`;
  store.agendaAlerts.add({ meetingId: meeting.id, fips: COOK, matches: [{ number, title: 'Resolution on the Sheriff’s 287(g) agreement', keywords: ['287(g)'] }], itemCount: 12, agendaUrl: null, publicComment: null, foundAt: at });
  return number;
}
