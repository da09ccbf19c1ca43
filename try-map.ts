import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { systemClock } from './src/clock.ts';
import { migrate } from './src/db/migrate.ts';
import { openDatabase } from './src/db/open.ts';
import { loadShippedData } from './src/importers/shipped.ts';
import { createStore } from './src/store/index.ts';
import { mapContent } from './src/maps/map-content.ts';
import { projectedMap } from './src/maps/geometry.ts';
import { mapSvg } from './src/maps/svg.ts';
import { svgToPng } from './src/maps/png.ts';
const db = openDatabase(':memory:'); migrate(db); const store = createStore(db); loadShippedData(store, systemClock);
for (const [name, subject] of [['tx', { kind: 'state', state: 'TX' }], ['travis', { kind: 'county', county: store.jurisdictions.byFips('48453')! }], ['us', { kind: 'nation' }]] as const) {
  const t0 = performance.now();
  const content = mapContent(store, subject as never, '287g', 'en');
  const geo = await projectedMap(content.geometry);
  const t1 = performance.now();
  const svg = mapSvg(content, geo);
  const png = await svgToPng(svg.svg);
  const t2 = performance.now();
  writeFileSync(`/tmp/map-${name}.png`, png); writeFileSync(`/tmp/map-${name}.svg`, svg.svg);
  console.log(name, (t1-t0).toFixed(0), (t2-t1).toFixed(0), 'ms', png.length, svg.width, svg.height, 'unlabelled', svg.unlabelled.length, 'labelled', svg.labelled.length);
}
