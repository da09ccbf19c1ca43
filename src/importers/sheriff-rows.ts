/** Turns one sheriff row into an office-holder record, or says why it cannot be one. */
import { displayPersonName } from '../domain/person-names.ts';
import { normalizeName } from '../domain/names.ts';
import type { OfficeHolder, SourceKind } from '../domain/types.ts';
import type { NewHolder } from '../store/holders.ts';
import type { SheriffRow } from './sheriff-read.ts';
import type { SheriffSource } from './sheriff-sources.ts';

const ROW_KINDS = new Set<string>(['state_directory', 'association_directory', 'third_party_list', 'signer_list', 'election_winner']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Cells that stand where a name should be but are not one. */
const NOT_A_NAME: [RegExp, string][] = [
  [/^(CONTEST TOTALS?|(BALLOTS |VOTES )?CAST( VOTES| BALLOTS)?|TOTAL( VOTES| BALLOTS)?( CAST)?|(TOTAL )?WRITE[- ]?INS?( TOTALS?)?|UNRESOLVED WRITE[- ]?INS?|SCATTERING|(UNDER|OVER)[ /-]?VOTES?|(OVER|UNDER)[ /]+(UNDER|OVER)[ /-]?VOTES?|BLANKS?( VOTES)?|(REGISTERED|ELIGIBLE) VOTERS|TIMES (BLANK )?(VOTED|CAST)|NO CANDIDATE|NONE OF (THE|THESE) CANDIDATES|UNCOMMITTED)$/i,
    'a vote-tally label, not a name (winner unknown)'],
  [/^(TBD( TBD)?|VACANT|NON-MEMBER|N\/A|NONE|UNKNOWN)$/i, 'no name in source (vacant or unknown)'],
];

/**
 * Rows known to be wrong, each backed by SOURCES.md or by another shipped file. Keyed by state,
 * normalized place and the printed name, so a corrected file is no longer caught.
 */
const KNOWN_ERRORS: Record<string, string> = {
  // SOURCES.md: "TX Zapata County carried Washington County's sheriff (Otto H. Hanak)".
  'TX|zapata county|Otto H. Hanak': "known error (SOURCES.md): Zapata County carried Washington County's sheriff",
  // va_sheriffs_vsa lists Antionette V. Irving as sheriff of Richmond city; Richmond County's is
  // Stephan B. Smith. Which office the ICE row means cannot be told, so neither gets the name.
  'VA|richmond county|Antionette V. Irving':
    'conflicts with the VSA directory, which lists this name for Richmond city, not Richmond County',
};

/** Holder selection the source states outright. Keyed by dataset and normalized place. */
const SELECTION: Record<string, { selection: OfficeHolder['selection']; note: string }> = {
  // SOURCES.md (wv_sheriffs_wvsa): the page prints "Appointed August 27, 2025" for Lincoln.
  'sheriffs-wv|lincoln': { selection: 'appointed', note: 'Lincoln: the WVSA page prints "Appointed August 27, 2025"; selection recorded as appointed' },
};

/** MEDSL's party_detailed and the VSA's letters, in the words the bot shows. */
const PARTIES: Record<string, string> = {
  REPUBLICAN: 'Republican',
  REP: 'Republican',
  DEM: 'Democratic',
  LIB: 'Libertarian',
  GRN: 'Green',
  IND: 'Independent',
  DEMOCRAT: 'Democratic',
  DEMOCRATIC: 'Democratic',
  NONPARTISAN: 'Nonpartisan',
  INDEPENDENT: 'Independent',
  'REP/DEM': 'Republican/Democratic',
  'DEM/REP': 'Democratic/Republican',
  R: 'Republican',
  D: 'Democratic',
  I: 'Independent',
};

export function displayParty(printed: string | null): string | null {
  if (!printed) return null;
  return PARTIES[printed.toUpperCase()] ?? printed;
}

/** Why a row's name cell cannot name a holder, or undefined when it can. */
export function nameProblem(row: SheriffRow, state: string): string | undefined {
  if (row.name === '') return 'no name in source';
  const notName = NOT_A_NAME.find(([pattern]) => pattern.test(row.name));
  if (notName) return `"${row.name}": ${notName[1]}`;
  const known = KNOWN_ERRORS[`${state}|${normalizeName(row.place)}|${row.name}`];
  return known && `${row.name}: ${known}`;
}

/** 'MM/DD/YYYY' or 'YYYY-MM-DD' → 'YYYY-MM-DD'; anything else → undefined. */
export function isoDate(printed: string): string | undefined {
  if (ISO_DATE.test(printed)) return printed;
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(printed);
  return us ? `${us[3]}-${us[1]}-${us[2]}` : undefined;
}

/** Why the row's source columns are unusable, or undefined. */
export function sourceProblem(row: SheriffRow): string | undefined {
  if (!ROW_KINDS.has(row.sourceKind)) return `unknown source_kind "${row.sourceKind}"`;
  if (!ISO_DATE.test(row.sourceDate)) return `source_date "${row.sourceDate}" is not YYYY-MM-DD`;
  return undefined;
}

/** 'Keith Frutiger (interim)' for OSA's '(INTERIM) KEITH FRUTIGER'; otherwise the display name. */
function displayName(printed: string): string {
  const interim = /^\(interim\)\s*(.+)$/i.exec(printed);
  return interim ? `${displayPersonName(interim[1]!)} (interim)` : displayPersonName(printed);
}

export interface HolderDraft {
  holder: NewHolder & { dataset: string };
  notes: string[];
}

/** The record a usable, matched row becomes. */
export function holderFromRow(
  row: SheriffRow,
  source: SheriffSource,
  context: { officeId: number; sourceUrl: string | null; by: string; at: string },
): HolderDraft {
  const notes: string[] = [];
  const kind = row.sourceKind as SourceKind;
  const override = SELECTION[`${source.key}|${normalizeName(row.place)}`];
  if (override) notes.push(`row ${row.row}: ${override.note}.`);
  let tookOffice: string | null = null;
  if (row.tookOffice) {
    tookOffice = isoDate(row.tookOffice) ?? null;
    if (!tookOffice) notes.push(`row ${row.row}: took_office "${row.tookOffice}" not understood; left empty`);
  }
  const title = kind === 'election_winner'
    ? `${source.resultsBy ?? 'MEDSL'} ${row.sourceDate.slice(0, 4)} general election results (winner)`
    : source.sourceTitle;
  const name = displayName(row.name);
  if (name !== row.name && /\(interim\)$/.test(name)) notes.push(`row ${row.row}: "${row.name}" shown as "${name}".`);
  return {
    notes,
    holder: {
      officeId: context.officeId,
      name,
      nameAsPrinted: row.name,
      party: displayParty(row.party),
      selection: override?.selection ?? (kind === 'election_winner' ? 'elected' : 'unknown'),
      tookOffice,
      termEnd: null,
      phone: row.phone,
      email: row.email,
      address: row.address,
      website: row.website,
      sourceKind: kind,
      source: { title, url: context.sourceUrl, date: row.sourceDate },
      dataset: source.key,
      recordedBy: context.by,
      recordedAt: context.at,
    },
  };
}
