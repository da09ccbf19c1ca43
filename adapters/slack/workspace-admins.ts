/**
 * Slack workspace admins and owners, read with users.info (a bot token cannot see who manages
 * a channel, but it can see who administers the workspace). Answers are cached for a while; a
 * failed lookup never grants anything and is logged.
 */
import type { Logger } from '../../src/logger.ts';

/** The one Web API call this needs (Bolt's client satisfies it). */
export interface UsersInfoClient {
  users: { info(args: { user: string }): Promise<{ ok?: boolean; error?: string; user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } }> };
}

export interface WorkspaceAdminsOptions {
  client: UsersInfoClient;
  logger: Logger;
  /** How long an answer is trusted (default ten minutes: admin rights rarely change). */
  ttlMs?: number;
  /** How long to wait before asking again after a failed lookup (default 15 s). */
  failureTtlMs?: number;
  now?: () => number;
}

/** Cache entries kept at most; the oldest go first (a workspace has far fewer active people). */
const MAX_ENTRIES = 5_000;

export class WorkspaceAdmins {
  private readonly known = new Map<string, { admin: boolean; until: number }>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly options: WorkspaceAdminsOptions) {}

  /**
   * Whether the user administers or owns the workspace. With many workspaces, `teamId` keeps
   * each workspace's answer apart and `client` asks with that workspace's token.
   */
  isAdmin(userId: string, teamId = '', client: UsersInfoClient = this.options.client): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    const key = `${teamId}/${userId}`;
    const cached = this.known.get(key);
    if (cached && now < cached.until) return Promise.resolve(cached.admin);
    let pending = this.asking.get(key);
    if (!pending) {
      pending = this.lookUp(key, userId, client).finally(() => this.asking.delete(key));
      this.asking.set(key, pending);
    }
    return pending;
  }

  private async lookUp(key: string, userId: string, client: UsersInfoClient): Promise<boolean> {
    const now = () => (this.options.now ?? Date.now)();
    let admin = false;
    let ttl = this.options.ttlMs ?? 600_000;
    try {
      const result = await client.users.info({ user: userId });
      if (!result.ok) throw new Error(result.error ?? 'users.info failed');
      admin = Boolean(result.user?.is_admin || result.user?.is_owner || result.user?.is_primary_owner);
    } catch (error) {
      this.options.logger.error({ err: error, user: userId }, 'could not read whether a Slack user is a workspace admin');
      ttl = this.options.failureTtlMs ?? 15_000;
    }
    if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, { admin, until: now() + ttl });
    return admin;
  }
}
