import type { Db } from '../db/open.ts';
import type { Office, Position, Source } from '../domain/types.ts';
import { platformOfAuthor, type Community } from '../domain/community.ts';

interface Row {
  id: number;
  office_id: number;
  topic: string;
  slot: string;
  value: string;
  detail: string | null;
  effective_date: string | null;
  document_url: string | null;
  source_url: string | null;
  source_title: string;
  as_of: string;
  dataset: string | null;
  recorded_by: string;
  recorded_at: string;
}

const COLUMNS = `p.id, p.office_id, p.topic, p.slot, p.value, p.detail, p.effective_date, p.document_url,
  p.source_url, p.source_title, p.as_of, p.dataset, p.recorded_by, p.recorded_at`;

function toPosition(row: Row): Position {
  return {
    id: row.id,
    officeId: row.office_id,
    topic: row.topic,
    slot: row.slot,
    value: row.value,
    detail: row.detail,
    effectiveDate: row.effective_date,
    documentUrl: row.document_url,
    source: { title: row.source_title, url: row.source_url, date: row.as_of },
    dataset: row.dataset,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** What someone states about one office on one topic (and slot). */
export interface PositionInput {
  officeId: number;
  topic: string;
  slot: string;
  value: string;
  detail: string | null;
  effectiveDate: string | null;
  documentUrl: string | null;
  source: Source;
  dataset: string | null;
  by: string;
  at: string;
  /** Where the author was; absent for imports. */
  community?: Community | null;
  /** The change this write undoes ('p57'). */
  reverts?: string | null;
}

/** Who ends a position, when, why, and from where. */
export interface RetireReason {
  source: Source;
  by: string;
  at: string;
  community?: Community | null;
  reverts?: string | null;
}

/** The community and revert columns of a history row. */
function origin(by: string, community: Community | null | undefined, reverts: string | null | undefined) {
  return {
    platform: community?.platform ?? platformOfAuthor(by),
    workspaceId: community?.workspaceId ?? null,
    workspaceName: community?.workspaceName ?? null,
    reverts: reverts ?? null,
  };
}

export type PositionChange = 'created' | 'changed' | 'unchanged';

export interface PositionWithOffice extends Position {
  office: Pick<Office, 'id' | 'name' | 'kind' | 'state' | 'jurisdictionFips'>;
}

export class PositionStore {
  private readonly liveStmt;
  private readonly liveSlotStmt;
  private readonly insertStmt;
  private readonly retireStmt;
  private readonly refreshSourceStmt;
  private readonly historyStmt;
  private readonly byTopicStmt;
  private readonly byTopicStateStmt;
  private readonly liveByDatasetStmt;
  private readonly byIdStmt;
  private readonly previousStmt;

  constructor(private readonly db: Db) {
    this.liveStmt = db.prepare<[number], Row>(
      `SELECT ${COLUMNS} FROM positions p WHERE p.office_id = ? AND p.retired_at IS NULL ORDER BY p.topic, p.slot`,
    );
    this.liveSlotStmt = db.prepare<[number, string, string], Row>(
      `SELECT ${COLUMNS} FROM positions p WHERE p.office_id = ? AND p.topic = ? AND p.slot = ? AND p.retired_at IS NULL`,
    );
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO positions (office_id, topic, slot, value, detail,
        effective_date, document_url, source_url, source_title, as_of, dataset, recorded_by, recorded_at)
      VALUES (@officeId, @topic, @slot, @value, @detail, @effectiveDate, @documentUrl, @sourceUrl, @sourceTitle, @asOf,
        @dataset, @by, @at) RETURNING id`);
    this.retireStmt = db.prepare<[string, number]>(`UPDATE positions SET retired_at = ? WHERE id = ?`);
    this.refreshSourceStmt = db.prepare<[string | null, string, string, string | null, number]>(
      `UPDATE positions SET source_url = ?, source_title = ?, as_of = ?, dataset = ? WHERE id = ?`,
    );
    this.historyStmt = db.prepare(`INSERT INTO position_history (position_id, office_id, topic, slot, action,
        old_value, new_value, old_detail, new_detail, source_url, source_title, changed_by, changed_at,
        old_effective_date, new_effective_date, old_document_url, new_document_url, platform, workspace_id, workspace_name, reverts)
      VALUES (@positionId, @officeId, @topic, @slot, @action, @oldValue, @newValue, @oldDetail, @newDetail,
        @sourceUrl, @sourceTitle, @by, @at, @oldEffectiveDate, @newEffectiveDate, @oldDocumentUrl, @newDocumentUrl,
        @platform, @workspaceId, @workspaceName, @reverts)`);
    const byTopic = `SELECT ${COLUMNS}, o.name AS office_name, o.kind AS office_kind, o.state AS office_state,
        o.jurisdiction_fips AS office_fips
      FROM positions p JOIN offices o ON o.id = p.office_id
      WHERE p.topic = ? AND p.retired_at IS NULL`;
    this.byTopicStmt = db.prepare<[string], OfficeRow>(`${byTopic} ORDER BY o.state, o.name, p.slot`);
    this.byTopicStateStmt = db.prepare<[string, string], OfficeRow>(`${byTopic} AND o.state = ? ORDER BY o.name, p.slot`);
    this.liveByDatasetStmt = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM positions p WHERE p.dataset = ? AND p.retired_at IS NULL`,
    );
    this.byIdStmt = db.prepare<[number], Row & { retired_at: string | null }>(`SELECT ${COLUMNS}, p.retired_at FROM positions p WHERE p.id = ?`);
    this.previousStmt = db.prepare<[number, string, string, number], Row>(
      `SELECT ${COLUMNS} FROM positions p WHERE p.office_id = ? AND p.topic = ? AND p.slot = ? AND p.id < ? ORDER BY p.id DESC LIMIT 1`,
    );
  }

  /** A position row, live or retired. */
  byId(id: number): (Position & { retiredAt: string | null }) | undefined {
    const row = this.byIdStmt.get(id);
    return row && { ...toPosition(row), retiredAt: row.retired_at };
  }

  /** The row a slot held before `id` (what a change replaced). */
  previousInSlot(officeId: number, topic: string, slot: string, id: number): Position | undefined {
    const row = this.previousStmt.get(officeId, topic, slot, id);
    return row && toPosition(row);
  }

  /** The live row of one slot. */
  liveInSlot(officeId: number, topic: string, slot: string): Position | undefined {
    const row = this.liveSlotStmt.get(officeId, topic, slot);
    return row && toPosition(row);
  }

  /** Every live position of an office. */
  live(officeId: number): Position[] {
    return this.liveStmt.all(officeId).map(toPosition);
  }

  /** Live positions on a topic, with their office, optionally in one state. */
  byTopic(topic: string, state?: string): PositionWithOffice[] {
    const rows = state ? this.byTopicStateStmt.all(topic, state) : this.byTopicStmt.all(topic);
    return rows.map((row) => ({
      ...toPosition(row),
      office: {
        id: row.office_id,
        name: row.office_name,
        kind: row.office_kind as Office['kind'],
        state: row.office_state as Office['state'],
        jurisdictionFips: row.office_fips,
      },
    }));
  }

  /** Live positions last set by a dataset (to find what a newer list no longer carries). */
  liveFromDataset(dataset: string): Position[] {
    return this.liveByDatasetStmt.all(dataset).map(toPosition);
  }

  /**
   * Records a position and its history row in one transaction. The same facts from a newer
   * source only refresh the source; different facts retire the old row and add a new one.
   */
  record(input: PositionInput): PositionChange {
    return this.db.transaction((): PositionChange => {
      const existing = this.liveSlotStmt.get(input.officeId, input.topic, input.slot);
      if (existing && sameFacts(existing, input)) {
        if (existing.as_of < input.source.date) {
          this.refreshSourceStmt.run(input.source.url, input.source.title, input.source.date, input.dataset, existing.id);
        }
        return 'unchanged';
      }
      if (existing) this.retireStmt.run(input.at, existing.id);
      const { community, reverts, ...facts } = input;
      const { id } = this.insertStmt.get({
        ...facts,
        sourceUrl: input.source.url,
        sourceTitle: input.source.title,
        asOf: input.source.date,
      })!;
      this.historyStmt.run({
        positionId: id,
        officeId: input.officeId,
        topic: input.topic,
        slot: input.slot,
        action: existing ? 'changed' : 'created',
        oldValue: existing?.value ?? null,
        newValue: input.value,
        oldDetail: existing?.detail ?? null,
        newDetail: input.detail,
        oldEffectiveDate: existing?.effective_date ?? null,
        newEffectiveDate: input.effectiveDate,
        oldDocumentUrl: existing?.document_url ?? null,
        newDocumentUrl: input.documentUrl,
        sourceUrl: input.source.url,
        sourceTitle: input.source.title,
        by: input.by,
        at: input.at,
        ...origin(input.by, community, reverts),
      });
      return existing ? 'changed' : 'created';
    })();
  }

  /** Ends a live position (an agreement that ended, a wrong entry): kept, never deleted. */
  retire(position: Position, reason: RetireReason): void {
    this.db.transaction(() => {
      this.retireStmt.run(reason.at, position.id);
      this.historyStmt.run({
        positionId: position.id,
        officeId: position.officeId,
        topic: position.topic,
        slot: position.slot,
        action: 'retired',
        oldValue: position.value,
        newValue: null,
        oldDetail: position.detail,
        newDetail: null,
        oldEffectiveDate: position.effectiveDate,
        newEffectiveDate: null,
        oldDocumentUrl: position.documentUrl,
        newDocumentUrl: null,
        sourceUrl: reason.source.url,
        sourceTitle: reason.source.title,
        by: reason.by,
        at: reason.at,
        ...origin(reason.by, reason.community, reason.reverts),
      });
    })();
  }
}

interface OfficeRow extends Row {
  office_name: string;
  office_kind: string;
  office_state: string;
  office_fips: string | null;
}

function sameFacts(row: Row, input: PositionInput): boolean {
  return (
    row.value === input.value &&
    row.detail === input.detail &&
    row.effective_date === input.effectiveDate &&
    row.document_url === input.documentUrl
  );
}
