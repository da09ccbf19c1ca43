import type { Db } from '../db/open.ts';
import type { Community } from '../domain/community.ts';
import type { LeadOverrides } from '../domain/leads.ts';
import { msg, type ListParam, type Message, type MessageKey } from '../i18n/index.ts';
import type { ChangeLogStore } from './change-log.ts';

export type Platform = 'discord' | 'slack' | 'console';
export type SubscriptionKind = 'elections' | 'meetings' | 'agenda' | 'positions';
/** `agenda` (agenda watch alerts) comes with `meetings`: stored on its own, it counts only beside it. */
export const SUBSCRIPTION_KINDS: readonly SubscriptionKind[] = ['elections', 'meetings', 'agenda', 'positions'];

/** A channel's subscription to one county (fips) or a whole state (fips null). */
export interface Subscription {
  id: number;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  state: string;
  fips: string | null;
  kinds: SubscriptionKind[];
  leads: LeadOverrides | null;
  /** Change alerts cover position_history rows after this id. */
  positionsAfterId: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  pausedAt: string | null;
  pausedReason: string | null;
  endedAt: string | null;
}

export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

export interface SubscriptionScope {
  state: string;
  fips: string | null;
}

interface Row {
  id: number;
  platform: string;
  workspace_id: string;
  channel_id: string;
  state: string;
  jurisdiction_fips: string | null;
  elections: number;
  meetings: number;
  agenda: number;
  positions: number;
  leads: string | null;
  positions_after_id: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  paused_at: string | null;
  paused_reason: string | null;
  ended_at: string | null;
}

/** The columns the scheduler needs, as stored. */
export type ActiveRow = Pick<
  Row,
  'id' | 'workspace_id' | 'channel_id' | 'state' | 'jurisdiction_fips' | 'elections' | 'meetings' | 'agenda' | 'positions' | 'leads' | 'positions_after_id' | 'created_at'
>;

const COLUMNS = `id, platform, workspace_id, channel_id, state, jurisdiction_fips, elections, meetings, agenda, positions, leads,
  positions_after_id, created_by, created_at, updated_at, paused_at, paused_reason, ended_at`;

export function toSubscription(row: Row): Subscription {
  return {
    id: row.id,
    platform: row.platform as Platform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    state: row.state,
    fips: row.jurisdiction_fips,
    kinds: SUBSCRIPTION_KINDS.filter((kind) => row[kind] === 1 && (kind !== 'agenda' || row.meetings === 1)),
    leads: row.leads ? (JSON.parse(row.leads) as LeadOverrides) : null,
    positionsAfterId: row.positions_after_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pausedAt: row.paused_at,
    pausedReason: row.paused_reason,
    endedAt: row.ended_at,
  };
}

/** 'elections, meetings' in the reader's words. */
function kindsList(kinds: readonly SubscriptionKind[]): ListParam {
  return { items: kinds.map((k) => msg(`option.${k}.choice.${k}` as MessageKey)), separator: ', ' };
}

function summaryOf(s: Pick<Subscription, 'kinds' | 'leads' | 'pausedAt'>) {
  return { kinds: s.kinds, leads: s.leads, paused: s.pausedAt !== null };
}

export type SubscribeOutcome = 'created' | 'changed' | 'resumed' | 'unchanged';

/** Channel subscriptions. Never deleted: unsubscribing ends them; every write appends to change_log. */
export class SubscriptionStore {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly liveScopeStmt;
  private readonly updateStmt;
  private readonly endStmt;
  private readonly pauseStmt;
  private readonly channelStmt;
  private readonly workspaceStmt;
  private readonly activeStmt;
  private readonly activeLeanStmt;
  private readonly activeByIdStmt;
  private readonly activePageStmt;
  private readonly maxHistoryStmt;

