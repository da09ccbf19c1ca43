/**
 * The county shapes: us-atlas's counties-10m topology (Census cartographic boundaries, 1:10m,
 * longitude/latitude), read once from the installed package — nothing is downloaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export type CountyTopology = Topology<{
  counties: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
  nation: GeometryCollection;
}>;

export type CountyGeometry = GeometryObject<{ name: string }> & { id: string };

const require = createRequire(import.meta.url);

/** The path of the topology file, for scripts and tests that read it themselves. */
export const ATLAS_FILE: string = require.resolve('us-atlas/counties-10m.json');
/** The installed us-atlas version: the shapes' version, in the shipped adjacency's file name. */
export const ATLAS_VERSION: string = (require('us-atlas/package.json') as { version: string }).version;

let topology: CountyTopology | undefined;

export function countyTopology(): CountyTopology {
  topology ??= JSON.parse(readFileSync(ATLAS_FILE, 'utf8')) as CountyTopology;
  return topology;
}

/** Every county geometry of the atlas (territories included), each with its five-digit FIPS id. */
export function countyGeometries(): CountyGeometry[] {
  return countyTopology().objects.counties.geometries.filter((g): g is CountyGeometry => g.id !== undefined && g.type !== null) as CountyGeometry[];
}
