/**
 * 287(g) agreements by state: which sheriff's offices and which other agencies hold live
 * agreements, and how many per state. Backs `positions 287g <state>` and the bench.
 *
 * Each answer is one query, and is kept per connection until the database changes (see
 * dataStamp), so repeated questions cost two integer reads. Answers are shared:
 * they are typed and frozen read-only.
 */
import type { StateCode } from '../domain/states.ts';
import { topicById } from '../domain/topics.ts';
import type { Jurisdiction, Office, Position } from '../domain/types.ts';
import { dataStamp } from '../db/data-stamp.ts';
import { agreementStore } from '../store/agreements.ts';
import type { Store } from '../store/index.ts';

export const AGREEMENT_TOPIC = '287g';

/** The 287(g) values that are agreements: every model, not 'none' (migration 0007 counts the same set). */
export const AGREEMENT_MODELS: readonly string[] = topicById(AGREEMENT_TOPIC)
  .values.map((v) => v.value)
  .filter((v) => v !== 'none');

export interface SheriffAgreements {
  readonly office: Office;
  readonly jurisdiction: Jurisdiction;
  /** One per model, by slot. */
  readonly agreements: readonly Position[];
}

export interface OtherAgreements {
  readonly office: Office;
  readonly agreements: readonly Position[];
}

export interface StateAgreements {
  /** Sheriff's offices with at least one live agreement, by office name. */
  readonly sheriffs: readonly SheriffAgreements[];
  /** Every other agency (police, state, corrections, other) with one, by office name. */
  readonly others: readonly OtherAgreements[];
}

export interface StateAgreementCounts {
  readonly state: StateCode;
  /** Sheriff's offices with at least one live agreement. */
  readonly sheriffOffices: number;
  /** Other agencies with at least one. */
  readonly otherOffices: number;
  /** Live agreements (one per office and model), sheriffs and others together. */
  readonly agreements: number;
  /** Live agreements per model value, sheriffs and others together; every model present. */
  readonly byModel: Readonly<Record<string, number>>;
}

interface Memo {
  stamp: string;
  states: Map<string, StateAgreements>;
  counts?: readonly StateAgreementCounts[];
}

const memos = new WeakMap<Store['db'], Memo>();

/** The connection's memo, emptied if the database changed since it was filled. */
function memoFor(store: Store): Memo {
  const stamp = dataStamp(store.db);
  let memo = memos.get(store.db);
  if (!memo || memo.stamp !== stamp) {
    memo = { stamp, states: new Map() };
    memos.set(store.db, memo);
  }
  return memo;
}

/** Live 287(g) agreements in one state ('TX'), grouped by office, each list by office name. */
export function agreementsInState(store: Store, state: StateCode | string): StateAgreements {
  const memo = memoFor(store);
  const known = memo.states.get(state);
  if (known) return known;
  const sheriffs: SheriffAgreements[] = [];
  const others: OtherAgreements[] = [];
  let current: { office: Office; agreements: Position[] } | undefined;
  for (const row of agreementStore(store.db).inState(AGREEMENT_TOPIC, state, AGREEMENT_MODELS)) {
    if (current?.office.id !== row.office.id) {
      current = { office: row.office, agreements: [] };
      if (row.office.kind === 'sheriff' && row.jurisdiction) {
        sheriffs.push({ office: row.office, jurisdiction: row.jurisdiction, agreements: current.agreements });
      } else {
        others.push(current);
      }
    }
    current.agreements.push(row.position);
  }
  const answer: StateAgreements = Object.freeze({ sheriffs: Object.freeze(sheriffs), others: Object.freeze(others) });
  memo.states.set(state, answer);
  return answer;
}

/** One office in a listing: its name (the jurisdiction's, for a sheriff) and its agreements. */
export interface AgreementListing {
  name: string;
  sheriff: boolean;
  agreements: { value: string; effectiveDate: string | null }[];
}

/**
 * One page of the `positions 287g <state>` listing: sheriff's offices first, then other
 * agencies, each by office name. Only the page is read, so a long state costs what a short one does.
 */
export function agreementListingPage(store: Store, state: StateCode | string, offset: number, limit: number): AgreementListing[] {
  const listing: AgreementListing[] = [];
  let current: AgreementListing | undefined;
  let lastOffice = -1;
  for (const row of agreementStore(store.db).pageInState(AGREEMENT_TOPIC, state, AGREEMENT_MODELS, limit, offset)) {
    if (row.officeId !== lastOffice || !current) {
      lastOffice = row.officeId;
      current = { name: row.name, sheriff: row.sheriff, agreements: [] };
      listing.push(current);
    }
    current.agreements.push({ value: row.value, effectiveDate: row.effectiveDate });
  }
  return listing;
}

/** One state's counts, with the models of its sheriff's offices apart (what the listing's intro says). */
export interface StateListingCounts {
  sheriffOffices: number;
  otherOffices: number;
  /** Agreements of sheriff's offices per model, in the topic's order; models with none left out. */
  sheriffModels: { value: string; agreements: number }[];
}

export function agreementCountsInState(store: Store, state: StateCode | string): StateListingCounts {
  const counts: StateListingCounts = { sheriffOffices: 0, otherOffices: 0, sheriffModels: [] };
  const models = new Map<string, number>();
  for (const row of agreementStore(store.db).counts287gInState(state)) {
    if (row.value !== null) {
      if (row.kind === 'sheriff') models.set(row.value, row.agreements);
    } else if (row.kind === 'sheriff') counts.sheriffOffices += row.offices;
    else counts.otherOffices += row.offices;
  }
  for (const value of AGREEMENT_MODELS) {
    const agreements = models.get(value);
    if (agreements) counts.sheriffModels.push({ value, agreements });
  }
  return counts;
}

/** Every state with at least one live 287(g) agreement, by state code. */
export function agreementCountsByState(store: Store): readonly StateAgreementCounts[] {
  const memo = memoFor(store);
  if (memo.counts) return memo.counts;
  const byState = new Map<string, { state: StateCode; sheriffOffices: number; otherOffices: number; agreements: number; byModel: Record<string, number> }>();
  for (const row of agreementStore(store.db).counts287g()) {
    let entry = byState.get(row.state);
    if (!entry) {
      const byModel = Object.fromEntries(AGREEMENT_MODELS.map((m) => [m, 0]));
      entry = { state: row.state as StateCode, sheriffOffices: 0, otherOffices: 0, agreements: 0, byModel };
      byState.set(row.state, entry);
    }
    if (row.value === null) {
      if (row.kind === 'sheriff') entry.sheriffOffices += row.offices;
      else entry.otherOffices += row.offices;
      entry.agreements += row.agreements;
    } else {
      entry.byModel[row.value] = (entry.byModel[row.value] ?? 0) + row.agreements;
    }
  }
  memo.counts = Object.freeze([...byState.values()]);
  return memo.counts;
}

/** Sheriff's offices and other agencies with an agreement, and the states they are in, country-wide. */
export function agreementTotals(store: Store): { sheriffOffices: number; otherOffices: number; states: number } {
  const counts = agreementCountsByState(store);
  return {
    sheriffOffices: counts.reduce((n, c) => n + c.sheriffOffices, 0),
    otherOffices: counts.reduce((n, c) => n + c.otherOffices, 0),
    states: counts.length,
  };
}
