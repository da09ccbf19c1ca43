import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { importIce287gList } from '../../src/importers/ice-287g-import.ts';
import { AGREEMENT_MODELS, agreementCountsByState } from '../../src/queries/agreements.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock, TEST_NOW } from '../helpers/store.ts';

const JULY_CSV = 'ice_287g_participating_2025-07-18.csv';
const JANUARY_CSV = 'ice_287g_participating_2026-01-23.csv';
const july = readFileSync(new URL(`../fixtures/${JULY_CSV}`, import.meta.url));
const january = readFileSync(new URL(`../../data/${JANUARY_CSV}`, import.meta.url));

/** Per state, computed afresh from the live positions: what the 0007 triggers must keep. */
function aggregated(store: Store) {
  const rows = store.db
    .prepare(
      `SELECT o.state, o.kind, o.id AS office, p.value
       FROM positions p JOIN offices o ON o.id = p.office_id
       WHERE p.topic = '287g' AND p.retired_at IS NULL AND p.value <> 'none'`,
    )
    .all() as { state: string; kind: string; office: number; value: string }[];
  const states = [...new Set(rows.map((r) => r.state))].sort();
  return states.map((state) => {
    const inState = rows.filter((r) => r.state === state);
    const offices = (sheriff: boolean) => new Set(inState.filter((r) => (r.kind === 'sheriff') === sheriff).map((r) => r.office)).size;
    const byModel = Object.fromEntries(AGREEMENT_MODELS.map((m) => [m, inState.filter((r) => r.value === m).length]));
    return { state, sheriffOffices: offices(true), otherOffices: offices(false), agreements: inState.length, byModel };
  });
}

const kept = (store: Store) => agreementCountsByState(store);

describe('agreement counts kept by triggers', () => {
  it('GIVEN the July list then the January list (agreements added and ended) THEN the kept counts equal a fresh aggregate', async () => {
    const store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
    await importIce287gList(store, { bytes: july, fileName: JULY_CSV, clock: testClock });
    expect(kept(store)).toEqual(aggregated(store));
    const julyTotal = kept(store).reduce((n, r) => n + r.agreements, 0);

    const report = await importIce287gList(store, { bytes: january, fileName: JANUARY_CSV, clock: testClock });
    expect(report.diff!.ended.length).toBeGreaterThan(0);
    expect(kept(store)).toEqual(aggregated(store));
    expect(kept(store).reduce((n, r) => n + r.agreements, 0)).not.toBe(julyTotal);
  });

  it('GIVEN an office with two models WHEN one ends THEN it still counts as an office; WHEN both end THEN it does not', async () => {
    const store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
    const [autauga] = store.jurisdictions.byKey('autauga', 'AL');
    const office = store.offices.ensureSheriff(autauga!);
    const source = { title: 'Test', url: 'https://example.org/moa', date: '2026-11-01' };
    const record = (slot: string) =>
      store.positions.record({ officeId: office.id, topic: '287g', slot, value: slot, detail: null, effectiveDate: null, documentUrl: null, source, dataset: null, by: 'test', at: TEST_NOW });
    record('task-force');
    record('jail-enforcement');
    const al = () => agreementCountsByState(store).find((c) => c.state === 'AL');
    expect(al()).toMatchObject({ sheriffOffices: 1, agreements: 2 });

    const [first, second] = store.positions.live(office.id);
    store.positions.retire(first!, { source, by: 'test', at: TEST_NOW });
    expect(al()).toMatchObject({ sheriffOffices: 1, agreements: 1 });
    store.positions.retire(second!, { source, by: 'test', at: TEST_NOW });
    expect(al()).toBeUndefined();
    expect(aggregated(store)).toEqual([]);
  });
});

describe('the guards the counts rely on', () => {
  function storeWithOnePosition() {
    const store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
    const [autauga] = store.jurisdictions.byKey('autauga', 'AL');
    const office = store.offices.ensureSheriff(autauga!);
    const source = { title: 'Test', url: 'https://example.org/moa', date: '2026-11-01' };
    store.positions.record({ officeId: office.id, topic: '287g', slot: 'task-force', value: 'task-force', detail: null, effectiveDate: null, documentUrl: null, source, dataset: null, by: 'test', at: TEST_NOW });
    const [position] = store.positions.live(office.id);
    return { store, office, position: position! };
  }

  it('GIVEN a live position WHEN its value is edited in place THEN the database refuses', () => {
    const { store, position } = storeWithOnePosition();
    expect(() => store.db.prepare("UPDATE positions SET value = 'jail-enforcement' WHERE id = ?").run(position.id)).toThrow(/never edited/);
  });

  it('GIVEN a position WHEN deleted THEN the database refuses', () => {
    const { store, position } = storeWithOnePosition();
    expect(() => store.db.prepare('DELETE FROM positions WHERE id = ?').run(position.id)).toThrow(/never deleted/);
  });

  it('GIVEN a retired position WHEN brought back THEN the database refuses', () => {
    const { store, position } = storeWithOnePosition();
    store.db.prepare('UPDATE positions SET retired_at = ? WHERE id = ?').run(TEST_NOW, position.id);
    expect(() => store.db.prepare('UPDATE positions SET retired_at = NULL WHERE id = ?').run(position.id)).toThrow(/stays retired/);
  });

  it("GIVEN an office WHEN its kind is changed THEN the database refuses; its selection may change", () => {
    const { store, office } = storeWithOnePosition();
    expect(() => store.db.prepare("UPDATE offices SET kind = 'police' WHERE id = ?").run(office.id)).toThrow(/never change/);
    expect(() => store.db.prepare("UPDATE offices SET selection = 'elected' WHERE id = ?").run(office.id)).not.toThrow();
  });
});
