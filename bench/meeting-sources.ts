/**
 * Meeting sources and calendar feeds: the import of a 500-event Legistar response (from a local
 * server replaying the API's shapes) and the response time of a county's and a state's feed.
 * Run alone with `npx tsx bench/meeting-sources.ts`.
 */
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../src/clock.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/open.ts';
import { calendarFeedRoute } from '../src/http/calendar-feed.ts';
import { startHttpServer } from '../src/http/routes.ts';
import { countiesDataset } from '../src/importers/counties.ts';
import { electionRulesDataset } from '../src/importers/election-rules.ts';
import { loadShippedData } from '../src/importers/shipped.ts';
import { setLegistarBase } from '../src/meeting-sources/legistar.ts';
import { syncSource } from '../src/meeting-sources/sync.ts';
import { createStore } from '../src/store/index.ts';
import { legistarEvent, startFakeLegistar } from '../test/helpers/fake-legistar.ts';

const clock = fixedClock('2026-11-24T15:00:00Z');
const db = openDatabase(':memory:');
migrate(db);
const store = createStore(db);
loadShippedData(store, clock, [countiesDataset, electionRulesDataset]);

const fake = await startFakeLegistar();
setLegistarBase(fake.base);
const events = Array.from({ length: 500 }, (_, i) => legistarEvent(1000 + i, `2027-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`, `${1 + (i % 11)}:30 PM`, {
  EventBodyName: i % 5 === 0 ? 'Board of Commissioners' : `Committee ${i % 7}`,
  EventAgendaFile: `https://example.legistar.com/View.ashx?M=A&ID=${1000 + i}`,
}));
fake.clients.set('cook-county', { events, items: new Map() });
const source = store.meetingSources.add({ fips: '17031', kind: 'legistar', locator: 'cook-county', body: null, token: null, by: 'bench', at: clock.now().toISOString() });

let start = performance.now();
const first = await syncSource(store, clock, source);
const firstMs = performance.now() - start;
start = performance.now();
const again = await syncSource(store, fixedClock('2026-11-25T15:00:00Z'), source);
const againMs = performance.now() - start;
console.log(`legistar import, 500 events: first ${firstMs.toFixed(0)} ms (${first.added} added in the 120-day window, up to 40 agendas read), again ${againMs.toFixed(0)} ms (${again.unchanged} unchanged)`);
await fake.close();

const feeds = await startHttpServer([calendarFeedRoute({ store, clock }, { perMinute: 1_000_000 })], 0, '127.0.0.1');
for (const path of ['/calendar/cook-county-il.ics', '/calendar/illinois.ics']) {
  const times: number[] = [];
  let bytes = 0;
  // The first request builds the calendar; the others are served from it until the data changes.
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${feeds.port}${path}`);
    bytes = (await res.text()).length;
    times.push(performance.now() - t0);
  }
  const first = times.shift()!;
  times.sort((a, b) => a - b);
  console.log(`feed ${path}: first (built) ${first.toFixed(0)} ms, then p50 ${times[14]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (${(bytes / 1024).toFixed(0)} KiB, 30 requests)`);
}
await feeds.close();
db.close();
