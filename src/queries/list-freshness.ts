/**
 * How old the loaded ICE 287(g) list is, and how recently the bot confirmed it is still ICE's
 * newest. ICE publishes a new list most weeks, so every answer that relies on it says both.
 */
import type { Clock } from '../clock.ts';
import { ICE_287G_KEY } from '../importers/ice-287g.ts';
import type { ListCheck } from '../store/list-checks.ts';
import type { Store } from '../store/index.ts';

/** A list older than this is worth a warning… */
export const STALE_AFTER_DAYS = 30;
/** …unless a check this recent found it still ICE's newest (the watcher checks daily by default). */
export const CONFIRMED_WITHIN_DAYS = 7;

export interface ListFreshness {
  /** The list's own date, 'YYYY-MM-DD'. */
  version: string;
  /** Whole days from the list's date to today (UTC). */
  ageDays: number;
  /** The newest check that found ICE's file to be the loaded one (or loaded it). */
  confirmed: ListCheck | undefined;
  /** The newest check, whatever came of it. */
  lastCheck: ListCheck | undefined;
  /** Older than STALE_AFTER_DAYS and not confirmed within CONFIRMED_WITHIN_DAYS. */
  stale: boolean;
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO date (or timestamp) to another. */
export function daysBetween(from: string, to: Date): number {
  return Math.floor((Date.parse(`${to.toISOString().slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}

/** The loaded ICE list's age and confirmation, or undefined when no list is loaded. */
export function iceListFreshness(store: Store, clock: Clock): ListFreshness | undefined {
  const loaded = store.imports.latest(ICE_287G_KEY);
  if (!loaded) return undefined;
  const now = clock.now();
  const found = store.listChecks.latestConfirmed(ICE_287G_KEY);
  // A check confirms the loaded list only if it found this list (a later manual import of an older file does not count).
  const confirmed = found && found.version === loaded.version ? found : undefined;
  const ageDays = daysBetween(loaded.version, now);
  const recent = confirmed !== undefined && daysBetween(confirmed.checkedAt, now) <= CONFIRMED_WITHIN_DAYS;
  return {
    version: loaded.version,
    ageDays,
    confirmed,
    lastCheck: store.listChecks.latest(ICE_287G_KEY),
    stale: ageDays > STALE_AFTER_DAYS && !recent,
  };
}
