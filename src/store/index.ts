import type { Db } from '../db/open.ts';
import { ChangeLogStore } from './change-log.ts';
import { CountyNeighbourStore } from './county-neighbours.ts';
import { SheriffValueStore } from './sheriff-values.ts';
import { DeliveryStore } from './deliveries.ts';
import { ElectionExceptionStore } from './election-exceptions.ts';
import { HolderStore } from './holders.ts';
import { ImportStore } from './imports.ts';
import { InstallationStore } from './installations.ts';
import { JurisdictionStore } from './jurisdictions.ts';
import { LanguageSettingsStore } from './language-settings.ts';
import { ListCheckStore } from './list-checks.ts';
import { MeetingStore } from './meetings.ts';
import { MeetingSourceStore } from './meeting-sources.ts';
import { AgendaAlertStore } from './agenda-alerts.ts';
import { OfficeStore } from './offices.ts';
import { PendingChangeStore } from './pending-changes.ts';
import { DecisionNoticeStore } from './decision-notices.ts';
import { PositionHistoryStore } from './position-history.ts';
import { PositionStore } from './positions.ts';
import { RecordedElectionStore } from './recorded-elections.ts';
import { RuleStore } from './rules.ts';
import { LeaseStore } from './scheduler-lease.ts';
import { SubscriptionStore } from './subscriptions.ts';

/** Every table group's prepared statements, built once per connection. */
export interface Store {
  db: Db;
  jurisdictions: JurisdictionStore;
  neighbours: CountyNeighbourStore;
  sheriffValues: SheriffValueStore;
  rules: RuleStore;
  electionExceptions: ElectionExceptionStore;
  offices: OfficeStore;
  holders: HolderStore;
  positions: PositionStore;
  imports: ImportStore;
  listChecks: ListCheckStore;
  changes: ChangeLogStore;
  languages: LanguageSettingsStore;
  positionHistory: PositionHistoryStore;
  pending: PendingChangeStore;
  decisionNotices: DecisionNoticeStore;
  recordedElections: RecordedElectionStore;
  meetings: MeetingStore;
  meetingSources: MeetingSourceStore;
  agendaAlerts: AgendaAlertStore;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  leases: LeaseStore;
  installations: InstallationStore;
}

export function createStore(db: Db): Store {
  const changes = new ChangeLogStore(db);
  return {
    db,
    jurisdictions: new JurisdictionStore(db),
    neighbours: new CountyNeighbourStore(db),
    sheriffValues: new SheriffValueStore(db),
    rules: new RuleStore(db),
    electionExceptions: new ElectionExceptionStore(db),
    offices: new OfficeStore(db),
    holders: new HolderStore(db),
    positions: new PositionStore(db),
    imports: new ImportStore(db),
    listChecks: new ListCheckStore(db),
    changes,
    languages: new LanguageSettingsStore(db),
    positionHistory: new PositionHistoryStore(db),
    pending: new PendingChangeStore(db),
    decisionNotices: new DecisionNoticeStore(db),
    recordedElections: new RecordedElectionStore(db, changes),
    meetings: new MeetingStore(db, changes),
    meetingSources: new MeetingSourceStore(db),
    agendaAlerts: new AgendaAlertStore(db),
    subscriptions: new SubscriptionStore(db, changes),
    deliveries: new DeliveryStore(db),
    leases: new LeaseStore(db),
    installations: new InstallationStore(db),
  };
}
