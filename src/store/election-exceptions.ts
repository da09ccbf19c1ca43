import type { Db } from '../db/open.ts';
import type { ElectionException } from '../domain/election-exceptions.ts';
import type { Jurisdiction } from '../domain/types.ts';

interface Row {
  state: string;
  fips: string | null;
  applies_to_kind: string | null;
  name: string;
  kind: string;
  selection: string;
  term_years: number | null;
  cycle_years: string;
  election_day_rule: string | null;
  detail: string;
  basis: string;
  certainty: string;
}

const COLUMNS =
  'state, fips, applies_to_kind, name, kind, selection, term_years, cycle_years, election_day_rule, detail, basis, certainty';

function toException(row: Row): ElectionException {
  return {
    state: row.state as ElectionException['state'],
    fips: row.fips,
    appliesToKind: row.applies_to_kind as ElectionException['appliesToKind'],
    name: row.name,
    kind: row.kind as ElectionException['kind'],
    selection: row.selection as ElectionException['selection'],
    termYears: row.term_years,
    cycleYears: JSON.parse(row.cycle_years) as number[],
    electionDayRule: row.election_day_rule,
    detail: row.detail,
    basis: row.basis,
    certainty: row.certainty as ElectionException['certainty'],
  };
}

/** County exceptions to the state sheriff election rules; replaced as a whole on import. */
export class ElectionExceptionStore {
  private readonly insertStmt;
  private readonly deleteAllStmt;
  private readonly byFipsStmt;
  private readonly byKindStmt;
  private readonly allStmt;
  private readonly inStateStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO election_exceptions (${COLUMNS})
      VALUES (@state, @fips, @appliesToKind, @name, @kind, @selection, @termYears, @cycleYears, @electionDayRule,
        @detail, @basis, @certainty)`);
    this.deleteAllStmt = db.prepare('DELETE FROM election_exceptions');
    this.byFipsStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM election_exceptions WHERE fips = ?`);
    this.byKindStmt = db.prepare<[string, string], Row>(
      `SELECT ${COLUMNS} FROM election_exceptions WHERE fips IS NULL AND state = ? AND applies_to_kind = ?`,
    );
    this.inStateStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM election_exceptions WHERE state = ?`);
    this.allStmt = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM election_exceptions ORDER BY state, fips IS NULL, name`);
  }

  /** Replaces every row with `exceptions` (call inside the import transaction). */
  replaceAll(exceptions: readonly ElectionException[]): void {
    this.deleteAllStmt.run();
    for (const e of exceptions) this.insertStmt.run({ ...e, cycleYears: JSON.stringify(e.cycleYears) });
  }

  /** The row for this county, else the row for its kind of jurisdiction in its state. */
  forJurisdiction(jurisdiction: Pick<Jurisdiction, 'fips' | 'state' | 'kind'>): ElectionException | undefined {
    const row = this.byFipsStmt.get(jurisdiction.fips) ?? this.byKindStmt.get(jurisdiction.state, jurisdiction.kind);
    return row && toException(row);
  }

  /**
   * forJurisdiction for many jurisdictions of one state, reading the state's rows once: the
   * row for the county, else the row for its kind of jurisdiction.
   */
  resolverForState(state: string): (jurisdiction: Pick<Jurisdiction, 'fips' | 'kind'>) => ElectionException | undefined {
    const byFips = new Map<string, ElectionException>();
    const byKind = new Map<string, ElectionException>();
    for (const row of this.inStateStmt.all(state)) {
      const exception = toException(row);
      if (row.fips !== null) byFips.set(row.fips, exception);
      else if (!byKind.has(row.applies_to_kind ?? '')) byKind.set(row.applies_to_kind ?? '', exception);
    }
    return (j) => byFips.get(j.fips) ?? byKind.get(j.kind);
  }

  all(): ElectionException[] {
    return this.allStmt.all().map(toException);
  }
}
