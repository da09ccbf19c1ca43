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
import { jurisdictionByFips } from '../lookup/place-index.ts';
import { dataStamp } from '../db/data-stamp.ts';
import { agreementStore } from '../store/agreements.ts';
import type { Store } from '../store/index.ts';

export const AGREEMENT_TOPIC = '287g';

/** The 287(g) values that are agreements (every model; not 'none' or 'unknown'). */
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
  agreements: { value: string; effectiveDate: string | null }[];
}

/**
 * The `positions 287g <state>` listing: like agreementsInState, but only the columns a list
 * shows, which makes the uncached query several times faster.
 */
export function agreementListingInState(store: Store, state: StateCode | string): { sheriffs: AgreementListing[]; others: AgreementListing[] } {
  const sheriffs: AgreementListing[] = [];
  const others: AgreementListing[] = [];
  let lastOffice = -1;
  let current: AgreementListing | undefined;
  for (const row of agreementStore(store.db).summaryInState(AGREEMENT_TOPIC, state, AGREEMENT_MODELS)) {
    if (row.officeId !== lastOffice || !current) {
      lastOffice = row.officeId;
      const place = row.officeKind === 'sheriff' && row.jurisdictionFips ? jurisdictionByFips(store, row.jurisdictionFips) : undefined;
      current = { name: place ? place.name : row.officeName, agreements: [] };
      (place ? sheriffs : others).push(current);
    }
    current.agreements.push({ value: row.value, effectiveDate: row.effectiveDate });
  }
  return { sheriffs, others };
}

/** Every state with at least one live 287(g) agreement, by state code. */
export function agreementCountsByState(store: Store): readonly StateAgreementCounts[] {
  const memo = memoFor(store);
  if (memo.counts) return memo.counts;
  const byState = new Map<string, { state: StateCode; sheriffOffices: number; otherOffices: number; agreements: number; byModel: Record<string, number> }>();
  for (const row of agreementStore(store.db).counts(AGREEMENT_TOPIC, AGREEMENT_MODELS)) {
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
