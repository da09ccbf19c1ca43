// Agenda watch alerts: each agenda_alerts row → one ledger row per channel subscribed to the
// county's meetings (or its state's) that keeps agenda alerts on (the `agenda` kind, on by
// default with meetings). The ledger's unique key makes each post happen once.
import type { LedgerEntry } from '../store/deliveries.ts';
import type { Store } from '../store/index.ts';
import type { SubscriptionIndex } from './subscription-index.ts';

type Platform = LedgerEntry['platform'];

/** The ledger rows of agenda alerts found since the platform's watermark, and the new watermark. */
export function agendaEntries(store: Store, subscriptions: SubscriptionIndex, platform: Platform): { send: LedgerEntry[]; mark: string } | undefined {
  const after = Number(store.deliveries.watermark(`agenda:${platform}`) ?? 0);
  const alerts = store.agendaAlerts.since(after);
  if (!alerts.length) return undefined;
  const send: LedgerEntry[] = [];
  for (const alert of alerts) {
    const j = store.jurisdictions.byFips(alert.fips);
    if (!j) continue;
    for (const s of subscriptions.audience('both', j.state, j.fips)) {
      if (!s.agenda) continue;
      send.push({ subscriptionId: s.id, occurrenceKey: `agenda:${alert.id}`, lead: 'agenda', platform, channelId: s.channelId, dueAt: alert.foundAt, late: false });
    }
  }
  return { send, mark: String(alerts.at(-1)!.id) };
}
