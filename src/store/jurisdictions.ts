import type { Db } from '../db/open.ts';
import type { Jurisdiction } from '../domain/types.ts';

interface Row {
  fips: string;
  state: string;
  name: string;
  base_name: string;
  kind: string;
  match_key: string;
  time_zone: string;
}

const COLUMNS = 'fips, state, name, base_name, kind, match_key, time_zone';

function toJurisdiction(row: Row): Jurisdiction {
  return {
    fips: row.fips,
    state: row.state as Jurisdiction['state'],
    name: row.name,
    baseName: row.base_name,
    kind: row.kind as Jurisdiction['kind'],
    matchKey: row.match_key,
    timeZone: row.time_zone,
  };
}

export class JurisdictionStore {
  private readonly upsertStmt;
  private readonly byFipsStmt;
  private readonly byKeyStmt;
  private readonly byStateKeyStmt;
  private readonly byStateStmt;
  private readonly allStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO jurisdictions (${COLUMNS})
      VALUES (@fips, @state, @name, @baseName, @kind, @matchKey, @timeZone)
      ON CONFLICT (fips) DO UPDATE SET state = excluded.state, name = excluded.name,
        base_name = excluded.base_name, kind = excluded.kind, match_key = excluded.match_key,
        time_zone = excluded.time_zone`);
    this.byFipsStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM jurisdictions WHERE fips = ?`);
    this.byKeyStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM jurisdictions WHERE match_key = ? ORDER BY state, fips`);
    this.byStateKeyStmt = db.prepare<[string, string], Row>(
      `SELECT ${COLUMNS} FROM jurisdictions WHERE state = ? AND match_key = ? ORDER BY fips`,
    );
    this.byStateStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM jurisdictions WHERE state = ? ORDER BY name`);
    this.allStmt = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM jurisdictions ORDER BY state, name`);
    this.countStmt = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM jurisdictions WHERE state = ?`);
  }

  upsert(j: Jurisdiction): void {
    this.upsertStmt.run(j);
  }

  byFips(fips: string): Jurisdiction | undefined {
    const row = this.byFipsStmt.get(fips);
    return row && toJurisdiction(row);
  }

  byKey(matchKey: string, state?: string): Jurisdiction[] {
    const rows = state ? this.byStateKeyStmt.all(state, matchKey) : this.byKeyStmt.all(matchKey);
    return rows.map(toJurisdiction);
  }

  inState(state: string): Jurisdiction[] {
    return this.byStateStmt.all(state).map(toJurisdiction);
  }

  /** How many counties and county-equivalents the state has. */
  countInState(state: string): number {
    return this.countStmt.get(state)!.n;
  }

  all(): Jurisdiction[] {
    return this.allStmt.all().map(toJurisdiction);
  }
}
