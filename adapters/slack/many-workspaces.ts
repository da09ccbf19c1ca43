/**
 * The pieces a distributed app adds to the Slack adapter: the sealed installations (Bolt's
 * installation store), one Web API client per workspace, and what Bolt's OAuth flow is given.
 */
import type { webApi } from '@slack/bolt';
import type { App } from '../../src/app.ts';
import { TokenBox } from '../../src/secrets/token-box.ts';
import { webClientOptions, type BoltAppOptions, type BoltOAuthOptions } from './bolt-app.ts';
import { REDIRECT_PATH } from './constants.ts';
import type { UsergroupsClient } from './identity.ts';
import { SealedInstallations } from './installations.ts';
import { WorkspaceClients } from './workspace-clients.ts';

/** A distributed app: installed per workspace through Slack's OAuth flow, tokens sealed in the database. */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** SLACK_TOKEN_KEY, parsed: 32 bytes. */
  tokenKey: Buffer;
  /** The bot's public address (PUBLIC_URL), for the redirect URL sent to Slack. */
  publicUrl?: string | undefined;
}

export interface ManyWorkspaces {
  installations: SealedInstallations;
  clients: WorkspaceClients;
  bolt: BoltOAuthOptions;
}

export function manyWorkspaces(app: Pick<App, 'store' | 'clock'>, options: Pick<BoltAppOptions, 'apiUrl' | 'retryConfig'>, oauth: SlackOAuthOptions): ManyWorkspaces {
  const installations = new SealedInstallations(app.store, new TokenBox(oauth.tokenKey), app.clock);
  const clients = new WorkspaceClients(installations, () => webClientOptions(options));
  installations.onChange = (workspaceId) => clients.forget(workspaceId);
  const redirectUri = oauth.publicUrl ? `${oauth.publicUrl.replace(/\/+$/, '')}${REDIRECT_PATH}` : undefined;
  return {
    installations,
    clients,
    bolt: { clientId: oauth.clientId, clientSecret: oauth.clientSecret, stateSecret: oauth.stateSecret, installationStore: installations, redirectUri },
  };
}

/** A client made on first use (the editors' workspace may be installed after the bot starts). */
export function lazyClient(get: () => webApi.WebClient): UsergroupsClient {
  return { usergroups: { users: { list: (args) => get().usergroups.users.list(args) } } };
}
