/**
 * A workspace that uninstalls the app, or revokes its bot token, is heard once: its tokens are
 * forgotten, its subscriptions pause, and nothing more is posted there. What its people added
 * to the shared record, and its subscriptions' history, stay. (Bolt delivers both events
 * without authorizing them: the tokens may already be gone.)
 */
import type { App as Bolt } from '@slack/bolt';
import type { App } from '../../src/app.ts';
import { PERMANENT_REASON_TEXT } from '../../src/delivery/errors.ts';
import { pauseWorkspace } from '../../src/delivery/pause-workspace.ts';
import type { Logger } from '../../src/logger.ts';
import type { SealedInstallations } from './installations.ts';

export interface UninstallDeps {
  app: Pick<App, 'store' | 'clock'>;
  installations: SealedInstallations;
  logger: Logger;
}

interface EventBody {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

export function registerUninstall(bolt: Bolt, { app, installations, logger }: UninstallDeps): void {
  function gone(body: EventBody, why: 'app_uninstalled' | 'tokens_revoked'): void {
    const workspaceId = body.is_enterprise_install && body.enterprise_id ? body.enterprise_id : body.team_id;
    if (!workspaceId) return;
    const forgotten = installations.remove(workspaceId, why);
    const paused = pauseWorkspace(app.store, { platform: 'slack', workspaceId }, PERMANENT_REASON_TEXT.access_revoked, {
      by: `slack:${why}`,
      at: app.clock.now().toISOString(),
    });
    logger.info({ team: workspaceId, why, tokensForgotten: forgotten, subscriptionsPaused: paused }, 'Slack workspace removed the bot');
  }

  bolt.event('app_uninstalled', async ({ body }) => gone(body as EventBody, 'app_uninstalled'));

  bolt.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot's token matters: the installer's user token is never used.
    if (event.tokens.bot?.length) gone(body as EventBody, 'tokens_revoked');
  });
}
