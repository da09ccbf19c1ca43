/**
 * An adjacency computed in the tests straight from the raw topology file, without
 * topojson-client: two counties are neighbours when their arc lists share an arc index
 * (a negative index ~i is arc i walked backwards).
 */
import { readFileSync } from 'node:fs';
import { ATLAS_FILE } from '../../src/maps/atlas.ts';

type Arcs = number | Arcs[];
interface RawGeometry {
  id?: string;
  arcs?: Arcs;
}

let raw: Map<string, Set<number>> | undefined;

function arcSets(): Map<string, Set<number>> {
  if (raw) return raw;
  const topology = JSON.parse(readFileSync(ATLAS_FILE, 'utf8')) as { objects: { counties: { geometries: RawGeometry[] } } };
  raw = new Map();
  for (const geometry of topology.objects.counties.geometries) {
    const arcs = new Set<number>();
    const walk = (a: Arcs): void => {
      if (typeof a === 'number') arcs.add(a < 0 ? ~a : a);
      else a.forEach(walk);
    };
    if (geometry.arcs !== undefined) walk(geometry.arcs);
    if (geometry.id) raw.set(geometry.id, arcs);
  }
  return raw;
}

export function rawNeighbours(fips: string): string[] {
  const mine = arcSets().get(fips);
  if (!mine) return [];
  return [...arcSets()]
    .filter(([other, arcs]) => other !== fips && [...arcs].some((a) => mine.has(a)))
    .map(([other]) => other)
    .sort();
}
