import type { StateCode } from './states.ts';

export type JurisdictionKind =
  | 'county'
  | 'parish'
  | 'borough'
  | 'census_area'
  | 'municipality'
  | 'independent_city'
  | 'consolidated_city_county'
  | 'district';

/** A county or county-equivalent. */
export interface Jurisdiction {
  fips: string;
  state: StateCode;
  /** Display name, e.g. 'Doña Ana County', 'Baltimore city'. */
  name: string;
  baseName: string;
  kind: JurisdictionKind;
  matchKey: string;
  timeZone: string;
}

export type OfficeKind = 'sheriff' | 'police' | 'state' | 'corrections' | 'other';
export type Selection = 'elected' | 'appointed' | 'none' | 'unknown';

/** A law-enforcement agency: a sheriff's office, or another agency on an official list. */
export interface Office {
  id: number;
  state: StateCode;
  jurisdictionFips: string | null;
  name: string;
  kind: OfficeKind;
  selection: Selection;
}

export type SourceKind =
  | 'moderator'
  | 'state_directory'
  | 'association_directory'
  | 'third_party_list'
  | 'signer_list'
  | 'election_winner';

/** Where a fact came from and how old it is. */
export interface Source {
  title: string;
  url: string | null;
  /** 'YYYY-MM-DD': the date the source states the fact for. */
  date: string;
}

export interface OfficeHolder {
  id: number;
  officeId: number;
  name: string;
  nameAsPrinted: string;
  party: string | null;
  selection: 'elected' | 'appointed' | 'unknown';
  tookOffice: string | null;
  termEnd: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
  sourceKind: SourceKind;
  source: Source;
  dataset: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Position {
  id: number;
  officeId: number;
  topic: string;
  slot: string;
  value: string;
  detail: string | null;
  effectiveDate: string | null;
  documentUrl: string | null;
  source: Source;
  dataset: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Per-state sheriff election rule, as compiled in data/sheriff_election_rules_by_state.csv. */
export interface StateSheriffRule {
  state: StateCode;
  elected: 'yes' | 'some' | 'no';
  termYears: number | null;
  cycle: string;
  lastRegularYear: number | null;
  nextRegularYear: number | null;
  electionKind: string;
  electionDayRule: string;
  exceptions: string;
  sourceUrls: string[];
  confidence: 'high' | 'medium' | 'low';
}

export interface ImportRecord {
  id: number;
  dataset: string;
  version: string;
  fileName: string;
  checksum: string;
  importedAt: string;
  rowsRead: number;
  rowsMatched: number;
  rowsUnmatched: number;
}
