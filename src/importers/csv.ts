import { parse } from 'csv-parse/sync';

/** Parses a CSV with a header row into records of trimmed strings. */
export function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}

/** An empty cell → null. */
export function cell(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
