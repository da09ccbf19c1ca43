import type { Db } from '../db/open.ts';

/** The stored county adjacency (migration 0010): who borders whom, by FIPS. */
export class CountyNeighbourStore {
  private readonly ofStmt;
  private readonly clearStmt;
  private readonly insertStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.ofStmt = db.prepare<[string], { neighbour_fips: string }>(
      'SELECT neighbour_fips FROM county_neighbours WHERE fips = ? ORDER BY neighbour_fips',
    );
    this.clearStmt = db.prepare('DELETE FROM county_neighbours');
    this.insertStmt = db.prepare<[string, string]>('INSERT OR IGNORE INTO county_neighbours (fips, neighbour_fips) VALUES (?, ?)');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM county_neighbours');
  }

  /** The FIPS codes of a county's neighbours, sorted; empty for an island or an unknown county. */
  of(fips: string): string[] {
    return this.ofStmt.all(fips).map((row) => row.neighbour_fips);
  }

  /** Replaces every pair (each stored both ways round). Run inside the import's transaction. */
  replaceAll(pairs: Iterable<readonly [string, string]>): number {
    this.clearStmt.run();
    for (const [a, b] of pairs) {
      this.insertStmt.run(a, b);
      this.insertStmt.run(b, a);
    }
    return this.countStmt.get()!.n / 2;
  }
}
