/**
 * The sheriff-name files shipped in data/ (see shared/data/SOURCES.md): one entry per file,
 * turned into one Dataset each by sheriff-datasets.ts.
 */
import { stateName, type StateCode } from '../domain/states.ts';
import type { SourceKind } from '../domain/types.ts';

/** How a file is laid out. */
export type SheriffLayout =
  | 'standard' // state,county,sheriff,party,phone,email,address,website,took_office,source_kind,…,source_date
  | 'name-address-phone' // state,county,sheriff,address,phone (GA, TN page dumps)
  | 'vsa' // state,jurisdiction,sheriff,party,address,phone,took_office (MM/DD/YYYY)
  | 'fdle-json' // { _meta, sheriffs: [{ county, sheriff, email, phone }] }
  | 'signers-json'; // [{ state, agency, county, agency_type, signer_name, signer_title, … }]

export interface SheriffSource {
  /** Dataset key, e.g. 'sheriffs-tx'. */
  key: string;
  /** The state every row must be in; null for the multi-state signer list. */
  state: StateCode | null;
  file: string;
  layout: SheriffLayout;
  /** Dataset title, naming the real source. */
  title: string;
  /** The dataset's own date. */
  version: string;
  origin: string;
  /** Title each directory row cites (election-winner rows cite their election year instead). */
  sourceTitle: string;
  sourceUrl: string | null;
  /** For layouts without source_kind / source_date columns. */
  sourceKind?: SourceKind;
  sourceDate?: string;
  /** What a place printed without 'County'/'City' means: VSA prints cities by bare name. */
  bareName: 'county' | 'independent_city';
  /** Whose results an election-winner row was computed from, e.g. 'MEDSL', 'OpenElections'. */
  resultsBy?: string;
}

/** Date of wagner-austin/Dashboards commit 07274804, which added the page dumps. */
const DASHBOARDS_DATE = '2026-01-24';
const DASHBOARDS = 'wagner-austin/Dashboards, ice-cooperation/';
const ADDED = 'added in commit 07274804 (2026-01-24)';

/** A sheriffs'-association (or similar) directory captured by wagner-austin/Dashboards. */
function directory(
  state: StateCode,
  file: string,
  sourceTitle: string,
  origin: string,
  layout: SheriffLayout = 'standard',
): SheriffSource {
  return {
    key: `sheriffs-${state.toLowerCase()}`,
    state,
    file,
    layout,
    title: sourceTitle,
    version: DASHBOARDS_DATE,
    origin,
    sourceTitle,
    sourceUrl: null,
    bareName: 'county',
    ...(layout === 'standard' ? {} : { sourceKind: 'association_directory' as const, sourceDate: DASHBOARDS_DATE }),
  };
}

function pageDump(path: string, note = ''): string {
  return `Page dump ${DASHBOARDS}${path}, ${ADDED}, converted to CSV${note}.`;
}

function sheriffData(listedSource: string): string {
  return (
    `County-name pairs from the SHERIFF_DATA dictionary in ${DASHBOARDS}fetch_all_signers.py, ${ADDED}; ` +
    `the repository says they were taken from ${listedSource}. Not checked against that page.`
  );
}

const ELECTION_DAY: Record<number, string> = { 2022: '2022-11-08', 2024: '2024-11-05' };

/** Election winners from MEDSL precinct returns; `years` are the elections the file holds. */
function medsl(state: StateCode, fileMonth: '2022-11' | '2024-11', years: number[]): SheriffSource {
  const yearText = years.join(' and ');
  const repos = years.map((year) => `MEDSL/${year}-elections-official`).join(', ');
  return {
    key: `sheriffs-${state.toLowerCase()}`,
    state,
    file: `${state.toLowerCase()}_sheriffs_medsl_${fileMonth}.csv`,
    layout: 'standard',
    title: `${stateName(state)} sheriff election winners, MEDSL ${yearText} general election results`,
    version: ELECTION_DAY[Math.max(...years)]!,
    origin:
      `MIT Election Data + Science Lab official precinct returns (${repos}), summed per county; ` +
      'the top vote-getter of the latest general-election sheriff contest found for each county.',
    sourceTitle: `MEDSL ${yearText} general election results (winner)`,
    sourceUrl: null,
    bareName: 'county',
    resultsBy: 'MEDSL',
  };
}

