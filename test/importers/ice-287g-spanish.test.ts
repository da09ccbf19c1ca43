/**
 * The ICE 287(g) importer's own notes and reasons, and its file errors, in the reader's language:
 * the real July 2025 and January 2026 lists imported in a Spanish chat, the same pair in English
 * (unchanged wording), rows that exercise the rarer notes, files that are not ICE's list, and a
 * report stored before notes were messages.
 */
import { attachmentText } from '../../src/reply.ts';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { noteText, runImport } from '../../src/importers/dataset.ts';
import { importIce287gList, type ListImportReport } from '../../src/importers/ice-287g-import.ts';
import { formatListReport } from '../../src/importers/ice-287g-report.ts';
import { resolveJurisdiction, resolveSheriff, type IceRow, type Resolution } from '../../src/importers/ice-287g-rows.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation, type Answer } from '../helpers/conversation.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

const JULY_XLSX = 'ice_287g_participating_2025-07-18.xlsx';
const JULY_CSV = 'ice_287g_participating_2025-07-18.csv';
const JANUARY_CSV = 'ice_287g_participating_2026-01-23.csv';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const shipped = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url));

function countiesOnly(): Store {
  const store = emptyStore();
  runImport(store, countiesDataset, { clock: testClock });
  return store;
}

/** A moderator in a chat of that language, importing without review. */
function moderator(store: Store, locale?: string) {
  const chat = conversation({ store, moderator: true, ...(locale ? { locale } : {}) });
  chat.ctx.requireReview = false;
  return {
    chat,
    async importFile(fileName: string, data: Buffer, date?: string): Promise<Answer> {
      chat.ctx.attachments = { file: { filename: fileName, data } };
      return chat.ask(`import 287g ${fileName}${date ? ` ${date}` : ''}`);
    },
  };
}

const reportOf = (answer: Answer) => attachmentText(answer.reply.attachments![0]!);

/** The English wording of the importer's notes and reasons: none of it may reach a Spanish reader. */
const ENGLISH = [
  'Row ',
  'names no one county',
  'names no county',
  'placed by the agency name',
  'kept without a county',
  ' taken as ',
  'one letter away',
  'no readable signing date',
  'MOA link',
  ' read as ',
  'kept as the same agency',
  'no longer listed and were retired',
  'unknown state',
  "sheriff's office not placed",
  'but the agency name says',
  'Against ',
  "no county '",
];

describe('the real pair imported in a Spanish chat: July 2025 (XLSX), then January 2026 (CSV)', () => {
  let july: string;
  let january: string;
  beforeAll(async () => {
    const es = moderator(countiesOnly(), 'es-419');
    const first = await es.importFile(JULY_XLSX, fixture(JULY_XLSX));
    expect(first.reply.title).toBe('Se importó la lista 287(g) de ICE del 2025-07-18');
    july = reportOf(first);
    const second = await es.importFile(JANUARY_CSV, shipped(JANUARY_CSV));
    expect(second.reply.title).toBe('Se importó la lista 287(g) de ICE del 2026-01-23');
    january = reportOf(second);
  });

  it('GIVEN the July list THEN its unplaced sheriff row and its placement notes are Spanish', () => {
    expect(july).toContain(
      "  fila sin ubicar 644: no se pudo ubicar la oficina del sheriff: la columna COUNTY 'Macon County' es Macon County, pero el nombre de la agencia indica Madison County — TENNESSEE | Madison County Sheriff's Office",
    );
    expect(july).toContain(
      "  nota: Fila 11: Franklin County Sheriff's Office (AL): la columna COUNTY 'Frankin County' no identifica un único condado; se ubicó por el nombre de la agencia como Franklin County.",
    );
    expect(july).toContain("  nota: Fila 48: Texarkana Police Department (AR): no existe el condado 'Bowie County' en AR; se conserva sin condado.");
    expect(july).toContain("  nota: Fila 432: Arnaudville Police Department (LA): 'Saint Landry County' se tomó como St. Landry Parish.");
    expect(july).toContain(
      "  nota: Fila 456: Berrian County Sheriff's Office (MI): 'Berrian County' no corresponde a ningún condado; se tomó como Berrien County, que difiere en una letra.",
    );
    expect(july).toContain("  nota: Fila 775: Tooele County Sheriff's Office no tiene una fecha de firma legible ('7/72025').");
    for (const english of ENGLISH) expect(july, english).not.toContain(english);
  });

  it('GIVEN the January list THEN the unknown state, the renamed agency, the repaired MOA link and the retired agreements are Spanish', () => {
    expect(january).toContain("  fila sin ubicar 486: estado desconocido 'GUAM' — GUAM | Office Of The Attorney General");
    expect(january).toContain(
      "  nota: Fila 299: Miami Dade Corrections and Rehabilitation (FL): figura como 'Miami-Dade Corrections and Rehabilitation'; se mantiene como la misma agencia.",
    );
    expect(january).toContain(
      "  nota: Fila 417: el enlace al MOA 'chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https:/www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf' se leyó como https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf.",
    );
    expect(january).toContain("  nota: Fila 125: Bunnell Police Department (FL): 'Flager County' no corresponde a ningún condado; se tomó como Flagler County, que difiere en una letra.");
    expect(january).toContain('  nota: 35 acuerdo(s) de una lista anterior ya no aparecen en la lista y se dieron por terminados.');
    // The counts are said once, by the Spanish header; the importer's English counts line is left out.
    expect(january).toContain('comparada con la lista del 2025-07-18:');
    for (const english of ENGLISH) expect(january, english).not.toContain(english);
  });
});

