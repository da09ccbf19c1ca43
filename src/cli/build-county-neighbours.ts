/**
 * Writes data/county_neighbours_us-atlas-<version>.csv: every pair of counties that share a
 * land border in us-atlas's county shapes (src/maps/adjacency.ts says what counts). Run after
 * upgrading us-atlas: `npm run maps:neighbours`, then point the dataset at the new file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../importers/dataset.ts';
import { countyNeighbours, neighbourPairs } from '../maps/adjacency.ts';
import { ATLAS_VERSION, countyTopology } from '../maps/atlas.ts';

const pairs = neighbourPairs(countyNeighbours(countyTopology()));
const file = join(DATA_DIR, `county_neighbours_us-atlas-${ATLAS_VERSION}.csv`);
writeFileSync(file, ['fips,neighbour_fips', ...pairs.map(([a, b]) => `${a},${b}`)].join('\n') + '\n');
console.log(`${pairs.length} neighbouring pairs written to ${file}`);
