/**
 * Suggestions for a county field as it is typed: counties, and cities and ZIP codes shown
 * with the county they lead to ("Houston, TX → Harris County, TX"). The value is always the
 * county, so choosing a suggestion names it exactly.
 */
import { STATES } from '../domain/states.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import { jurisdictionByFips, searchPlaces } from './place-index.ts';
import { citiesStartingWith, cityKey, zipRow, type CityRow } from './place-table.ts';
import { parseStateText } from './place-text.ts';

export interface PlaceSuggestion {
  label: string;
  value: string;
}

/** A city this size, typed in full, comes before counties that merely start with the text. */
const BIG_CITY = 50_000;

const countyValue = (j: Jurisdiction): string => `${j.name}, ${j.state}`;

export function suggestPlaces(store: Store, typed: string, state: string | undefined, limit: number): PlaceSuggestion[] {
  if (typeof typed !== 'string' || typed.length > 200 || !(limit > 0)) return [];
  const zip = /^\s*(\d{5})\s*$/.exec(typed)?.[1];
  if (zip) {
    const main = zipRow(zip)?.counties.map((fips) => jurisdictionByFips(store, fips)).find((j) => j);
    return main ? [{ label: `${zip} → ${countyValue(main)}`, value: countyValue(main) }] : [];
  }
  const counties = searchPlaces(store, typed, state, limit).map((j) => ({ label: `${j.name}, ${STATES[j.state]}`, value: countyValue(j) }));
  const parts = typed.split(',');
  const words = parts.length > 1 ? parts.slice(0, -1).join(' ') : typed;
  const stateText = state?.trim() ? state : parts.length > 1 ? parts.at(-1)! : '';
  const scope = stateText.trim() ? parseStateText(stateText) : undefined;
  const key = cityKey(words);
  if (key.length < 3 || (stateText.trim() && !scope)) return counties.slice(0, limit);
  const cities = citiesStartingWith(key, scope, limit).flatMap((city) => citySuggestion(store, city));
  const first = cities.filter((c) => c.exact && c.city.population >= BIG_CITY);
  const rest = cities.filter((c) => !first.includes(c));
  const seen = new Set<string>();
  return [...first, ...counties, ...rest]
    .map((s) => ('label' in s ? s : s.suggestion))
    .filter((s) => !seen.has(s.label) && seen.add(s.label))
    .slice(0, limit);

  function citySuggestion(storeArg: Store, city: CityRow): { city: CityRow; exact: boolean; suggestion: PlaceSuggestion }[] {
    const county = jurisdictionByFips(storeArg, city.counties[0]!);
    if (!county) return [];
    return [{ city, exact: cityKey(city.name) === key, suggestion: { label: `${city.name}, ${city.state} → ${countyValue(county)}`, value: countyValue(county) } }];
  }
}