describe('the same pair imported in an English chat', () => {
  it('GIVEN English THEN the notes and reasons read word for word as before', async () => {
    const en = moderator(countiesOnly());
    const july = reportOf(await en.importFile(JULY_CSV, fixture(JULY_CSV)));
    expect(july).toContain(
      "  unmatched row 644: sheriff's office not placed: COUNTY 'Macon County' is Macon County but the agency name says Madison County — TENNESSEE | Madison County Sheriff's Office",
    );
    expect(july).toContain("  note: Row 456: Berrian County Sheriff's Office (MI): 'Berrian County' names no county; taken as Berrien County, one letter away.");
    expect(july).toContain("  note: Row 775: Tooele County Sheriff's Office has no readable signing date ('7/72025').");
    expect(july).toContain('  note: Against an empty record: 831 added, 0 ended, 0 changed (model or signed date), 0 with only a new MOA link or wording, 0 unchanged.');
    const january = reportOf(await en.importFile(JANUARY_CSV, shipped(JANUARY_CSV)));
    expect(january).toContain("  unmatched row 486: unknown state 'GUAM' — GUAM |");
    expect(january).toContain("  note: Row 299: Miami Dade Corrections and Rehabilitation (FL): listed as 'Miami-Dade Corrections and Rehabilitation', kept as the same agency.");
    expect(january).toContain("  note: Row 95: Texarkana Police Department (AR): no county 'Bowie County' in AR; kept without a county.");
    expect(january).toContain('  note: 35 agreement(s) from an earlier list are no longer listed and were retired.');
    expect(january).not.toContain('Fila ');
  });
});

