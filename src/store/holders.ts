import type { Db } from '../db/open.ts';
import type { OfficeHolder, SourceKind } from '../domain/types.ts';

interface Row {
  id: number;
  office_id: number;
  name: string;
  name_as_printed: string;
  party: string | null;
  selection: string;
  took_office: string | null;
  term_end: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  source_kind: string;
  source_title: string;
  source_url: string | null;
  source_date: string;
  dataset: string | null;
  recorded_by: string;
  recorded_at: string;
}

const COLUMNS = `id, office_id, name, name_as_printed, party, selection, took_office, term_end, phone, email,
  address, website, source_kind, source_title, source_url, source_date, dataset, recorded_by, recorded_at`;

/**
 * Which record names the current holder: a moderator's record first, then directories
 * (newest first), then election winners (newest first).
 */
const CURRENT_ORDER = `CASE source_kind WHEN 'moderator' THEN 0 WHEN 'election_winner' THEN 2 ELSE 1 END,
  source_date DESC,
  CASE source_kind WHEN 'state_directory' THEN 0 WHEN 'association_directory' THEN 1
    WHEN 'signer_list' THEN 2 WHEN 'third_party_list' THEN 3 ELSE 4 END,
  id DESC`;

function toHolder(row: Row): OfficeHolder {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name,
    nameAsPrinted: row.name_as_printed,
    party: row.party,
    selection: row.selection as OfficeHolder['selection'],
    tookOffice: row.took_office,
    termEnd: row.term_end,
    phone: row.phone,
    email: row.email,
    address: row.address,
    website: row.website,
    sourceKind: row.source_kind as SourceKind,
    source: { title: row.source_title, url: row.source_url, date: row.source_date },
    dataset: row.dataset,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export type NewHolder = Omit<OfficeHolder, 'id'>;

export class HolderStore {
  private readonly insertStmt;
  private readonly currentStmt;
  private readonly allStmt;
  private readonly byDatasetStmt;
  private readonly retireStmt;
  private readonly byIdStmt;
  private readonly retiredAtStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO office_holders (office_id, name, name_as_printed, party, selection,
        took_office, term_end, phone, email, address, website, source_kind, source_title, source_url, source_date,
        dataset, recorded_by, recorded_at)
      VALUES (@officeId, @name, @nameAsPrinted, @party, @selection, @tookOffice, @termEnd, @phone, @email, @address,
        @website, @sourceKind, @sourceTitle, @sourceUrl, @sourceDate, @dataset, @recordedBy, @recordedAt)`);
    this.currentStmt = db.prepare<[number], Row>(
      `SELECT ${COLUMNS} FROM office_holders WHERE office_id = ? AND retired_at IS NULL ORDER BY ${CURRENT_ORDER} LIMIT 1`,
    );
    this.allStmt = db.prepare<[number], Row>(
      `SELECT ${COLUMNS} FROM office_holders WHERE office_id = ? AND retired_at IS NULL ORDER BY ${CURRENT_ORDER}`,
    );
    this.byDatasetStmt = db.prepare<[number, string], Row>(
      `SELECT ${COLUMNS} FROM office_holders WHERE office_id = ? AND dataset = ? AND retired_at IS NULL`,
    );
    this.retireStmt = db.prepare<[string, number]>(`UPDATE office_holders SET retired_at = ? WHERE id = ?`);
    this.byIdStmt = db.prepare<[number], Row & { retired_at: string | null }>(`SELECT ${COLUMNS}, retired_at FROM office_holders WHERE id = ?`);
    this.retiredAtStmt = db.prepare<[number, string, number], Row>(
      `SELECT ${COLUMNS} FROM office_holders WHERE office_id = ? AND source_kind = 'moderator' AND retired_at = ? AND id < ? ORDER BY id DESC LIMIT 1`,
    );
  }

  /** A record, live or retired. */
  byId(id: number): (OfficeHolder & { retiredAt: string | null }) | undefined {
    const row = this.byIdStmt.get(id);
    return row && { ...toHolder(row), retiredAt: row.retired_at };
  }

  /** The moderators' record that a newer one (id `before`) replaced at `at`, if any. */
  replacedModeratorRecord(officeId: number, at: string, before: number): OfficeHolder | undefined {
    const row = this.retiredAtStmt.get(officeId, at, before);
    return row && toHolder(row);
  }

  /** The record the bot shows as the office holder, if any source names one. */
  current(officeId: number): OfficeHolder | undefined {
    const row = this.currentStmt.get(officeId);
    return row && toHolder(row);
  }

  /** Every live record for the office, best first. */
  records(officeId: number): OfficeHolder[] {
    return this.allStmt.all(officeId).map(toHolder);
  }

  /**
   * Records what a dataset says about an office. Re-loading the same facts changes nothing;
   * different facts retire the dataset's previous row and insert the new one.
   */
  recordFromDataset(holder: NewHolder & { dataset: string }): 'created' | 'changed' | 'unchanged' {
    const existing = this.byDatasetStmt.get(holder.officeId, holder.dataset);
    if (existing && sameFacts(toHolder(existing), holder)) return 'unchanged';
    if (existing) this.retireStmt.run(holder.recordedAt, existing.id);
    this.insert(holder);
    return existing ? 'changed' : 'created';
  }

  /** Inserts a record and returns its id. */
  insert(holder: NewHolder): number {
    return Number(this.insertStmt.run({
      ...holder,
      sourceTitle: holder.source.title,
      sourceUrl: holder.source.url,
      sourceDate: holder.source.date,
    }).lastInsertRowid);
  }

  /** Ends a record (a wrong or superseded entry): kept, never deleted. */
  retire(id: number, at: string): void {
    this.retireStmt.run(at, id);
  }
}

function sameFacts(a: OfficeHolder, b: NewHolder): boolean {
  return (
    a.name === b.name &&
    a.nameAsPrinted === b.nameAsPrinted &&
    a.party === b.party &&
    a.selection === b.selection &&
    a.tookOffice === b.tookOffice &&
    a.termEnd === b.termEnd &&
    a.phone === b.phone &&
    a.email === b.email &&
    a.address === b.address &&
    a.website === b.website &&
    a.sourceKind === b.sourceKind &&
    a.source.title === b.source.title &&
    a.source.url === b.source.url &&
    a.source.date === b.source.date
  );
}
