/**
 * One Web API client per installed workspace, with that workspace's bot token, for what the
 * bot posts unasked (reminders, alerts, notices) and for lookups outside a request. A workspace
 * without an installation (never installed, uninstalled, token revoked) cannot be posted to:
 * that is the core's AccessRevokedError, so the scheduler pauses it and goes on with the others.
 */
import { webApi } from '@slack/bolt';
import { AccessRevokedError } from '../../src/delivery/errors.ts';
import type { SealedInstallations } from './installations.ts';

export class WorkspaceClients {
  private readonly clients = new Map<string, { token: string; client: webApi.WebClient }>();

  constructor(
    private readonly installations: SealedInstallations,
    private readonly clientOptions: () => webApi.WebClientOptions,
  ) {}

  forWorkspace(workspaceId: string): webApi.WebClient {
    const cached = this.clients.get(workspaceId);
    if (cached) return cached.client;
    const token = this.installations.installation(workspaceId)?.bot?.token;
    if (!token) throw new AccessRevokedError(`Sheriff Watch is not installed in Slack workspace ${workspaceId}`);
    const client = new webApi.WebClient(token, this.clientOptions());
    this.clients.set(workspaceId, { token, client });
    return client;
  }

  /** Drops the cached client (the installation changed or was removed). */
  forget(workspaceId: string): void {
    this.clients.delete(workspaceId);
  }
}
