import type { StateCode } from '../domain/states.ts';
import { topicById, valueLabel } from '../domain/topics.ts';
import { t, type Language } from '../i18n/index.ts';
import { agreementTotals, agreementCountsInState } from '../queries/agreements.ts';
import type { Store } from '../store/index.ts';

/**
 * "198 of 254 sheriff's offices have a 287(g) agreement with ICE (…)" and the line on other
 * agencies: what `positions 287g <state>` and `map <state>` both say.
 */
export function stateAgreementCountLines(store: Store, state: StateCode, language: Language): string[] {
  const topic = topicById('287g');
  const counts = agreementCountsInState(store, state);
  const models = counts.sheriffModels.map((m) => `${m.agreements} ${valueLabel(topic, m.value, language)}`).join(', ');
  const others = counts.otherOffices;
  return [
    t(language, models ? 'positions.state.sheriffs-models' : 'positions.state.sheriffs', {
      count: counts.sheriffOffices,
      counties: store.jurisdictions.countInState(state),
      models,
    }),
    t(language, 'positions.state.others', { count: others }),
  ];
}

/** The same for the whole country: what `positions 287g` and `map us` both say. */
export function nationAgreementCountLines(store: Store, language: Language): string[] {
  const totals = agreementTotals(store);
  return [
    t(language, 'positions.states.intro', { count: totals.sheriffOffices, states: totals.states }),
    t(language, 'positions.state.others', { count: totals.otherOffices }),
  ];
}
