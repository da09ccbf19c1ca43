/**
 * Bolt's installation store (what its OAuth flow saves and its authorize reads) on the core's
 * `installations` table: the installation, tokens included, is sealed with SLACK_TOKEN_KEY
 * before it reaches the database and opened only here.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock } from '../../src/clock.ts';
import type { TokenBox } from '../../src/secrets/token-box.ts';
import type { Store } from '../../src/store/index.ts';

const PLATFORM = 'slack';

/** The sealed value is bound to its row: a blob copied to another workspace's row does not open. */
const contextOf = (workspaceId: string) => `${PLATFORM}:${workspaceId}`;

/** The row an installation or a query belongs to: the organization for an org-wide install, else the workspace. */
function workspaceOf(q: { isEnterpriseInstall?: boolean | undefined; enterpriseId?: string | undefined; teamId?: string | undefined }): string | undefined {
  return q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : q.teamId;
}

export class SealedInstallations implements InstallationStore {
  /** Called after a workspace's installation changes (saved again, or removed). */
  onChange: ((workspaceId: string) => void) | undefined;

  constructor(
    private readonly store: Pick<Store, 'installations'>,
    private readonly box: TokenBox,
    private readonly clock: Clock,
  ) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const workspaceId = workspaceOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
    if (!workspaceId) throw new Error('Slack sent an installation without a workspace or organization id');
    this.store.installations.save({
      platform: PLATFORM,
      workspaceId,
      workspaceName: installation.team?.name ?? installation.enterprise?.name ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      installerId: installation.user?.id ?? null,
      sealed: this.box.seal(JSON.stringify(installation), contextOf(workspaceId)),
      at: this.clock.now().toISOString(),
    });
    this.onChange?.(workspaceId);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const installation = this.installation(workspaceOf(query));
    if (!installation) throw new Error(`Sheriff Watch is not installed in Slack workspace ${workspaceOf(query) ?? '(none named)'}`);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const workspaceId = workspaceOf(query);
    if (workspaceId) this.remove(workspaceId, 'deleted');
  }

  /** Forgets the workspace's tokens (the row stays: who installed it, when, and why it ended). */
  remove(workspaceId: string, reason: string): boolean {
    const removed = this.store.installations.remove(PLATFORM, workspaceId, reason, this.clock.now().toISOString());
    this.onChange?.(workspaceId);
    return removed;
  }

  /** The opened installation, or undefined when there is none (never installed, or removed). */
  installation(workspaceId: string | undefined): Installation<'v1' | 'v2', boolean> | undefined {
    const record = workspaceId ? this.store.installations.get(PLATFORM, workspaceId) : undefined;
    if (!record?.sealed || !workspaceId) return undefined;
    return JSON.parse(this.box.open(record.sealed, contextOf(workspaceId))) as Installation<'v1' | 'v2', boolean>;
  }

  /** Who installed the bot in this workspace (a community manager there). */
  installerOf(workspaceId: string): string | undefined {
    const record = this.store.installations.get(PLATFORM, workspaceId);
    return record?.sealed ? (record.installerId ?? undefined) : undefined;
  }

  /** The workspace's name when it was installed, to name it in history. */
  nameOf(workspaceId: string): string | undefined {
    return this.store.installations.get(PLATFORM, workspaceId)?.workspaceName ?? undefined;
  }
}
