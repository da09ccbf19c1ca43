import type { Db } from '../db/open.ts';
import { t, type Message, type MessageKey, type Params } from '../i18n/index.ts';
import { platformOfAuthor, type Community } from '../domain/community.ts';

export type ChangeEntity = 'office_holder' | 'election' | 'meeting' | 'meeting_occurrence' | 'subscription';

/** One appended change. */
export interface ChangeInput {
  entity: ChangeEntity;
  entityId: number;
  jurisdictionFips: string | null;
  officeId: number | null;
  action: 'created' | 'changed' | 'retired';
  /** What changed, as a catalog message with plain-data parameters (see change-messages.ts). */
  message: Message;
  before: unknown;
  after: unknown;
  sourceUrl: string | null;
  sourceTitle: string | null;
  by: string;
  at: string;
  /** Where the author was; absent for imports and tests. */
  community?: Community | null;
  /** The change this one undoes ('c12', 'p57'). */
  reverts?: string | null;
}

export interface Change extends Omit<ChangeInput, 'message' | 'before' | 'after' | 'community' | 'reverts'> {
  id: number;
  /** The English line stored with the row. */
  summary: string;
  /** The line as a message; null on rows written before messages were stored (shown as `summary`). */
  message: Message | null;
  before: unknown;
  after: unknown;
  community: Community | null;
  reverts: string | null;
}

interface Row {
  id: number;
  entity: string;
  entity_id: number;
  jurisdiction_fips: string | null;
  office_id: number | null;
  action: string;
  summary: string;
  message_key: string | null;
  message_params: string | null;
  before_json: string | null;
  after_json: string | null;
  source_url: string | null;
  source_title: string | null;
  changed_by: string;
  changed_at: string;
  platform: string | null;
  workspace_id: string | null;
  workspace_name: string | null;
  reverts: string | null;
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
    message: row.message_key === null ? null : { key: row.message_key as MessageKey, params: row.message_params === null ? {} : (JSON.parse(row.message_params) as Params) },
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    by: row.changed_by,
    at: row.changed_at,
    community: row.platform ? { platform: row.platform, workspaceId: row.workspace_id, workspaceName: row.workspace_name } : null,
    reverts: row.reverts,
  };
}

/** The append-only change log. There is deliberately no update or delete here (triggers forbid them too). */
export class ChangeLogStore {
  private readonly insertStmt;
  private readonly byJurisdictionStmt;
  private readonly byEntityStmt;
  private readonly byIdStmt;
  private readonly byAuthorStmt;
  private readonly byCommunityStmt;
  private readonly revertedStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO change_log (entity, entity_id, jurisdiction_fips,
        office_id, action, summary, message_key, message_params, before_json, after_json, source_url, source_title, changed_by, changed_at,
        platform, workspace_id, workspace_name, reverts)
      VALUES (@entity, @entityId, @jurisdictionFips, @officeId, @action, @summary, @messageKey, @messageParams, @beforeJson, @afterJson, @sourceUrl,
        @sourceTitle, @by, @at, @platform, @workspaceId, @workspaceName, @reverts) RETURNING id`);
    this.byJurisdictionStmt = db.prepare<[string, number, number], Row>(
      `SELECT * FROM change_log WHERE jurisdiction_fips = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
    );
    this.byEntityStmt = db.prepare<[string, number], Row>(`SELECT * FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY id`);
    this.byIdStmt = db.prepare<[number], Row>(`SELECT * FROM change_log WHERE id = ?`);
    this.byAuthorStmt = db.prepare<[string, string], Row>(`SELECT * FROM change_log WHERE changed_by = ? AND changed_at >= ? ORDER BY id`);
    this.byCommunityStmt = db.prepare<[string, string, string], Row>(
      `SELECT * FROM change_log WHERE platform = ? AND workspace_id = ? AND changed_at >= ? ORDER BY id`,
    );
    this.revertedStmt = db.prepare<[string], { id: number }>(`SELECT id FROM change_log WHERE reverts = ? LIMIT 1`);
  }

  byId(id: number): Change | undefined {
    const row = this.byIdStmt.get(id);
    return row && toChange(row);
  }

  /** One author's changes at or after an instant, oldest first. */
  byAuthorSince(by: string, since: string): Change[] {
    return this.byAuthorStmt.all(by, since).map(toChange);
  }

  /** One server's or workspace's changes at or after an instant, oldest first. */
  byCommunitySince(platform: string, workspaceId: string, since: string): Change[] {
    return this.byCommunityStmt.all(platform, workspaceId, since).map(toChange);
  }

  /** The change that reverted `ref` ('c12', 'p57'), if any. */
  revertOf(ref: string): number | undefined {
    return this.revertedStmt.get(ref)?.id;
  }

  /** Appends one change; call inside the same transaction as the write it records. */
  append(change: ChangeInput): number {
    const { message, before, after, community, reverts, ...rest } = change;
    return this.insertStmt.get({
      ...rest,
      summary: t('en', message.key, message.params),
      messageKey: message.key,
      messageParams: message.params ? JSON.stringify(message.params) : null,
      platform: community?.platform ?? platformOfAuthor(rest.by),
      workspaceId: community?.workspaceId ?? null,
      workspaceName: community?.workspaceName ?? null,
      reverts: reverts ?? null,
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
