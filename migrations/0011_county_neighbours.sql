-- Counties that share a land border in the county shapes (src/maps/adjacency.ts defines it),
-- loaded from the shipped data/county_neighbours_*.csv. Stored both ways round, so "the
-- neighbours of X" is one index range; a reload replaces every row.
CREATE TABLE county_neighbours (
  fips           TEXT NOT NULL,
  neighbour_fips TEXT NOT NULL,
  PRIMARY KEY (fips, neighbour_fips),
  CHECK (fips <> neighbour_fips)
) WITHOUT ROWID;
