/**
 * City and ZIP code lookups (issue 15): the time to read the place table, the RSS it adds,
 * and p50/p99 of `resolvePlace` on city names and ZIP codes (target: p99 under 1 ms).
 */
import { performance } from 'node:perf_hooks';
import { preparePlaceTable } from '../src/lookup/place-table.ts';
import { resolvePlace } from '../src/lookup/resolve-place.ts';
import type { Store } from '../src/store/index.ts';

const CITIES = ['Houston, TX', 'Chicago', 'Brooklyn', 'Kansas City, MO', 'Raleigh', 'Miami', 'sheriff for Austin TX', 'Phoenix', 'Springfield, IL', 'St Louis Park, MN'];
const ZIPS = ['77002', '10001', '60614', '11201', '98101', '30303', '85004', '33101', '64106', '27601'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Call first, before anything reads the table. */
export function benchPlaceTableLoad(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  preparePlaceTable();
  const loadMs = performance.now() - start;
  gc?.();
  const added = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  console.log(`place table: read in ${loadMs.toFixed(0)} ms, adds ${added.toFixed(1)} MiB RSS${gc ? '' : ' (run with node --expose-gc for a settled number)'}`);
}

export function benchPlaces(store: Store, iterations: number): void {
  for (const [name, texts] of [['city lookup', CITIES], ['ZIP lookup', ZIPS]] as const) {
    for (let i = 0; i < 200; i++) resolvePlace(store, { county: texts[i % texts.length]!, places: true });
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const begin = performance.now();
      const result = resolvePlace(store, { county: texts[i % texts.length]!, places: true });
      times.push(performance.now() - begin);
      if (result.kind !== 'found' && result.kind !== 'ambiguous') throw new Error(`${name}: ${texts[i % texts.length]} → ${result.kind}`);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(38)} n=${iterations}  p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms`);
  }
}
