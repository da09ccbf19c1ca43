import type { JurisdictionKind } from './types.ts';
import { matchKey } from './names.ts';

/**
 * County-equivalents that are one government with a city. Their sheriff (where one exists)
 * serves the consolidated government. FIPS codes.
 */
const CONSOLIDATED = new Set([
  '02020', // Anchorage municipality, AK
  '02110', '02220', '02275', '02282', // Juneau, Sitka, Wrangell, Yakutat city and boroughs, AK
  '06075', // San Francisco, CA
  '08014', '08031', // Broomfield, Denver, CO
  '12031', // Duval (Jacksonville), FL
  '13021', '13059', '13215', '13245', // Macon-Bibb, Athens-Clarke, Columbus-Muscogee, Augusta-Richmond, GA
  '15003', // Honolulu, HI
  '18097', // Marion (Indianapolis), IN
  '20209', // Wyandotte (Kansas City), KS
  '21067', '21111', // Lexington-Fayette, Louisville-Jefferson, KY
  '22033', '22055', '22071', '22109', // East Baton Rouge, Lafayette, Orleans, Terrebonne, LA
  '30023', '30093', // Anaconda-Deer Lodge, Butte-Silver Bow, MT
  '32510', // Carson City, NV
  '42101', // Philadelphia, PA
  '47037', // Nashville-Davidson, TN
]);

/** Lower-case source names whose capitals cannot be derived by rule. */
const SPELLINGS: Record<string, string> = {
  'dona ana': 'Doña Ana',
  dekalb: 'DeKalb',
  desoto: 'DeSoto',
  dupage: 'DuPage',
  dewitt: 'DeWitt',
  lasalle: 'LaSalle',
  laporte: 'LaPorte',
  lagrange: 'LaGrange',
  lamoure: 'LaMoure',
  leflore: 'Leflore',
  larue: 'LaRue',
  'lac qui parle': 'Lac qui Parle',
  'st. john the baptist': 'St. John the Baptist',
  'lewis and clark': 'Lewis and Clark',
  'king and queen': 'King and Queen',
  'isle of wight': 'Isle of Wight',
  'lake of the woods': 'Lake of the Woods',
  'lake and peninsula': 'Lake and Peninsula',
  'prince of wales-hyder': 'Prince of Wales-Hyder',
  'district of columbia': 'District of Columbia',
};

const SMALL_WORDS = new Set(['and', 'of', 'the', 'qui']);

function capitalizeWord(word: string, index: number): string {
  if (index > 0 && SMALL_WORDS.has(word)) return word;
  return word
    .split('-')
    .map((part) => {
      if (/^mc[a-z]/.test(part)) return `Mc${part[2]!.toUpperCase()}${part.slice(3)}`;
      if (/^o'[a-z]/.test(part)) return `O'${part[2]!.toUpperCase()}${part.slice(3)}`;
      return part.charAt(0).toUpperCase() + part.slice(1);
    })
    .join('-');
}

/** 'dona ana' → 'Doña Ana', 'mcduffie' → 'McDuffie', "prince george's" → "Prince George's". */
export function displayCase(lowerBase: string): string {
  return SPELLINGS[lowerBase] ?? lowerBase.split(' ').map(capitalizeWord).join(' ');
}

const SUFFIXES: [string, JurisdictionKind, string][] = [
  [' city and borough', 'consolidated_city_county', 'City and Borough'],
  [' census area', 'census_area', 'Census Area'],
  [' municipality', 'municipality', 'Municipality'],
  [' borough', 'borough', 'Borough'],
  [' parish', 'parish', 'Parish'],
  [' county', 'county', 'County'],
  [' city', 'independent_city', 'city'],
];

/** The first words of those suffixes ('county', 'parish', 'city', …): a word followed by one of them names a place. */
export const PLACE_SUFFIX_WORDS: ReadonlySet<string> = new Set(SUFFIXES.map(([ending]) => ending.trim().split(' ')[0]!));

export interface JurisdictionName {
  name: string;
  baseName: string;
  kind: JurisdictionKind;
  matchKey: string;
}

/**
 * Turns the Census-style lower-case name ('st. louis city', 'dona ana county') and its FIPS
 * into display name, base name, kind and lookup key.
 */
export function describeJurisdiction(fips: string, lowerName: string): JurisdictionName {
  if (fips === '11001') {
    return { name: 'District of Columbia', baseName: 'District of Columbia', kind: 'district', matchKey: matchKey('district of columbia') };
  }
  const suffix = SUFFIXES.find(([ending]) => lowerName.endsWith(ending));
  const lowerBase = suffix ? lowerName.slice(0, -suffix[0].length) : lowerName;
  const baseName = displayCase(lowerBase);
  let kind: JurisdictionKind = suffix?.[1] ?? 'county';
  if (CONSOLIDATED.has(fips)) kind = 'consolidated_city_county';
  // 'Carson City' is the city's own name; elsewhere 'city' marks an independent city.
  const name = fips === '32510' ? 'Carson City' : suffix ? `${baseName} ${suffix[2]}` : baseName;
  return { name, baseName: fips === '32510' ? 'Carson City' : baseName, kind, matchKey: matchKey(name) };
}
