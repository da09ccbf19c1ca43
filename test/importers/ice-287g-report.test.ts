import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countiesDataset } from '../../src/importers/counties.ts';
import { runImport } from '../../src/importers/dataset.ts';
import type { AgreementRef } from '../../src/importers/ice-287g-diff.ts';
import type { ListImportReport } from '../../src/importers/ice-287g-import.ts';
import { formatListReport } from '../../src/importers/ice-287g-report.ts';
import type { Store } from '../../src/store/index.ts';
import { conversation } from '../helpers/conversation.ts';
import { emptyStore, testClock } from '../helpers/store.ts';

const ref = (office: string, model: string, signed: string | null): AgreementRef => ({
  officeId: office.length,
  office,
  state: 'TX',
  jurisdictionFips: null,
  officeKind: 'sheriff',
  model,
  signed,
  documentUrl: null,
});

/** A small report: one of each kind of change, a note and an unplaced row. */
const report: ListImportReport = {
  dataset: 'ice-287g',
  title: 'ICE 287(g) participating agencies',
  version: '2026-01-23',
  fileName: 'ice_287g_participating_2026-01-23.xlsx',
  skipped: false,
  rowsRead: 3,
  rowsMatched: 2,
  unmatched: [{ row: 4, reason: "no county 'Nowhere' in TX", text: 'TX | Nowhere Police' }],
  notes: ['Row 2: MOA link read as https://www.ice.gov/moa.pdf.'],
  format: 'xlsx',
  dateFrom: 'file name',
  diff: {
    version: '2026-01-23',
    previousVersion: '2025-07-18',
    added: [ref("Lubbock County Sheriff's Office", 'task-force', '2025-09-22')],
    ended: [ref("Smith County Sheriff's Office", 'warrant-service-officer', null)],
    changed: [{ from: ref("Harris County Sheriff's Office", 'jail-enforcement', '2025-02-01'), to: ref("Harris County Sheriff's Office", 'task-force', '2025-03-01'), what: 'model' }],
    relinked: [],
    unchanged: 5,
    superseded: [],
  },
};

describe('the 287(g) import report file', () => {
  it('GIVEN English THEN the report reads as before', () => {
    const text = formatListReport(report, 'en');
    expect(text.split('\n')[0]).toBe(
      'ICE 287(g) list of 2026-01-23 (date from the file name; XLSX, ice_287g_participating_2026-01-23.xlsx) against the list of 2025-07-18:',
    );
    expect(text).toContain('Ended (no longer listed) (1):');
    expect(text).toContain('3 rows read, 2 matched, 1 unmatched.');
    expect(text).toContain("  unmatched row 4: no county 'Nowhere' in TX — TX | Nowhere Police");
    expect(formatListReport(report)).toBe(text);
  });

  it('GIVEN Spanish THEN every line the report writes itself is Spanish', () => {
    const text = formatListReport(report, 'es');
    expect(text.split('\n')[0]).toBe(
      'Lista 287(g) de ICE del 2026-01-23 (fecha tomada del nombre del archivo; XLSX, ice_287g_participating_2026-01-23.xlsx) comparada con la lista del 2025-07-18:',
    );
    expect(text).toContain('1 agregados, 1 terminados, 1 cambiados (modelo o fecha de firma)');
    expect(text).toContain('Agregados (1):');
    expect(text).toContain('Terminados (ya no aparecen en la lista) (1):');
    expect(text).toContain('Cambiados (1):');
    expect(text).toContain('— ya no aparece en la lista');
    expect(text).toContain(', firmado el 2025-09-22');
    expect(text).toContain('3 filas leídas, 2 ubicadas, 1 sin ubicar.');
    expect(text).toContain('  nota: Row 2:');
    expect(text).toContain('  fila sin ubicar 4:');
    for (const english of ['ICE 287(g) list of', 'date from the', 'against', 'Added', 'Ended', 'Changed', 'rows read', 'matched,', 'unmatched row', 'note:', 'no longer listed', 'signed']) {
      expect(text, english).not.toContain(english);
    }
  });
});

describe('import-287g in a Spanish chat', () => {
  let store: Store;
  beforeAll(() => {
    store = emptyStore();
    runImport(store, countiesDataset, { clock: testClock });
  });
  const moderator = (review: boolean) => {
    const chat = conversation({ store, moderator: true, locale: 'es-419' });
    chat.ctx.requireReview = review;
    chat.ctx.attachments = {
      file: { filename: 'ice_287g_participating_2025-07-18.csv', data: readFileSync(new URL('../fixtures/ice_287g_participating_2025-07-18.csv', import.meta.url)) },
    };
    return chat;
  };

  it('GIVEN a Spanish reader under review THEN the proposal, its summary in pending, and the attached report are Spanish', async () => {
    const queued = await moderator(true).ask('import 287g ice_287g_participating_2025-07-18.csv');
    expect(queued.reply.title).toContain('En espera de revisión: cambio #');
    expect(queued.text).toContain('fecha tomada del nombre del archivo');
    expect(queued.text).not.toContain('file name');
    const report = queued.reply.attachments![0]!.content;
    expect(report).toMatch(/^Lista 287\(g\) de ICE del 2025-07-18 \(fecha tomada del nombre del archivo; CSV,/);
    expect(report).toContain('comparada con un registro vacío:');
    expect(report).not.toContain('an empty record');
    const pending = await moderator(true).ask('pending');
    expect(pending.text).toMatch(/Lista 287\(g\) de ICE del 2025-07-18 \(ice_287g_participating_2025-07-18\.csv\): \d+ agregados/);
    expect(pending.text).not.toContain('ICE 287(g) list of');
    const english = await conversation({ store, moderator: true }).ask('pending');
    expect(english.text).toMatch(/ICE 287\(g\) list of 2025-07-18 \(ice_287g_participating_2025-07-18\.csv\): \d+ added/);
  });
});