  constructor(
    private readonly db: Db,
    private readonly changes: ChangeLogStore,
  ) {
    this.insertStmt = db.prepare<unknown[], { id: number }>(`INSERT INTO subscriptions (platform, workspace_id, channel_id,
        state, jurisdiction_fips, elections, meetings, agenda, positions, leads, positions_after_id, created_by, created_at, updated_at)
      VALUES (@platform, @workspaceId, @channelId, @state, @fips, @elections, @meetings, @agenda, @positions, @leads,
        @positionsAfterId, @by, @at, @at) RETURNING id`);
    this.byIdStmt = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`);
    this.liveScopeStmt = db.prepare<[string, string, string, string], Row>(`SELECT ${COLUMNS} FROM subscriptions
      WHERE platform = ? AND channel_id = ? AND state = ? AND ifnull(jurisdiction_fips, '') = ? AND ended_at IS NULL`);
    this.updateStmt = db.prepare(`UPDATE subscriptions SET elections = @elections, meetings = @meetings, agenda = @agenda,
        positions = @positions, leads = @leads, positions_after_id = @positionsAfterId, workspace_id = @workspaceId,
        paused_at = NULL, paused_reason = NULL, updated_at = @at
      WHERE id = @id`);
    this.endStmt = db.prepare<[string, string, number]>(
      `UPDATE subscriptions SET ended_at = ?, updated_at = ? WHERE id = ? AND ended_at IS NULL`,
    );
    this.pauseStmt = db.prepare<[string, string, string, number]>(`UPDATE subscriptions
      SET paused_at = ?, paused_reason = ?, updated_at = ? WHERE id = ? AND paused_at IS NULL AND ended_at IS NULL`);
    this.channelStmt = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM subscriptions
      WHERE platform = ? AND channel_id = ? AND ended_at IS NULL ORDER BY id`);
    this.workspaceStmt = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM subscriptions
      WHERE platform = ? AND workspace_id = ? AND ended_at IS NULL ORDER BY channel_id, id`);
    this.activeStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM subscriptions
      WHERE platform = ? AND ended_at IS NULL AND paused_at IS NULL`);
    this.activeLeanStmt = db.prepare<[string], ActiveRow>(`SELECT id, workspace_id, channel_id, state, jurisdiction_fips,
        elections, meetings, agenda, positions, leads, positions_after_id, created_at
      FROM subscriptions WHERE platform = ? AND ended_at IS NULL AND paused_at IS NULL`);
    this.activePageStmt = db.prepare<[string, number, number], ActiveRow>(`SELECT id, workspace_id, channel_id, state, jurisdiction_fips,
        elections, meetings, agenda, positions, leads, positions_after_id, created_at
      FROM subscriptions WHERE platform = ? AND ended_at IS NULL AND paused_at IS NULL AND id > ? ORDER BY id LIMIT ?`);
    this.activeByIdStmt = db.prepare<[number, string], ActiveRow>(`SELECT id, workspace_id, channel_id, state, jurisdiction_fips,
        elections, meetings, agenda, positions, leads, positions_after_id, created_at
      FROM subscriptions WHERE id = ? AND platform = ? AND ended_at IS NULL AND paused_at IS NULL`);
    this.maxHistoryStmt = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM position_history');
  }

  byId(id: number): Subscription | undefined {
    const row = this.byIdStmt.get(id);
    return row && toSubscription(row);
  }

  /** The live subscription of a channel to a scope, paused or not. */
  find(channel: ChannelRef, scope: SubscriptionScope): Subscription | undefined {
    const row = this.liveScopeStmt.get(channel.platform, channel.channelId, scope.state, scope.fips ?? '');
    return row && toSubscription(row);
  }

  /** Live subscriptions of one channel. */
  forChannel(platform: Platform, channelId: string): Subscription[] {
    return this.channelStmt.all(platform, channelId).map(toSubscription);
  }

  /** Live subscriptions of a server/workspace, by channel. */
  forWorkspace(platform: Platform, workspaceId: string): Subscription[] {
    return this.workspaceStmt.all(platform, workspaceId).map(toSubscription);
  }

  /** Live, unpaused subscriptions on a platform: what the scheduler serves. */
  active(platform: Platform): Subscription[] {
    return this.activeStmt.all(platform).map(toSubscription);
  }

  /** The same, as bare rows (the scheduler reads 100,000 of them at start). */
  activeRows(platform: Platform): ActiveRow[] {
    return this.activeLeanStmt.all(platform);
  }

  /** The same, a page at a time in id order (ids after `afterId`), for a reader that yields between pages. */
  activeRowsPage(platform: Platform, afterId: number, limit: number): ActiveRow[] {
    return this.activePageStmt.all(platform, afterId, limit);
  }

  /** One subscription as the scheduler reads it, if it is live and unpaused on that platform. */
  activeRow(id: number, platform: Platform): ActiveRow | undefined {
    return this.activeByIdStmt.get(id, platform);
  }

  /**
   * Subscribes a channel to a scope with these kinds (replacing the kinds of a live
   * subscription, and resuming it if paused). Change alerts start after the newest history row.
   */
  subscribe(
    channel: ChannelRef,
    scope: SubscriptionScope,
    wanted: { kinds: SubscriptionKind[]; leads: LeadOverrides | null },
    meta: { by: string; at: string; community?: Community | null },
  ): { subscription: Subscription; outcome: SubscribeOutcome } {
    return this.db.transaction(() => {
      const flags = Object.fromEntries(SUBSCRIPTION_KINDS.map((k) => [k, wanted.kinds.includes(k) && (k !== 'agenda' || wanted.kinds.includes('meetings')) ? 1 : 0]));
      const leads = wanted.leads && Object.keys(wanted.leads).length ? JSON.stringify(wanted.leads) : null;
      const newest = this.maxHistoryStmt.get()?.id ?? 0;
      const existing = this.find(channel, scope);
      if (!existing) {
        const { id } = this.insertStmt.get({ ...channel, ...scope, ...flags, leads, positionsAfterId: newest, ...meta })!;
        const created = this.byId(id)!;
        this.append(created, 'created', msg('change.subscription.created', { kinds: kindsList(created.kinds) }), null, summaryOf(created), meta);
        return { subscription: created, outcome: 'created' as const };
      }
      const sameKinds = existing.kinds.join() === SUBSCRIPTION_KINDS.filter((k) => flags[k] === 1).join();
      const sameLeads = JSON.stringify(existing.leads) === JSON.stringify(leads ? wanted.leads : null);
      if (sameKinds && sameLeads && !existing.pausedAt) return { subscription: existing, outcome: 'unchanged' as const };
      const positionsAfterId = existing.kinds.includes('positions') && !existing.pausedAt ? existing.positionsAfterId : newest;
      this.updateStmt.run({ id: existing.id, ...flags, leads, positionsAfterId, workspaceId: channel.workspaceId, at: meta.at });
      const after = this.byId(existing.id)!;
      const outcome: SubscribeOutcome = existing.pausedAt ? 'resumed' : 'changed';
      this.append(after, 'changed', outcome === 'resumed' ? msg('change.subscription.resumed') : msg('change.subscription.now', { kinds: kindsList(after.kinds) }), summaryOf(existing), summaryOf(after), meta);
      return { subscription: after, outcome };
    })();
  }

  /** Ends a live subscription; kept, never deleted. */
  end(id: number, meta: { by: string; at: string; community?: Community | null }): Subscription | undefined {
    return this.db.transaction(() => {
      const before = this.byId(id);
      if (!before || before.endedAt) return undefined;
      this.endStmt.run(meta.at, meta.at, id);
      this.append(before, 'retired', msg('change.subscription.ended'), summaryOf(before), null, meta);
      return this.byId(id);
    })();
  }

  /** Pauses a subscription whose channel is gone or unreachable. False when it was not active. */
  pause(id: number, reason: string, meta: { by: string; at: string; community?: Community | null }): boolean {
    return this.db.transaction(() => {
      const before = this.byId(id);
      if (!before || this.pauseStmt.run(meta.at, reason, meta.at, id).changes === 0) return false;
      this.append(before, 'changed', msg('change.subscription.paused', { reason }), summaryOf(before), { ...summaryOf(before), paused: true }, meta);
      return true;
    })();
  }

  private append(
    s: Subscription,
    action: 'created' | 'changed' | 'retired',
    what: Message,
    before: unknown,
    after: unknown,
    meta: { by: string; at: string; community?: Community | null },
  ): void {
    this.changes.append({
      entity: 'subscription',
      entityId: s.id,
      jurisdictionFips: s.fips,
      officeId: null,
      action,
      message: msg('change.subscription', { platform: s.platform, channel: s.channelId, what }),
      before,
      after,
      sourceUrl: null,
      sourceTitle: null,
      by: meta.by,
      community: meta.community ?? null,
      at: meta.at,
    });
  }
}
