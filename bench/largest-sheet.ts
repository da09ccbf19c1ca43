/**
 * The largest ICE-like workbook the size limits admit (rows and unpacked size), written to the
 * path given. Run as its own process by bench/limits.ts, so exceljs's memory for making it is
 * not counted in the import's peak RSS: `node --import tsx bench/largest-sheet.ts OUT.xlsx`.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { MAX_ROWS, MAX_UNPACKED_BYTES } from '../src/importers/sheet-limits.ts';
import { readZipDirectory } from '../src/importers/zip-directory.ts';

/** A workbook with ICE's headings and MAX_ROWS - 10 rows, agency names padded by `pad` characters. */
async function workbook(pad: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(['STATE', 'LAW ENFORCEMENT AGENCY', 'TYPE', 'COUNTY', 'SUPPORT TYPE', 'SIGNED', 'MOA', 'ADDENDUM']);
  for (let i = 0; i < MAX_ROWS - 10; i++) {
    sheet.addRow(['TEXAS', `Agency ${i} ${'x'.repeat(pad)}`, 'County', 'Travis County', 'Task Force Model', new Date(Date.UTC(2025, 0, 1 + (i % 300))), { text: 'link', hyperlink: `https://www.ice.gov/doclib/287gMOA/${i}.pdf` }, '']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

// The widest agency names that still fit MAX_UNPACKED_BYTES.
for (const pad of [320, 160, 80, 40, 20, 0]) {
  const candidate = await workbook(pad);
  if (readZipDirectory(candidate).reduce((n, e) => n + e.unpacked, 0) <= MAX_UNPACKED_BYTES) {
    writeFileSync(process.argv[2]!, candidate);
    break;
  }
}
