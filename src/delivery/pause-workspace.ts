import type { Store } from '../store/index.ts';
import type { Platform } from '../store/subscriptions.ts';

/**
 * Pauses every live subscription of a server/workspace the bot may no longer post to
 * (uninstalled, access revoked) and skips what was waiting to be sent there. Subscriptions are
 * paused, not ended: reinstalled, a channel resumes with `subscribe`; history and the record's
 * changes made from there stay. Returns how many subscriptions were paused.
 */
export function pauseWorkspace(
  store: Pick<Store, 'subscriptions' | 'deliveries'>,
  where: { platform: Platform; workspaceId: string },
  reason: string,
  meta: { by: string; at: string },
): number {
  return store.deliveries.transaction(() => {
    let paused = 0;
    for (const subscription of store.subscriptions.forWorkspace(where.platform, where.workspaceId)) {
      if (!store.subscriptions.pause(subscription.id, reason, meta)) continue;
      paused += 1;
      for (const id of store.deliveries.openFor(subscription.id)) store.deliveries.finish(id, 'skipped', meta.at, 'the subscription was paused');
    }
    return paused;
  });
}
