import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/importers/dataset.ts';
import { readSheriffFile, type SheriffRow } from '../../src/importers/sheriff-read.ts';
import { nameProblem } from '../../src/importers/sheriff-rows.ts';
import { SHERIFF_SOURCES } from '../../src/importers/sheriff-sources.ts';

/**
 * Words that appear in election-result tallies and never as a whole word in a person's name
 * (Blankenship, Castillo and Overton contain them only as parts of a word).
 */
const TALLY_WORD = /\b(TOTALS?|VOTES?|VOTED|CAST|WRITE[- ]?INS?|BLANKS?|SCATTERING|BALLOTS?|UNDERVOTES?|OVERVOTES?|REGISTERED)\b/i;

function rowsOf(file: string): SheriffRow[] {
  const source = SHERIFF_SOURCES.find((s) => s.file === file)!;
  return readSheriffFile(source, readFileSync(join(DATA_DIR, file), 'utf8')).rows;
}

describe('tally labels in the shipped sheriff files', () => {
  it.each(SHERIFF_SOURCES.map((s) => [s.file]))('GIVEN %s THEN every cell with a tally word is refused as a name', (file) => {
    const tallies = rowsOf(file).filter((row) => TALLY_WORD.test(row.name));
    for (const row of tallies) expect(nameProblem(row, row.state), `${file} row ${row.row}: ${row.name}`).toMatch(/vote-tally label/);
  });

  it('GIVEN the whole sweep THEN it finds the Utah "CONTEST TOTALS" row, so the sweep reads real cells', () => {
    const found = SHERIFF_SOURCES.flatMap((s) => rowsOf(s.file).filter((row) => TALLY_WORD.test(row.name)).map((row) => `${s.key}:${row.name}`));
    expect(found).toContain('sheriffs-ut:CONTEST TOTALS');
  });

  const row = (name: string): SheriffRow => ({
    row: 2,
    text: '',
    state: 'OR',
    place: 'Clackamas',
    name,
    party: null,
    phone: null,
    email: null,
    address: null,
    website: null,
    tookOffice: null,
    sourceKind: 'election_winner',
    sourceDate: '2024-11-05',
  });

  it.each([
    'CAST VOTES', 'CONTEST TOTAL', 'CONTEST TOTALS', 'WRITE-IN', 'Write-ins', 'WRITE IN', 'OVER VOTES', 'UNDER VOTES', 'Overvotes',
    'OVER/UNDER VOTES', 'UNDER/OVER VOTES', 'Total Votes', 'TOTAL VOTES CAST', 'BALLOTS CAST', 'Blank votes', 'SCATTERING',
    'Registered Voters', 'Times Blank Voted', 'Unresolved Write-In', 'Total Write-Ins',
  ])('GIVEN the tally label "%s" THEN it is refused as a name', (label) => {
    expect(nameProblem(row(label), 'OR')).toMatch(/vote-tally label/);
  });

  it.each(['Fred Blankenship', 'Castillo Rivera', 'Tom Overton', 'Angela Brandenburg'])('GIVEN the name "%s" THEN it is accepted', (name) => {
    expect(nameProblem(row(name), 'OR')).toBeUndefined();
  });
});
