/**
 * How a change is named: position history rows are '#57' (the number history and the
 * confirmation already show), change-log rows '#c12'. Stored without the '#': 'p57', 'c12'.
 */
export type ChangeRef = { table: 'position_history' | 'change_log'; id: number };

/** '#57', '57', 'p57' → a position row; '#c12', 'c12' → a change-log row; undefined otherwise. */
export function parseRef(input: string): ChangeRef | undefined {
  const match = /^#?\s*([pc]?)(\d{1,12})$/i.exec(input.trim());
  if (!match) return undefined;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return { table: match[1]!.toLowerCase() === 'c' ? 'change_log' : 'position_history', id };
}

/** 'p57' → '#57', 'c12' → '#c12': what history shows and revert takes. */
export function refText(key: string): string {
  return key.startsWith('p') ? `#${key.slice(1)}` : `#${key}`;
}