/**
 * Election winners computed from OpenElections precinct results (shared/data/SOURCES.md, "Added
 * 2026-12-03"); `repos` names the repositories and commits, `date` the latest election in the file.
 */
function openElections(state: StateCode, file: string, date: string, repos: string, resultsBy = 'OpenElections'): SheriffSource {
  return {
    key: `sheriffs-${state.toLowerCase()}`,
    state,
    file,
    layout: 'standard',
    title: `${stateName(state)} sheriff election winners, ${resultsBy} general election results`,
    version: date,
    origin:
      `Precinct results from ${repos}, summed per county; the top vote-getter of the latest general-election ` +
      'sheriff contest per county (counties with a margin under one point left out).',
    sourceTitle: `${resultsBy} general election results (winner)`,
    sourceUrl: null,
    bareName: 'county',
    resultsBy,
  };
}

/** Every sheriff-name file, in load order. */
export const SHERIFF_SOURCES: readonly SheriffSource[] = [
  directory('AL', 'al_sheriffs_alsa_2026-01.csv', "Alabama Sheriffs' Association directory (alabamasheriffs.com)",
    sheriffData("the Alabama Sheriffs' Association directory (alabamasheriffs.com)")),
  directory('AR', 'ar_sheriffs_asa_2026-01.csv', "Arkansas Sheriffs' Association sheriff directory",
    pageDump('ar_directory_raw.txt')),
  directory('GA', 'ga_sheriffs_gsa_2026-01.csv', "Georgia Sheriffs' Association, Sheriffs by County",
    pageDump('ga_sheriffs_final.txt', '; "Sheriff " prefix dropped, county names title-cased'), 'name-address-phone'),
  directory('KS', 'ks_sheriffs_ksa_2026-01.csv', "Kansas Sheriffs' Association member directory",
    pageDump('ks_sheriffs_raw.txt')),
  directory('KY', 'ky_sheriffs_kaco_2026-01.csv', 'Kentucky Association of Counties (KACo) county officials directory',
    pageDump('ky_kaco_raw.html', ' (rows titled "County Sheriff")')),
  directory('LA', 'la_sheriffs_lsa_2026-01.csv', "Louisiana Sheriffs' Association directory",
    pageDump('la_sheriffs_raw.txt')),
  directory('MO', 'mo_sheriffs_datamogov_2026-01.csv',
    "Missouri open-data portal, County Sheriff's Offices (data.mo.gov pzip-wwk6)",
    sheriffData('the data.mo.gov dataset "County Sheriff\'s Offices" (pzip-wwk6); lower confidence: legal first names')),
  directory('MS', 'ms_sheriffs_msa_2026-01.csv', "Mississippi Sheriffs' Association directory",
    pageDump('ms_sheriffs_raw.txt')),
  directory('OK', 'ok_sheriffs_osa_2026-01.csv', "Oklahoma Sheriffs' Association, Current Oklahoma Sheriffs",
    pageDump('ok_sheriffs_raw.txt')),
  directory('TN', 'tn_sheriffs_tsa_2026-01.csv', "Tennessee Sheriffs' Association sheriff directory",
    pageDump('tn_sheriffs_raw.txt', '; Fentress County is not in the dump'), 'name-address-phone'),
  directory('TX', 'tx_sheriffs_pbtx_2026-01.csv', 'Texas sheriff list (pbtx.com, third-party)',
    sheriffData('pbtx.com\'s "Texas sheriff list" ("not official, but comprehensive")')),
  {
    ...directory('VA', 'va_sheriffs_vsa_2026-01.csv', "Virginia Sheriffs' Association directory",
      pageDump('va_sheriffs_raw.txt', '; each "Name (P)" block parsed into one row'), 'vsa'),
    bareName: 'independent_city',
  },
  directory('WV', 'wv_sheriffs_wvsa_2026-01.csv', "West Virginia Sheriffs' Association, WV Sheriffs page",
    pageDump('west_virginia_raw_playwright.html', '; terms beginning January 1, 2025')),
  {
    key: 'sheriffs-fl',
    state: 'FL',
    file: 'fl_sheriffs_fdle_2025-09.json',
    layout: 'fdle-json',
    title: "Florida Department of Law Enforcement sheriff's office directory (2025-09-02)",
    version: '2025-09-02',
    origin: 'wabrocker/unhack-fl data/sheriffs.json (commit 9fbfcd40, 2026-08-05), from the FDLE directory PDF dated 2025-09-02.',
    sourceTitle: "Florida Department of Law Enforcement sheriff's office directory",
    sourceUrl: null, // taken from the file's _meta.source when present
    sourceKind: 'state_directory',
    sourceDate: '2025-09-02',
    bareName: 'county',
  },
  medsl('DE', '2022-11', [2022]),
  medsl('IA', '2024-11', [2024]),
  medsl('ID', '2024-11', [2024]),
  medsl('IN', '2022-11', [2022]),
  medsl('MA', '2022-11', [2022]),
  medsl('ME', '2024-11', [2022, 2024]),
  medsl('MN', '2022-11', [2022]),
  medsl('MT', '2024-11', [2022, 2024]),
  medsl('ND', '2024-11', [2022, 2024]),
  medsl('NH', '2024-11', [2022, 2024]),
  openElections('NJ', 'nj_sheriffs_openelections_2024-11.csv', '2024-11-05',
    'openelections/openelections-data-nj @ 5c3f64bc (2024-11-05)'),
  medsl('NM', '2024-11', [2022, 2024]),
  medsl('NV', '2022-11', [2022]),
  openElections('OR', 'or_sheriffs_openelections-medsl_2024-11.csv', '2024-11-05',
    'openelections/openelections-data-or @ 512b5777 (2024-11-05 and 2022-11-08) and MEDSL/2024-elections-official @ 7ec08dbd',
    'OpenElections/MEDSL'),
  medsl('SC', '2024-11', [2024]),
  openElections('MI', 'mi_sheriffs_openelections_2024-11.csv', '2024-11-05', 'openelections/openelections-data-mi @ 59a88675 (2024-11-05)'),
  openElections('PA', 'pa_sheriffs_openelections_2025-11.csv', '2025-11-04',
    'openelections/openelections-data-pa @ 90ff99bc (municipal general 2025-11-04)'),
  openElections('AZ', 'az_sheriffs_openelections_2024-11.csv', '2024-11-05', 'openelections/openelections-data-az @ a22a3ffc (2024-11-05)'),
  medsl('SD', '2022-11', [2022]),
  medsl('UT', '2022-11', [2022]),
  medsl('VT', '2022-11', [2022]),
  medsl('WA', '2024-11', [2022, 2024]),
  {
    key: 'signers-287g',
    state: null,
    file: 'sheriff_287g_signers_2026-01.json',
    layout: 'signers-json',
    title:
      "Sheriffs of agencies on ICE's January 2026 287(g) list, names matched by a third party " +
      "(wagner-austin/Dashboards) from sheriffs' association directories",
    version: DASHBOARDS_DATE,
    origin:
      `${DASHBOARDS}signer_data.json, ${ADDED}: one record per agency on the ICE sheet with the sitting ` +
      "sheriff's name matched from state sheriffs' association directories (not read from the agreements).",
    sourceTitle:
      "Sheriff's name matched by a third party (wagner-austin/Dashboards) from sheriffs' association directories, Jan 2026",
    sourceUrl: null,
    sourceKind: 'signer_list',
    sourceDate: DASHBOARDS_DATE,
    bareName: 'county',
  },
];
