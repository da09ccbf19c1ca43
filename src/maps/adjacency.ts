/**
 * Which counties are neighbours. The one definition: two counties are neighbours when their
 * shapes share at least one arc of the topology — a stretch of land border. Touching at a
 * single point (a "four corners") or facing each other across water shares no arc, so it
 * does not count. Computed from us-atlas by scripts/build-county-neighbours.ts and shipped in
 * data/ (see src/importers/county-neighbours.ts); the bot reads the stored pairs.
 */
import { neighbors } from 'topojson-client';
import type { CountyTopology } from './atlas.ts';

/** Each county's neighbours by FIPS, both directions, each list sorted. */
export function countyNeighbours(topology: CountyTopology): Map<string, string[]> {
  const geometries = topology.objects.counties.geometries;
  const lists = neighbors(geometries as Parameters<typeof neighbors>[0]);
  const result = new Map<string, string[]>();
  geometries.forEach((geometry, index) => {
    if (geometry.id === undefined) return;
    const ids = (lists[index] ?? []).map((i) => String(geometries[i]!.id)).sort();
    result.set(String(geometry.id), ids);
  });
  return result;
}

/** Each pair once, the smaller FIPS first, sorted: the rows of the shipped file. */
export function neighbourPairs(neighbours: Map<string, string[]>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [fips, list] of neighbours) for (const other of list) if (fips < other) pairs.push([fips, other]);
  return pairs.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}
