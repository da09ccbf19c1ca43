import type { PositionHistoryEntry } from '../store/position-history.ts';
import type { Store } from '../store/index.ts';
import type { LocatedChange } from './alerts.ts';

/** History rows with their office's name, state and county. */
export function locate(store: Store, rows: readonly PositionHistoryEntry[]): LocatedChange[] {
  const offices = new Map<number, ReturnType<Store['offices']['byId']>>();
  return rows.map((row) => {
    if (!offices.has(row.officeId)) offices.set(row.officeId, store.offices.byId(row.officeId));
    const office = offices.get(row.officeId);
    return { ...row, state: office?.state ?? '', fips: office?.jurisdictionFips ?? null, officeName: office?.name ?? `office #${row.officeId}` };
  });
}
