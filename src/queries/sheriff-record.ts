import type { Clock } from '../clock.ts';
import type { Jurisdiction, OfficeHolder, Position, Source, StateSheriffRule } from '../domain/types.ts';
import type { Office } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { electionFacts, type ElectionFacts } from './election-facts.ts';
import { holderDoubt, mayHaveChanged, type HolderDoubt } from './holder-doubt.ts';

/** One contact detail and the record it came from. */
export interface ContactDetail {
  value: string;
  source: Source;
}

export type ContactKey = 'phone' | 'email' | 'address' | 'website';

/** Everything the record holds about one jurisdiction's sheriff, gathered once. */
export interface SheriffRecord {
  jurisdiction: Jurisdiction;
  rule: StateSheriffRule | undefined;
  office: Office | undefined;
  /** The record shown as the office holder (best-ranked), if any source names one. */
  holder: OfficeHolder | undefined;
  /** Why the name may not be the sitting sheriff's (an election since its source, a term not yet begun), if any. */
  doubt: HolderDoubt | undefined;
  /** The doubt holds and the new term has begun (or its start is unknown): the name may be out of date. */
  holderMayHaveChanged: boolean;
  /** Each contact detail from the best-ranked record that has it. */
  contact: Partial<Record<ContactKey, ContactDetail>>;
  positions: Position[];
  election: ElectionFacts;
}

const CONTACT_KEYS: ContactKey[] = ['phone', 'email', 'address', 'website'];

export function sheriffRecord(store: Store, clock: Clock, jurisdiction: Jurisdiction): SheriffRecord {
  const office = store.offices.sheriffOf(jurisdiction.fips);
  const records = office ? store.holders.records(office.id) : [];
  const contact: SheriffRecord['contact'] = {};
  for (const key of CONTACT_KEYS) {
    const record = records.find((r) => r[key]);
    if (record?.[key]) contact[key] = { value: record[key], source: record.source };
  }
  const election = electionFacts(store, clock, jurisdiction);
  const holder = records[0];
  const doubt = holderDoubt(store.rules.forState(jurisdiction.state), jurisdiction, holder, election.today, store.electionExceptions.forJurisdiction(jurisdiction));
  return {
    jurisdiction,
    rule: store.rules.forState(jurisdiction.state),
    office,
    holder,
    doubt,
    holderMayHaveChanged: mayHaveChanged(doubt),
    contact,
    positions: office ? store.positions.live(office.id) : [],
    election,
  };
}
