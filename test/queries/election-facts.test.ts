import { describe, expect, it } from 'vitest';
import { electionFacts, electionFactsInState } from '../../src/queries/election-facts.ts';
import { STATES, type StateCode } from '../../src/domain/states.ts';
import { loadedStore, testClock } from '../helpers/store.ts';

const meta = { sourceUrl: 'https://example.org/elections', sourceTitle: 'County elections office', by: 'test:mod', at: '2026-11-24T15:00:00.000Z' };

describe('electionFactsInState', () => {
  it('GIVEN every state, with recorded elections in some counties THEN each county gets exactly what electionFacts gives it alone', () => {
    const store = loadedStore({ fresh: true });
    // A general election in the computed year (it wins), a special one, and a past one (left out).
    store.recordedElections.add({ fips: '48453', officeId: null, kind: 'general', date: '2028-11-07', registrationDeadline: '2028-10-10', note: null }, meta);
    store.recordedElections.add({ fips: '48453', officeId: null, kind: 'special', date: '2027-05-01', registrationDeadline: null, note: null }, meta);
    store.recordedElections.add({ fips: '13067', officeId: null, kind: 'primary', date: '2026-01-10', registrationDeadline: null, note: null }, meta);
    let compared = 0;
    for (const state of Object.keys(STATES) as StateCode[]) {
      const places = store.jurisdictions.inState(state);
      const batch = electionFactsInState(store, testClock, state, places);
      for (const j of places) {
        const alone = electionFacts(store, testClock, j);
        expect(batch.get(j.fips), `${j.name}, ${state}`).toEqual({ next: alone.next, recorded: alone.recorded });
        compared++;
      }
    }
    expect(compared).toBe(3143);
    const travis = electionFactsInState(store, testClock, 'TX', store.jurisdictions.inState('TX')).get('48453')!;
    expect(travis.next.recorded?.date).toBe('2028-11-07');
    expect(travis.recorded.map((e) => e.kind)).toEqual(['special', 'general']);
  });
});