describe('the rarer notes: a repeated row, unknown state and model, an unknown county, a "no agreement" the list contradicts', () => {
  let report: ListImportReport;
  beforeAll(async () => {
    const store = countiesOnly();
    const travis = store.offices.ensureSheriff(store.jurisdictions.byFips('48453')!);
    store.positions.record({
      officeId: travis.id, topic: '287g', slot: '', value: 'none', detail: null, effectiveDate: null, documentUrl: null,
      source: { title: 'kut.org', url: 'https://www.kut.org/x', date: '2025-01-01' }, dataset: null, by: 'test:mod', at: '2025-01-01T00:00:00Z',
    });
    const rows = [
      "TEXAS,Harris County Sheriff's Office,County,Harris County,Task Force Model,2025-02-01,link,https://www.ice.gov/a.pdf,,",
      "TEXAS,Harris County Sheriff's Office,County,Harris County,Task Force Model,2025-06-01,link,https://www.ice.gov/b.pdf,,",
      'PUERTO RICO,San Juan Police Department,Municipality,#N/A,Task Force Model,2025-06-01,link,https://www.ice.gov/c.pdf,,',
      "TEXAS,Bexar County Sheriff's Office,County,Bexar County,Border Model,2025-06-01,link,https://www.ice.gov/d.pdf,,",
      "TEXAS,Springfield County Sheriff's Office,County,Springfield County,Task Force Model,2025-06-01,link,https://www.ice.gov/e.pdf,,",
      "TEXAS,Travis County Sheriff's Office,County,Travis County,Jail Enforcement Model,,link,https://www.ice.gov/f.pdf,,",
      "TEXAS,Travis County Sheriff's Office,County,Travis County,Jail Enforcement Model,,link,https://www.ice.gov/g.pdf,,",
    ];
    const csv = `state,agency,type,county,support_type,signed,moa_cell,moa_url,addendum_cell,addendum_url\n${rows.join('\n')}\n`;
    report = await importIce287gList(store, { bytes: Buffer.from(csv), fileName: 'list_2025-07-01.csv', clock: testClock });
  });

  it('GIVEN Spanish THEN each note and reason is Spanish', () => {
    const text = formatListReport(report, 'es');
    expect(text).toContain("  fila sin ubicar 4: estado desconocido 'PUERTO RICO'");
    expect(text).toContain("  fila sin ubicar 5: tipo de apoyo desconocido 'Border Model'");
    expect(text).toContain("  fila sin ubicar 6: no se pudo ubicar la oficina del sheriff: no existe el condado 'Springfield County' en TX");
    expect(text).toContain(
      "  nota: Las filas 2 y 3 incluyen ambas a Harris County Sheriff's Office (TX) con el modelo de Grupo de Trabajo (Task Force); se conservó la fila 3 (firma del 2025-06-01) en lugar de la fila 2 (firma del 2025-02-01).",
    );
    expect(text).toContain('se conservó la fila 8 (sin fecha de firma) en lugar de la fila 7 (sin fecha de firma).');
    expect(text).toContain("  nota: Fila 7: Travis County Sheriff's Office no tiene una fecha de firma legible ('').");
    expect(text).toContain(
      "  nota: Travis County Sheriff's Office (TX) figuraba en el registro sin acuerdo; la lista de ICE muestra uno, así que esa entrada se dio por terminada.",
    );
    for (const english of ['both list', 'kept row', 'signed', 'undated', 'unknown support type', 'was recorded as having no agreement', ...ENGLISH]) {
      expect(text, english).not.toContain(english);
    }
  });

  it('GIVEN English THEN the same notes read as before', () => {
    const text = formatListReport(report, 'en');
    expect(text).toContain("  unmatched row 5: unknown support type 'Border Model'");
    expect(text).toContain("  unmatched row 6: sheriff's office not placed: no county 'Springfield County' in TX");
    expect(text).toContain(
      "  note: Rows 2 and 3 both list Harris County Sheriff's Office (TX) for task-force; kept row 3 (signed 2025-06-01) over row 2 (signed 2025-02-01).",
    );
    expect(text).toContain('kept row 8 (signed undated) over row 7 (signed undated).');
    expect(text).toContain("  note: Travis County Sheriff's Office (TX) was recorded as having no agreement; ICE's list shows one, so that entry was retired.");
  });
});

describe('a file that is not ICE’s list, in a Spanish chat', () => {
  const es = () => moderator(countiesOnly(), 'es');

  it('GIVEN a CSV with other columns THEN the detail under "No se pudo leer" is Spanish', async () => {
    const { reply, text } = await es().importFile('notas.csv', Buffer.from('name,phone\nA,1\n'), '2026-01-01');
    expect(reply.errorCode).toBe('bad_file');
    expect(text).toContain('No se pudo leer "notas.csv"');
    expect(text).toContain('Este CSV tiene las columnas name, phone; la lista de ICE necesita state, agency, type, county, support_type, signed, moa_url.');
    expect(text).not.toContain('This CSV has columns');
    expect(text).not.toContain("ICE's list needs");
  });

  it('GIVEN a broken XLSX, or a workbook without ICE’s headings THEN Spanish details', async () => {
    const broken = await es().importFile('lista_2026-01-01.xlsx', Buffer.from('PK\x03\x04 not a workbook'));
    expect(broken.text).toContain('Este archivo no es un libro XLSX legible (');
    expect(broken.text).not.toContain('This file is not a readable XLSX workbook');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hoja1').addRow(['Nombre', 'Teléfono']);
    const other = Buffer.from(await workbook.xlsx.writeBuffer());
    const headings = await es().importFile('contactos_2026-01-01.xlsx', other);
    expect(headings.text).toContain('Ninguna hoja de este libro tiene los encabezados de la lista de ICE (STATE, LAW ENFORCEMENT AGENCY,');
    expect(headings.text).not.toContain("No sheet in this workbook has ICE's headings");
  });

  it('GIVEN a list with no date in its name, or a date that is not a day THEN Spanish details', async () => {
    const undated = await es().importFile('lista.csv', fixture(JULY_CSV));
    expect(undated.text).toContain('¿De qué fecha es la lista "lista.csv"? Su nombre no incluye una fecha (como 2026-01-23); indique la fecha en que ICE la publicó.');
    expect(undated.text).not.toContain('Which date is the list');
    const unreal = await es().importFile('lista.csv', fixture(JULY_CSV), '2025-02-30');
    expect(unreal.text).toContain('El campo «fecha de la lista» 2025-02-30 no es una fecha real del calendario.');
    expect(unreal.text).not.toContain('list date');
  });

  it('GIVEN the same CSV in an English chat THEN the English detail', async () => {
    const { text } = await moderator(countiesOnly()).importFile('notes.csv', Buffer.from('name,phone\nA,1\n'), '2026-01-01');
    expect(text).toContain("This CSV has columns name, phone; ICE's list needs state, agency, type, county, support_type, signed, moa_url.");
  });
});

