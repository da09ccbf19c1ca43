/** Reads data/sheriff_term_starts.csv once (a small table of state law, with sources). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TermStartRule } from '../domain/term-starts.ts';
import { cell, readCsv } from './csv.ts';
import { DATA_DIR } from './dataset.ts';

const DAY_RULES = new Set<TermStartRule['dayRule']>(['day-1', 'first-monday', 'first-monday-after-second-tuesday']);

export function parseTermStarts(text: string): TermStartRule[] {
  return readCsv(text).map((record, index) => {
    const dayRule = cell(record.day_rule) as TermStartRule['dayRule'];
    const month = Number(cell(record.month));
    if (!DAY_RULES.has(dayRule) || !(month >= 1 && month <= 12)) throw new Error(`sheriff_term_starts.csv line ${index + 2}: unknown day rule or month`);
    return {
      state: cell(record.state) ?? '',
      fips: cell(record.fips),
      month,
      dayRule,
      words: cell(record.words) ?? '',
      sourceTitle: cell(record.source_title) ?? '',
      sourceUrl: cell(record.source_url) ?? '',
    };
  });
}

let table: TermStartRule[] | undefined;

/** Every term-start rule shipped. */
export function termStartRules(): readonly TermStartRule[] {
  table ??= parseTermStarts(readFileSync(join(DATA_DIR, 'sheriff_term_starts.csv'), 'utf8'));
  return table;
}
