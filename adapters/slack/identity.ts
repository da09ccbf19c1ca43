import type { App } from '../../src/app.ts';
import type { EditorNotifier } from '../../src/delivery/editor-notifier.ts';
import { languageFor } from '../../src/i18n/choose-language.ts';
import type { RunContext } from '../../src/framework/run.ts';
import type { Caller, Conversation } from '../../src/framework/types.ts';
import type { Logger } from '../../src/logger.ts';
import type { UsersInfoClient, WorkspaceAdmins } from './workspace-admins.ts';

/** The one Web API call moderator checks need (Bolt's client satisfies it). */
export interface UsergroupsClient {
  usergroups: { users: { list(args: { usergroup: string }): Promise<{ ok?: boolean; users?: string[]; error?: string }> } };
}

export interface ModeratorOptions {
  /** SLACK_MODERATOR_IDS */
  ids: readonly string[];
  /** SLACK_MODERATOR_GROUP: a user group id whose members are moderators too. */
  group?: string | undefined;
  client: UsergroupsClient;
  logger: Logger;
  /** How long a group's member list is trusted (default one minute). */
  ttlMs?: number;
  /** How long to wait before asking again after a failed lookup (default 15 s). */
  failureTtlMs?: number;
  now?: () => number;
}

/**
 * Who moderates in Slack: the configured user ids, plus the members of one user group,
 * fetched with usergroups.users.list and cached briefly. A failed lookup never grants
 * rights: it falls back to the last known members (or none) and is logged.
 */
export class Moderators {
  private readonly ids: Set<string>;
  private members: { users: Set<string>; until: number } | undefined;
  private pending: Promise<Set<string>> | undefined;

  constructor(private readonly options: ModeratorOptions) {
    this.ids = new Set(options.ids);
  }

  async isModerator(userId: string): Promise<boolean> {
    if (this.ids.has(userId)) return true;
    if (!this.options.group) return false;
    return (await this.groupMembers()).has(userId);
  }

  private groupMembers(): Promise<Set<string>> {
    const now = (this.options.now ?? Date.now)();
    if (this.members && now < this.members.until) return Promise.resolve(this.members.users);
    this.pending ??= this.fetchMembers().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchMembers(): Promise<Set<string>> {
    const { group = '', client, logger } = this.options;
    const now = () => (this.options.now ?? Date.now)();
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      if (!result.ok) throw new Error(result.error ?? 'usergroups.users.list failed');
      const users = new Set(result.users ?? []);
      this.members = { users, until: now() + (this.options.ttlMs ?? 60_000) };
      return users;
    } catch (error) {
      const users = this.members?.users ?? new Set<string>();
      logger.error({ err: error, usergroup: group, keptMembers: users.size }, 'could not read the Slack moderator group');
      this.members = { users, until: now() + (this.options.failureTtlMs ?? 15_000) };
      return users;
    }
  }
}

/** Whether a channel is a direct message with the bot. */
export const isDirectMessage = (channelId: string, channelName: string | undefined) => channelId.startsWith('D') || channelName === 'directmessage';

/** What the trust model needs besides the moderator list: the editors' workspace, and admins. */
export interface SlackTrust {
  /**
   * SLACK_EDITOR_TEAM_ID, or the bot token's workspace; a listed moderator elsewhere only
   * manages channels. Null: nobody edits from Slack (a distributed app without SLACK_EDITOR_TEAM_ID).
   */
  editorTeamId?: string | null | undefined;
  /** The bot token's workspace, to name it in history. */
  home?: { id: string; name: string } | undefined;
  /** Many workspaces: each one's name as it was installed, to name it in history. */
  workspaceName?: ((teamId: string) => string | undefined) | undefined;
  /**
   * Other workspaces' names (their Slack domain) as payloads gave them: slash commands and
   * buttons carry it, message events do not, so a message is named by an earlier payload.
   */
  names?: Map<string, string> | undefined;
  /** Workspace admins and owners (users.info): community managers. */
  admins?: WorkspaceAdmins | undefined;
  /** Many workspaces: who installed the bot in each (a community manager there). */
  installerOf?: ((teamId: string) => string | undefined) | undefined;
}

/**
 * The core's caller for a Slack user. An editor is a listed moderator of the editors'
 * workspace (the record is shared: a moderator listed for another workspace, e.g. across a
 * Slack Connect channel, does not edit it). Community managers are moderators, workspace
 * admins and owners, and the person in a direct message with the bot (Slack has no API that
 * says who manages a channel).
 */
export function slackCaller(who: Who, isModerator: boolean, roles: { editorTeamId?: string | null | undefined; admin?: boolean } = {}): Caller {
  return {
    id: `slack:${who.userId}`,
    platform: 'slack',
    workspaceId: who.teamId,
    userId: who.userId,
    displayName: who.userName || who.userId,
    isEditor: isModerator && roles.editorTeamId !== null && (roles.editorTeamId === undefined || roles.editorTeamId === who.teamId),
    isCommunityManager: isModerator || Boolean(roles.admin) || isDirectMessage(who.channelId, who.channelName),
  };
}

/** Workspaces named at most: a bound on what payloads can make this process remember. */
const MAX_NAMES = 10_000;

/**
 * Where a Slack command was typed, with the workspace's name as history shows it: the bot
 * token's own, else the name it was installed under (a distributed app), else the payload's.
 */
export function slackConversation(
  who: Who,
  home?: { id: string; name: string },
  names?: Map<string, string>,
  installedName?: (teamId: string) => string | undefined,
): Conversation {
  if (who.teamName && names && (names.has(who.teamId) || names.size < MAX_NAMES)) names.set(who.teamId, who.teamName);
  const name = home && home.id === who.teamId ? home.name : (installedName?.(who.teamId) ?? who.teamName ?? names?.get(who.teamId));
  return { platform: 'slack', workspaceId: who.teamId, ...(name ? { workspaceName: name } : {}), channelId: who.channelId };
}

/** Who wrote, and where: what every Slack entry point (command, button, message) knows. */
export interface Who {
  userId: string;
  userName: string | undefined;
  teamId: string;
  /** The workspace's domain, when the payload says it (slash commands, buttons). */
  teamName?: string | undefined;
  channelId: string;
  channelName: string | undefined;
}

/**
 * The core's context for a Slack user in a conversation, with the moderator mapping applied and
 * the reply language read once for the request (the handler, the runner and the cache all ask).
 */
export async function slackContext(
  app: App,
  moderators: Moderators,
  who: Who,
  trust: SlackTrust = {},
  editors?: EditorNotifier,
  /** The request's client (its workspace's token), for the admin lookup. */
  client?: UsersInfoClient,
): Promise<RunContext> {
  const installer = trust.installerOf?.(who.teamId) === who.userId;
  const [moderator, admin] = await Promise.all([
    moderators.isModerator(who.userId),
    installer || (trust.admins?.isAdmin(who.userId, who.teamId, client) ?? false),
  ]);
  const caller = slackCaller(who, moderator, { editorTeamId: trust.editorTeamId, admin });
  const ctx = app.contextFor(caller, { conversation: slackConversation(who, trust.home, trust.names, trust.workspaceName), ...(editors ? { editors } : {}) });
  return { ...ctx, language: languageFor(ctx) };
}
