/**
 * Regenerates the maps shown in the README from the shipped data: `npm run maps:readme`.
 * Writes docs/maps/texas-287g.png (a state) and docs/maps/travis-county-287g.png (a county
 * and its neighbours).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../clock.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { loadShippedData } from '../importers/shipped.ts';
import { renderMap } from '../maps/render-map.ts';
import { createStore } from '../store/index.ts';

const OUT = fileURLToPath(new URL('../../docs/maps/', import.meta.url));

const db = openDatabase(':memory:');
migrate(db);
const store = createStore(db);
loadShippedData(store, systemClock);
const travis = store.jurisdictions.byFips('48453');
if (!travis) throw new Error('Travis County is missing from the shipped county list');
mkdirSync(OUT, { recursive: true });
for (const [file, subject] of [
  ['texas-287g.png', { kind: 'state', state: 'TX' }],
  ['travis-county-287g.png', { kind: 'county', county: travis }],
] as const) {
  const map = await renderMap(store, subject, '287g', 'en');
  writeFileSync(`${OUT}${file}`, map.png);
  console.log(`${OUT}${file}: ${map.width}×${map.height}, ${(map.png.byteLength / 1024).toFixed(0)} KiB`);
}
db.close();