describe('reports stored in the imports table', () => {
  it('GIVEN an import stored before notes were messages THEN its plain English notes and reasons render as stored; a new one renders in the language', async () => {
    const store = countiesOnly();
    const oldNote = "Row 2: Travis County Sheriff's Office has no readable signing date ('7/72025').";
    const oldReason = "no county 'Nowhere' in TX";
    store.imports.record({
      dataset: 'ice-287g', version: '2025-07-18', fileName: 'old.csv', checksum: 'old', importedAt: '2025-07-20T00:00:00Z',
      rowsRead: 3, rowsMatched: 2, rowsUnmatched: 1,
      report: { unmatched: [{ row: 4, text: 'TX | Nowhere Police', reason: oldReason }], notes: [oldNote] },
    });
    const old = store.imports.report(store.imports.latest('ice-287g')!.id)!;
    expect(old.notes).toEqual([oldNote]);
    expect(old.notes.map((n) => noteText(n, 'es'))).toEqual([oldNote]);
    expect(noteText(old.unmatched[0]!.reason, 'es')).toBe(oldReason);

    const january = await importIce287gList(store, { bytes: shipped(JANUARY_CSV), fileName: JANUARY_CSV, clock: testClock });
    const stored = store.imports.report(store.imports.latest('ice-287g')!.id)!;
    // Stored as messages (key and parameters), read back and written in either language.
    expect(stored.unmatched.map((u) => noteText(u.reason, 'es'))).toEqual(["estado desconocido 'GUAM'"]);
    expect(stored.unmatched.map((u) => noteText(u.reason, 'en'))).toEqual(["unknown state 'GUAM'"]);
    expect(stored.notes.map((n) => noteText(n, 'en'))).toEqual(january.notes.map((n) => noteText(n, 'en')));
    expect(stored.notes.map((n) => noteText(n, 'es'))).toContain("Fila 95: Texarkana Police Department (AR): no existe el condado 'Bowie County' en AR; se conserva sin condado.");

    // A report mixing both renders each: the stored English as it was, the message in Spanish.
    const mixed = formatListReport({ ...january, notes: [oldNote, ...stored.notes], unmatched: [...old.unmatched, ...stored.unmatched] }, 'es');
    expect(mixed).toContain(`  nota: ${oldNote}`);
    expect(mixed).toContain(`  fila sin ubicar 4: ${oldReason} — TX | Nowhere Police`);
    expect(mixed).toContain("  fila sin ubicar 486: estado desconocido 'GUAM'");
  });
});

describe('placement reasons the real lists do not produce', () => {
  const store = countiesOnly();
  const row = (agency: string, county: string): IceRow => ({
    state: 'VIRGINIA', agency, type: 'County', county, support_type: 'Task Force Model', signed: '2025-06-01', moa_cell: '', moa_url: '', addendum_cell: '', addendum_url: '',
  });
  const reason = (r: Resolution) => {
    if (r.jurisdiction) throw new Error(`placed as ${r.jurisdiction.name}`);
    return { en: noteText(r.reason, 'en'), es: noteText(r.reason, 'es') };
  };

  it('GIVEN a name two jurisdictions share THEN "ambiguous" in both languages', () => {
    expect(reason(resolveJurisdiction(store, 'VA', 'Richmond'))).toEqual({
      en: "'Richmond' is ambiguous in VA: Richmond County, Richmond city",
      es: "'Richmond' es ambiguo en VA: Richmond County, Richmond city",
    });
  });

  it('GIVEN a sheriff row with no county and no place in its name THEN "no county in the row"', () => {
    expect(reason(resolveSheriff(store, 'VA', row("Sheriff's Office", '#N/A')))).toEqual({ en: 'no county in the row', es: 'la fila no indica ningún condado' });
  });

  it('GIVEN COUNTY and the agency name each naming no county THEN both reasons, joined', () => {
    expect(reason(resolveSheriff(store, 'VA', row("Zzyzx County Sheriff's Office", 'Qwerty County')))).toEqual({
      en: "no county 'Qwerty County' in VA; no county 'Zzyzx County' in VA",
      es: "no existe el condado 'Qwerty County' en VA; no existe el condado 'Zzyzx County' en VA",
    });
  });
});
