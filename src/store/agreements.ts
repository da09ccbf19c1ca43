/**
 * Prepared statements for reading live agreements (topic positions that are agreements, such as
 * 287(g) models) by state, one query each: positions with their office and jurisdiction, and
 * per-state counts. Built once per connection. Rows are read as arrays (raw mode) and mapped by
 * hand: on a few hundred rows that halves the time better-sqlite3 spends building objects.
 */
import type { Db } from '../db/open.ts';
import type { Jurisdiction, Office, Position } from '../domain/types.ts';

export interface AgreementRow {
  position: Position;
  office: Office;
  /** The office's jurisdiction, when it has one. */
  jurisdiction: Jurisdiction | null;
}

/** Just what a listing shows: the office, its place, the model and the date signed. */
export interface AgreementSummaryRow {
  officeId: number;
  officeName: string;
  officeKind: Office['kind'];
  jurisdictionFips: string | null;
  value: string;
  effectiveDate: string | null;
}

export interface AgreementCountRow {
  state: string;
  kind: Office['kind'];
  /** null on the total row of a state and kind. */
  value: string | null;
  /** Distinct offices holding at least one such agreement. */
  offices: number;
  agreements: number;
}

/** Column order of the raw in-state rows; toAgreement reads them by these positions. */
const IN_STATE_COLUMNS = `p.id, p.office_id, p.topic, p.slot, p.value, p.detail, p.effective_date, p.document_url,
  p.source_title, p.source_url, p.as_of, p.dataset, p.recorded_by, p.recorded_at,
  o.state, o.jurisdiction_fips, o.name, o.kind, o.selection,
  j.fips, j.state, j.name, j.base_name, j.kind, j.match_key, j.time_zone`;

type Cell = string | number | null;

function toAgreement(r: Cell[]): AgreementRow {
  const s = (i: number) => r[i] as string;
  const n = (i: number) => r[i] as string | null;
  return {
    position: {
      id: r[0] as number,
      officeId: r[1] as number,
      topic: s(2),
      slot: s(3),
      value: s(4),
      detail: n(5),
      effectiveDate: n(6),
      documentUrl: n(7),
      source: { title: s(8), url: n(9), date: s(10) },
      dataset: n(11),
      recordedBy: s(12),
      recordedAt: s(13),
    },
    office: {
      id: r[1] as number,
      state: s(14) as Office['state'],
      jurisdictionFips: n(15),
      name: s(16),
      kind: s(17) as Office['kind'],
      selection: s(18) as Office['selection'],
    },
    jurisdiction:
      r[19] === null
        ? null
        : {
            fips: s(19),
            state: s(20) as Jurisdiction['state'],
            name: s(21),
            baseName: s(22),
            kind: s(23) as Jurisdiction['kind'],
            matchKey: s(24),
            timeZone: s(25),
          },
  };
}

export class AgreementStore {
  private readonly inStateStmt;
  private readonly summaryStmt;
  private readonly countsStmt;

  constructor(db: Db) {
    // Offices of the state first (offices_state_kind), then their live positions (positions_topic).
    // The values that count are bound as one JSON array.
    this.inStateStmt = db
      .prepare<[string, string, string], Cell[]>(
        `SELECT ${IN_STATE_COLUMNS}
        FROM offices o
          CROSS JOIN positions p ON p.office_id = o.id AND p.topic = ? AND p.retired_at IS NULL
          LEFT JOIN jurisdictions j ON j.fips = o.jurisdiction_fips
        WHERE o.state = ? AND p.value IN (SELECT value FROM json_each(?))
        ORDER BY o.name COLLATE NOCASE, o.id, p.slot`,
      )
      .raw(true);
    // The listing's columns only: the long text columns (sources, links, notes) cost most.
    this.summaryStmt = db
      .prepare<[string, string, string], Cell[]>(
        `SELECT o.id, o.name, o.kind, o.jurisdiction_fips, p.value, p.effective_date
        FROM offices o
          CROSS JOIN positions p ON p.office_id = o.id AND p.topic = ? AND p.retired_at IS NULL
        WHERE o.state = ? AND p.value IN (SELECT value FROM json_each(?))
        ORDER BY o.name COLLATE NOCASE, o.id, p.slot`,
      )
      .raw(true);
    // One row per (state, kind, value), plus a total per (state, kind) with value NULL: the
    // number of distinct offices is only meaningful on the totals.
    this.countsStmt = db.prepare<[string, string], AgreementCountRow>(`
      WITH live AS (
        SELECT o.state AS state, o.kind AS kind, p.value AS value, o.id AS office_id
        FROM positions p JOIN offices o ON o.id = p.office_id
        WHERE p.topic = ? AND p.retired_at IS NULL AND p.value IN (SELECT value FROM json_each(?)))
      SELECT state, kind, NULL AS value, count(DISTINCT office_id) AS offices, count(*) AS agreements
        FROM live GROUP BY state, kind
      UNION ALL
      SELECT state, kind, value, count(DISTINCT office_id), count(*)
        FROM live GROUP BY state, kind, value
      ORDER BY 1, 2, 3`);
  }

  /** Live positions on a topic whose value is one of `values`, in one state, by office name. */
  inState(topic: string, state: string, values: readonly string[]): AgreementRow[] {
    return this.inStateStmt.all(topic, state, JSON.stringify(values)).map(toAgreement);
  }

  /** The same rows as inState, reduced to what a listing shows. */
  summaryInState(topic: string, state: string, values: readonly string[]): AgreementSummaryRow[] {
    return this.summaryStmt.all(topic, state, JSON.stringify(values)).map((r) => ({
      officeId: r[0] as number,
      officeName: r[1] as string,
      officeKind: r[2] as Office['kind'],
      jurisdictionFips: r[3] as string | null,
      value: r[4] as string,
      effectiveDate: r[5] as string | null,
    }));
  }

  /** Per state and office kind (value null), and per value: offices holding live agreements, and how many. */
  counts(topic: string, values: readonly string[]): AgreementCountRow[] {
    return this.countsStmt.all(topic, JSON.stringify(values));
  }
}

const byDb = new WeakMap<Db, AgreementStore>();

/** The connection's agreement statements, prepared on first use. */
export function agreementStore(db: Db): AgreementStore {
  let store = byDb.get(db);
  if (!store) {
    store = new AgreementStore(db);
    byDb.set(db, store);
  }
  return store;
}
