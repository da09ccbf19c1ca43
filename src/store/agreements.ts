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

/** Just what a listing shows: the office, the name it is listed by, the model and the date signed. */
export interface AgreementSummaryRow {
  officeId: number;
  /** The jurisdiction's name for a sheriff's office, the office's own otherwise. */
  name: string;
  sheriff: boolean;
  value: string;
  effectiveDate: string | null;
}

interface PageParams {
  topic: string;
  state: string;
  /** JSON array of the values that count. */
  values: string;
  limit: number;
  offset: number;
}

export interface AgreementCountRow {
  state: string;
  kind: Office['kind'];
  /** null on the total row of a state and kind. */
  value: string | null;
  /** Distinct offices holding at least one such agreement (per model: one agreement each). */
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
  private readonly pageStmt;
  private readonly countsStmt;
  private readonly countsInStateStmt;

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
    // One page of the listing: sheriff's offices first, then other agencies, each by office
    // name; a sheriff is shown by its jurisdiction's name. Only the page's offices leave SQLite.
    // CROSS JOIN keeps the page first: left to itself the planner reads every live position.
    const live = `p.topic = @topic AND p.retired_at IS NULL AND p.value IN (SELECT value FROM json_each(@values))`;
    this.pageStmt = db
      .prepare<[PageParams], Cell[]>(
        `WITH listed AS (
          SELECT o.id, o.name, o.kind, o.jurisdiction_fips FROM offices o
          WHERE o.state = @state AND EXISTS (SELECT 1 FROM positions p WHERE p.office_id = o.id AND ${live})
          ORDER BY o.kind <> 'sheriff', o.name COLLATE NOCASE, o.id
          LIMIT @limit OFFSET @offset)
        SELECT l.id, coalesce(j.name, l.name), l.kind = 'sheriff', p.value, p.effective_date
        FROM listed l
          CROSS JOIN positions p ON p.office_id = l.id AND ${live}
          LEFT JOIN jurisdictions j ON j.fips = l.jurisdiction_fips AND l.kind = 'sheriff'
        ORDER BY l.kind <> 'sheriff', l.name COLLATE NOCASE, l.id, p.slot`,
      )
      .raw(true);
    // Read from the counts the 0007 triggers keep: one total row per (state, kind), with
    // value NULL, then one row per model.
    const counts = (where: string) => `
      SELECT o.state, o.office_kind AS kind, NULL AS value, o.offices,
          (SELECT sum(c.agreements) FROM agreement_counts c WHERE c.state = o.state AND c.office_kind = o.office_kind) AS agreements
        FROM agreement_office_counts o WHERE o.offices > 0 ${where}
      UNION ALL
      SELECT state, office_kind, value, agreements, agreements FROM agreement_counts WHERE agreements > 0 ${where}
      ORDER BY 1, 2, 3`;
    this.countsStmt = db.prepare<[], AgreementCountRow>(counts(''));
    this.countsInStateStmt = db.prepare<[string, string], AgreementCountRow>(counts('AND state = ?'));
  }

  /** Live positions on a topic whose value is one of `values`, in one state, by office name. */
  inState(topic: string, state: string, values: readonly string[]): AgreementRow[] {
    return this.inStateStmt.all(topic, state, JSON.stringify(values)).map(toAgreement);
  }

  /** One page of offices holding such positions in a state (see the statement), with those positions. */
  pageInState(topic: string, state: string, values: readonly string[], limit: number, offset: number): AgreementSummaryRow[] {
    const rows = this.pageStmt.all({ topic, state, values: JSON.stringify(values), limit, offset });
    return rows.map((r) => ({
      officeId: r[0] as number,
      name: r[1] as string,
      sheriff: r[2] === 1,
      value: r[3] as string,
      effectiveDate: r[4] as string | null,
    }));
  }

  /**
   * Live 287(g) agreements per state and office kind (value null), and per model: offices
   * holding them, and how many. Kept by triggers (migration 0007), so this reads ~100 rows.
   */
  counts287g(): AgreementCountRow[] {
    return this.countsStmt.all();
  }

  /** The same, for one state. */
  counts287gInState(state: string): AgreementCountRow[] {
    return this.countsInStateStmt.all(state, state);
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
