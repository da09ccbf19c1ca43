/**
 * Each county's category on a topic, read from the store: the record of its sheriff's office
 * (live positions), the ICE list's date for offices not on it, and the state's rule for
 * states without elected county sheriffs. The text answers read the same rows.
 */
import { AGREEMENT_MODELS, AGREEMENT_TOPIC } from '../queries/agreements.ts';
import type { Jurisdiction } from '../domain/types.ts';
import type { Store } from '../store/index.ts';
import type { MapCategory } from './categories.ts';

const ICE_DATASET = 'ice-287g';
/** Up to this many counties (a county map, a neighbour line) are read by FIPS; more, by state or all at once. */
const FEW_COUNTIES = 40;

/** The date of the loaded ICE 287(g) list, if one is loaded. */
export function iceListDate(store: Store): string | undefined {
  return store.imports.latest(ICE_DATASET)?.version;
}

function agreementCategory(values: readonly string[] | undefined, listed: boolean): MapCategory {
  const models = [...new Set((values ?? []).filter((v) => AGREEMENT_MODELS.includes(v)))];
  if (models.length > 1) return 'several';
  if (models.length === 1) return models[0] as MapCategory;
  if (values?.includes('none')) return 'none';
  return listed ? 'not-listed' : 'unknown';
}

function policyCategory(values: readonly string[] | undefined): MapCategory {
  const value = values?.find((v) => v === 'yes' || v === 'partial' || v === 'no');
  return (value as MapCategory | undefined) ?? 'unknown';
}

/** The category of every given jurisdiction on the topic, by FIPS. */
export function countyCategories(store: Store, topic: string, jurisdictions: readonly Jurisdiction[]): Map<string, MapCategory> {
  const states = [...new Set(jurisdictions.map((j) => j.state))];
  const values =
    jurisdictions.length <= FEW_COUNTIES
      ? store.sheriffValues.forCounties(topic, jurisdictions.map((j) => j.fips))
      : store.sheriffValues.byCounty(topic, states.length === 1 ? states[0] : undefined);
  const listed = iceListDate(store) !== undefined;
  const noSheriff = new Set(states.filter((s) => store.rules.forState(s)?.elected === 'no'));
  const result = new Map<string, MapCategory>();
  for (const j of jurisdictions) {
    const recorded = values.get(j.fips);
    result.set(
      j.fips,
      noSheriff.has(j.state) ? 'no-sheriff' : topic === AGREEMENT_TOPIC ? agreementCategory(recorded, listed) : policyCategory(recorded),
    );
  }
  return result;
}
