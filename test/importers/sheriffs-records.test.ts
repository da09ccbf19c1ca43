import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import { SHERIFF_DATASETS } from '../../src/importers/sheriff-datasets.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

let store: Store;
beforeAll(() => {
  store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  for (const dataset of SHERIFF_DATASETS) runImport(store, dataset, { clock: testClock });
});

/** The sheriff's office of a county (by FIPS), its current holder and every live record. */
function sheriffAt(fips: string) {
  const office = store.offices.sheriffOf(fips);
  if (!office) throw new Error(`no sheriff's office for ${fips}`);
  return { office, current: store.holders.current(office.id), records: store.holders.records(office.id) };
}

function record(fips: string, dataset: string) {
  const found = sheriffAt(fips).records.find((r) => r.dataset === dataset);
  if (!found) throw new Error(`no ${dataset} record for ${fips}`);
  return found;
}

describe('sheriff records', () => {
  it("GIVEN Autauga County, AL THEN its current holder is the Alabama Sheriffs' Association's Mark Harrell", () => {
    const { office, current, records } = sheriffAt('01001');
    expect(office.name).toBe("Autauga County Sheriff's Office");
    expect(current).toMatchObject({
      name: 'Mark Harrell',
      nameAsPrinted: 'Mark Harrell',
      sourceKind: 'association_directory',
      selection: 'unknown',
      party: null,
      phone: null,
      dataset: 'sheriffs-al',
      recordedBy: 'import:sheriffs-al',
      source: { title: "Alabama Sheriffs' Association directory (alabamasheriffs.com)", url: null, date: '2026-01-24' },
    });
    // The signer list names him too, on the same date; a directory outranks it.
    expect(records.map((r) => r.dataset)).toEqual(['sheriffs-al', 'signers-287g']);
  });

  it('GIVEN the VSA file THEN a bare "Alexandria" is the independent city and "Fairfax County" the county', () => {
    const alexandria = sheriffAt('51510');
    expect(alexandria.office.name).toBe("Alexandria City Sheriff's Office");
    expect(alexandria.current).toMatchObject({
      name: 'Sean Casey',
      party: 'Democratic',
      tookOffice: '2022-01-01',
      phone: '703-746-4114',
      address: '2003 Mill Road; Alexandria, VA 22314',
      sourceKind: 'association_directory',
    });
    expect(sheriffAt('51059').current).toMatchObject({ name: 'Stacey A. Kincaid', tookOffice: '2013-11-26' });
    expect(store.offices.sheriffOf('51600')).toBeUndefined(); // Fairfax city: no row, no office
  });

  it('GIVEN Richmond city and Richmond County, VA THEN each keeps its own sheriff and the mismatched signer row is not used', () => {
    expect(sheriffAt('51760').current).toMatchObject({ name: 'Antionette V. Irving', party: 'Democratic' });
    const county = sheriffAt('51159');
    expect(county.current).toMatchObject({ name: 'Stephan B. Smith', party: 'Independent' });
    expect(county.records.map((r) => r.dataset)).toEqual(['sheriffs-va']);
  });

  it('GIVEN the VSA row for Alleghany County-Covington THEN the sheriff is recorded on Alleghany County only', () => {
    expect(sheriffAt('51005').current).toMatchObject({ name: 'Kyle M. Moore', nameAsPrinted: 'Kyle M. Moore' });
    expect(store.offices.sheriffOf('51580')).toBeUndefined();
  });

  it("GIVEN the FDLE file THEN Alachua's record keeps the printed phone, email and the file's source URL", () => {
    expect(record('12001', 'sheriffs-fl')).toMatchObject({
      name: 'Chad D. Scott',
      phone: '(352) 367-4021',
      email: 'cscott@alachuasheriff.org',
      sourceKind: 'state_directory',
      source: {
        title: "Florida Department of Law Enforcement sheriff's office directory",
        url: 'https://www.fdle.state.fl.us/cjstc/documents/agency-addresses/sheriff-s-office-directory.aspx',
        date: '2025-09-02',
      },
    });
  });

  it('GIVEN a MEDSL name in capitals THEN it is shown in normal case where safe and kept as printed', () => {
    expect(sheriffAt('27001').current).toMatchObject({
      name: 'Daniel Guida',
      nameAsPrinted: 'DANIEL GUIDA',
      party: 'Nonpartisan',
      selection: 'elected',
      sourceKind: 'election_winner',
      source: { title: 'MEDSL 2022 general election results (winner)', url: null, date: '2022-11-08' },
    });
    expect(sheriffAt('19083').current).toMatchObject({ name: 'DAVID MCDANIEL', nameAsPrinted: 'DAVID MCDANIEL' });
  });

  it('GIVEN the GSA typo "Mcduffle" THEN its sheriff is recorded on McDuffie County', () => {
    expect(sheriffAt('13189').current).toMatchObject({ name: 'Logan Marshall', phone: '706-595-2040' });
  });

  it('GIVEN WV Lincoln, printed "Appointed August 27, 2025" THEN the holder is recorded as appointed from that date', () => {
    expect(sheriffAt('54043').current).toMatchObject({ name: 'Harvey Scites', selection: 'appointed', tookOffice: '2025-08-27' });
  });

  it('GIVEN OSA\'s "(INTERIM) KEITH FRUTIGER" THEN the name is shown as an interim sheriff and kept as printed', () => {
    expect(sheriffAt('40153').current).toMatchObject({
      name: 'Keith Frutiger (interim)',
      nameAsPrinted: '(INTERIM) KEITH FRUTIGER',
    });
  });

  it("GIVEN Zapata County, TX THEN no one is named, although the signer list repeats Washington County's sheriff", () => {
    expect(store.offices.sheriffOf('48505')).toBeUndefined();
    expect(sheriffAt('48477').current).toMatchObject({ name: 'Otto H. Hanak' });
  });
});

describe('current holder when sources disagree', () => {
  it('GIVEN a 2024 election winner and a newer signer-list name (Spartanburg, SC) THEN the signer-list name is current', () => {
    const { current, records } = sheriffAt('45083');
    expect(current).toMatchObject({ name: 'Bill Rhyne', sourceKind: 'signer_list', source: { date: '2026-01-24' } });
    expect(records.map((r) => [r.nameAsPrinted, r.sourceKind])).toEqual([
      ['Bill Rhyne', 'signer_list'],
      ['CHUCK WRIGHT', 'election_winner'],
    ]);
  });

  it('GIVEN the FDLE directory (2025-09) and the newer signer list (2026-01) for Manatee, FL THEN the newer name is current', () => {
    const { current, records } = sheriffAt('12081');
    expect(current).toMatchObject({ name: 'Charles R. Wells', sourceKind: 'signer_list' });
    expect(records.map((r) => r.name)).toEqual(['Charles R. Wells', 'Rick Wells']);
  });

  it('GIVEN a third-party list and the signer list on the same date (Galveston, TX) THEN the signer list ranks higher', () => {
    const { current, records } = sheriffAt('48167');
    expect(current).toMatchObject({ name: 'Henry A. Trochesset', dataset: 'signers-287g' });
    expect(records.map((r) => r.sourceKind)).toEqual(['signer_list', 'third_party_list']);
  });
});
