/**
 * Who changed the shared record, and from which community. Identity is platform + server or
 * workspace + user; the community is the first two, with the server's name as it was then.
 */

/** Where a command was typed: the platform, the server or workspace, and its name when known. */
interface Where {
  platform: string;
  workspaceId: string;
  workspaceName?: string;
}

/** The platform and server/workspace a change came from; `workspaceName` as it was at the time. */
export interface Community {
  platform: string;
  workspaceId: string | null;
  workspaceName: string | null;
}

/** 'discord:123' → 'discord'; 'import:ice-287g' → 'import'. */
export function platformOfAuthor(authorId: string): string {
  const colon = authorId.indexOf(':');
  return colon > 0 ? authorId.slice(0, colon) : authorId;
}

/** Null outside a chat (tests, scripts): the store then keeps only the platform the author id names. */
export function communityOf(ctx: { conversation?: Where | undefined }): Community | null {
  const where = ctx.conversation;
  if (!where) return null;
  return { platform: where.platform, workspaceId: where.workspaceId, workspaceName: where.workspaceName ?? null };
}

/** The key per-user limits count under: platform, server/workspace and user. */
export function identityKey(ctx: { caller: { id: string }; conversation?: Where | undefined }): string {
  const where = ctx.conversation;
  return `${where?.platform ?? platformOfAuthor(ctx.caller.id)}:${where?.workspaceId ?? '-'}:${ctx.caller.id}`;
}

/**
 * Whether two author ids ('discord:123', 'slack:U123') are the same person. A Discord user id
 * is the same person in every server, so the server is deliberately left out here: a proposal
 * made from one server is still "your own" in the editors' server. This errs towards refusing.
 */
export function sameAuthor(a: string, b: string): boolean {
  return a === b;
}

/**
 * 'Discord · Organizers', 'Slack · acme', 'console'; null when the server is not known (imports,
 * changes made before the trust model: their author id already names the platform).
 */
export function communityLabel(c: Community | null): string | null {
  if (!c?.workspaceId) return null;
  const platform = c.platform === 'discord' ? 'Discord' : c.platform === 'slack' ? 'Slack' : c.platform;
  const where = c.workspaceName ?? c.workspaceId;
  return where && c.platform !== 'console' ? `${platform} · ${where}` : platform;
}
