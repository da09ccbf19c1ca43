import type { Db } from '../db/open.ts';
import type { Jurisdiction, Office, OfficeKind, Selection } from '../domain/types.ts';

/** 'Autauga County Sheriff's Office', 'Alexandria City Sheriff's Office'. */
export function sheriffOfficeName(jurisdiction: Jurisdiction): string {
  const place = jurisdiction.kind === 'independent_city' ? `${jurisdiction.baseName} City` : jurisdiction.name;
  return `${place} Sheriff's Office`;
}

interface Row {
  id: number;
  state: string;
  jurisdiction_fips: string | null;
  name: string;
  kind: string;
  selection: string;
}

const COLUMNS = 'id, state, jurisdiction_fips, name, kind, selection';

function toOffice(row: Row): Office {
  return {
    id: row.id,
    state: row.state as Office['state'],
    jurisdictionFips: row.jurisdiction_fips,
    name: row.name,
    kind: row.kind as OfficeKind,
    selection: row.selection as Selection,
  };
}

export interface NewOffice {
  state: string;
  jurisdictionFips: string | null;
  name: string;
  kind: OfficeKind;
  selection?: Selection;
}

export class OfficeStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly sheriffStmt;
  private readonly setSelectionStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string | null, string, string, string], { id: number }>(
      `INSERT INTO offices (state, jurisdiction_fips, name, kind, selection) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    );
    this.byIdStmt = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM offices WHERE id = ?`);
    this.byNameStmt = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM offices WHERE state = ? AND name = ?`);
    this.sheriffStmt = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM offices WHERE jurisdiction_fips = ? AND kind = 'sheriff'`,
    );
    this.setSelectionStmt = db.prepare<[string, number]>(`UPDATE offices SET selection = ? WHERE id = ?`);
  }

  byId(id: number): Office | undefined {
    const row = this.byIdStmt.get(id);
    return row && toOffice(row);
  }

  byName(state: string, name: string): Office | undefined {
    const row = this.byNameStmt.get(state, name);
    return row && toOffice(row);
  }

  /** The sheriff's office of a jurisdiction, if one is recorded. */
  sheriffOf(fips: string): Office | undefined {
    const row = this.sheriffStmt.get(fips);
    return row && toOffice(row);
  }

  /** Returns the existing office of that state and name, or creates it. */
  ensure(office: NewOffice): Office {
    const existing = this.byName(office.state, office.name);
    if (existing) return existing;
    const { id } = this.insertStmt.get(
      office.state,
      office.jurisdictionFips,
      office.name,
      office.kind,
      office.selection ?? 'unknown',
    )!;
    return this.byId(id)!;
  }

  /**
   * The sheriff's office of a jurisdiction, created under its canonical name if absent.
   * Every importer goes through here so one county never gets two sheriff's offices.
   */
  ensureSheriff(jurisdiction: Jurisdiction): Office {
    return this.sheriffOf(jurisdiction.fips) ?? this.ensure({
      state: jurisdiction.state,
      jurisdictionFips: jurisdiction.fips,
      name: sheriffOfficeName(jurisdiction),
      kind: 'sheriff',
    });
  }

  setSelection(id: number, selection: Selection): void {
    this.setSelectionStmt.run(selection, id);
  }
}
