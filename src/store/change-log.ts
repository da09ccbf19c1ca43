import type { Db } from '../db/open.ts';

export type ChangeEntity = 'office_holder' | 'election' | 'meeting' | 'meeting_occurrence' | 'subscription';

/** One appended change. */
export interface ChangeInput {
  entity: ChangeEntity;
  entityId: number;
  jurisdictionFips: string | null;
  officeId: number | null;
  action: 'created' | 'changed' | 'retired';
  summary: string;
  before: unknown;
  after: unknown;
  sourceUrl: string | null;
  sourceTitle: string | null;
  by: string;
  at: string;
}

export interface Change extends Omit<ChangeInput, 'before' | 'after'> {
  id: number;
  before: unknown;
  after: unknown;
}

interface Row {
  id: number;
  entity: string;
  entity_id: number;
  jurisdiction_fips: string | null;
  office_id: number | null;
  action: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  source_url: string | null;
  source_title: string | null;
  changed_by: string;
  changed_at: string;
}

function toChange(row: Row): Change {
  return {
    id: row.id,
    entity: row.entity as ChangeEntity,
    entityId: row.entity_id,
    jurisdictionFips: row.jurisdiction_fips,
    officeId: row.office_id,
    action: row.action as Change['action'],
    summary: row.summary,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    by: row.changed_by,
    at: row.changed_at,
  };
}

/** The append-only change log. There is deliberately no update or delete here (triggers forbid them too). */
export class ChangeLogStore {
  private readonly insertStmt;
  private readonly byJurisdictionStmt;
  private readonly byEntityStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO change_log (entity, entity_id, jurisdiction_fips,
        office_id, action, summary, before_json, after_json, source_url, source_title, changed_by, changed_at)
      VALUES (@entity, @entityId, @jurisdictionFips, @officeId, @action, @summary, @beforeJson, @afterJson, @sourceUrl,
        @sourceTitle, @by, @at) RETURNING id`);
    this.byJurisdictionStmt = db.prepare<[string, number, number], Row>(
      `SELECT * FROM change_log WHERE jurisdiction_fips = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
    );
    this.byEntityStmt = db.prepare<[string, number], Row>(`SELECT * FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY id`);
  }

  /** Appends one change; call inside the same transaction as the write it records. */
  append(change: ChangeInput): number {
    const { before, after, ...rest } = change;
    return this.insertStmt.get({
      ...rest,
      beforeJson: before === null || before === undefined ? null : JSON.stringify(before),
      afterJson: after === null || after === undefined ? null : JSON.stringify(after),
    })!.id;
  }

  /** Newest first. */
  forJurisdiction(fips: string, limit: number, offset = 0): Change[] {
    return this.byJurisdictionStmt.all(fips, limit, offset).map(toChange);
  }

  /** Oldest first. */
  forEntity(entity: ChangeEntity, entityId: number): Change[] {
    return this.byEntityStmt.all(entity, entityId).map(toChange);
  }
}
