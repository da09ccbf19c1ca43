import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyNeighboursDataset } from '../../src/importers/county-neighbours.ts';
import { DATA_DIR } from '../../src/importers/dataset.ts';
import { countyNeighbours, neighbourPairs } from '../../src/maps/adjacency.ts';
import { ATLAS_VERSION, countyTopology } from '../../src/maps/atlas.ts';
import { loadedStore } from '../helpers/store.ts';
import { rawNeighbours } from './raw-adjacency.ts';

const TRAVIS = '48453';

describe('county adjacency', () => {
  it('GIVEN Travis County THEN its stored neighbours are exactly the counties sharing an arc with it in the raw topology', () => {
    const expected = rawNeighbours(TRAVIS);
    // Bastrop, Blanco, Burnet, Caldwell, Hays, Williamson.
    expect(expected).toEqual(['48021', '48031', '48053', '48055', '48209', '48491']);
    expect(loadedStore().neighbours.of(TRAVIS)).toEqual(expected);
    expect(countyNeighbours(countyTopology()).get(TRAVIS)).toEqual(expected);
  });

  it('GIVEN the Four Corners THEN counties meeting at a single point are not neighbours, those sharing a border are', () => {
    const apache = loadedStore().neighbours.of('04001'); // Apache County, AZ
    expect(apache).toContain('35045'); // San Juan County, NM: a shared border
    expect(apache).toContain('49037'); // San Juan County, UT: a shared border
    expect(apache).not.toContain('08083'); // Montezuma County, CO: the corner point only
    expect(rawNeighbours('04001')).not.toContain('08083');
  });

  it('GIVEN an island county THEN it has no neighbours (water does not count)', () => {
    // Nantucket, MA and Kauai, HI touch no other county by land.
    expect(loadedStore().neighbours.of('25019')).toEqual([]);
    expect(rawNeighbours('15007')).toEqual([]);
    expect(loadedStore().neighbours.of('15007')).toEqual([]);
  });

  it('GIVEN the shipped file THEN it is what the shapes of the installed us-atlas give, pair for pair', () => {
    expect(countyNeighboursDataset.file).toBe(`county_neighbours_us-atlas-${ATLAS_VERSION}.csv`);
    const shipped = readFileSync(join(DATA_DIR, countyNeighboursDataset.file), 'utf8').trim().split('\n').slice(1);
    const computed = neighbourPairs(countyNeighbours(countyTopology())).map(([a, b]) => `${a},${b}`);
    expect(shipped).toEqual(computed);
    expect(shipped.length).toBeGreaterThan(8000);
  });
});
