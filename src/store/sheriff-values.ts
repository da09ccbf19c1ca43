import type { Db } from '../db/open.ts';

type ValueRow = [fips: string, value: string];

/**
 * Sheriff's offices' live values on a topic, as (county FIPS, value) pairs and nothing more:
 * a map reads every sheriff in the country at once, so the rows stay two columns wide.
 */
export class SheriffValueStore {
  private readonly allStmt;
  private readonly inStateStmt;
  private readonly inCountiesStmt;

  constructor(db: Db) {
    const sql = `SELECT o.jurisdiction_fips, p.value FROM positions p JOIN offices o ON o.id = p.office_id
      WHERE p.topic = ? AND p.retired_at IS NULL AND o.kind = 'sheriff' AND o.jurisdiction_fips IS NOT NULL`;
    this.allStmt = db.prepare<[string], ValueRow>(sql).raw(true);
    this.inStateStmt = db.prepare<[string, string], ValueRow>(`${sql} AND o.state = ?`).raw(true);
    // Driven from the few counties asked (each office by its FIPS, then its live positions), never
    // from every position on the topic: the sheriff card reads this for a county and its neighbours.
    this.inCountiesStmt = db
      .prepare<[string, string], ValueRow>(
        `SELECT o.jurisdiction_fips, p.value FROM json_each(?) AS f
          CROSS JOIN offices o ON o.jurisdiction_fips = f.value AND o.kind = 'sheriff'
          CROSS JOIN positions p ON p.office_id = o.id AND p.topic = ? AND p.retired_at IS NULL`,
      )
      .raw(true);
  }

  /** The same for a few counties (a county and its neighbours), by FIPS: reads only their offices. */
  forCounties(topic: string, fips: readonly string[]): Map<string, string[]> {
    return grouped(this.inCountiesStmt.all(JSON.stringify(fips), topic));
  }

  /** Each county's live values on the topic (several for 287(g) models), in one state or everywhere. */
  byCounty(topic: string, state?: string): Map<string, string[]> {
    return grouped(state ? this.inStateStmt.all(topic, state) : this.allStmt.all(topic));
  }
}

function grouped(rows: ValueRow[]): Map<string, string[]> {
  const byCounty = new Map<string, string[]>();
  for (const [fips, value] of rows) {
    const values = byCounty.get(fips);
    if (values) values.push(value);
    else byCounty.set(fips, [value]);
  }
  return byCounty;
}
