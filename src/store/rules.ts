import type { Db } from '../db/open.ts';
import type { StateSheriffRule } from '../domain/types.ts';

interface Row {
  state: string;
  elected: string;
  term_years: number | null;
  cycle: string;
  last_regular_year: number | null;
  next_regular_year: number | null;
  election_kind: string;
  election_day_rule: string;
  exceptions: string;
  source_urls: string;
  confidence: string;
}

function toRule(row: Row): StateSheriffRule {
  return {
    state: row.state as StateSheriffRule['state'],
    elected: row.elected as StateSheriffRule['elected'],
    termYears: row.term_years,
    cycle: row.cycle,
    lastRegularYear: row.last_regular_year,
    nextRegularYear: row.next_regular_year,
    electionKind: row.election_kind,
    electionDayRule: row.election_day_rule,
    exceptions: row.exceptions,
    sourceUrls: JSON.parse(row.source_urls) as string[],
    confidence: row.confidence as StateSheriffRule['confidence'],
  };
}

export class RuleStore {
  private readonly upsertStmt;
  private readonly byStateStmt;
  private readonly cache = new Map<string, StateSheriffRule | undefined>();

  constructor(db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO state_sheriff_rules (state, elected, term_years, cycle, last_regular_year,
        next_regular_year, election_kind, election_day_rule, exceptions, source_urls, confidence)
      VALUES (@state, @elected, @termYears, @cycle, @lastRegularYear, @nextRegularYear, @electionKind,
        @electionDayRule, @exceptions, @sourceUrls, @confidence)
      ON CONFLICT (state) DO UPDATE SET elected = excluded.elected, term_years = excluded.term_years,
        cycle = excluded.cycle, last_regular_year = excluded.last_regular_year,
        next_regular_year = excluded.next_regular_year, election_kind = excluded.election_kind,
        election_day_rule = excluded.election_day_rule, exceptions = excluded.exceptions,
        source_urls = excluded.source_urls, confidence = excluded.confidence`);
    this.byStateStmt = db.prepare<[string], Row>(`SELECT * FROM state_sheriff_rules WHERE state = ?`);
  }

  upsert(rule: StateSheriffRule): void {
    this.upsertStmt.run({ ...rule, sourceUrls: JSON.stringify(rule.sourceUrls) });
    this.cache.delete(rule.state);
  }

  /** The rule for a state; rules change only on import, so they are cached. */
  forState(state: string): StateSheriffRule | undefined {
    if (!this.cache.has(state)) {
      const row = this.byStateStmt.get(state);
      this.cache.set(state, row && toRule(row));
    }
    return this.cache.get(state);
  }
}
