// A list that would retire most of the record is not applied without a moderator's force: a
// wrong file (another sheet, a truncated export, a forgery) would otherwise end every agreement
// on record at once. What it would have done is reported instead.
import { t, type Language } from '../i18n/index.ts';
import { note, noteText, type NoteMessage } from './dataset.ts';
import type { Ice287gResult } from './ice-287g.ts';

/** A list must keep at least this share of the agreements on record… */
export const KEEP_AT_LEAST = 0.8;
/** …when the record holds at least this many (a first import onto an empty record is not judged). */
export const JUDGED_FROM = 20;

export type GuardReason = 'retires_most' | 'unplaced_most';

/** Why applying this result should wait for force, or null when it may be applied. */
export function destructiveReason(result: Pick<Ice287gResult, 'diff' | 'agreementsBefore' | 'rowsRead' | 'unmatched'>): GuardReason | null {
  const current = result.agreementsBefore;
  const kept = current - result.diff.ended.length;
  if (current >= JUDGED_FROM && kept < current * KEEP_AT_LEAST) return 'retires_most';
  if (result.rowsRead >= JUDGED_FROM && result.unmatched.length * 2 > result.rowsRead) return 'unplaced_most';
  return null;
}

export interface GuardCounts {
  agreementsBefore: number;
  ended: number;
  rowsRead: number;
  unplaced: number;
}

/** What the list would do, as a message (stored with a list check, shown in the reader's language). */
export function guardNote(reason: GuardReason, result: GuardCounts): NoteMessage {
  const kept = result.agreementsBefore - result.ended;
  return reason === 'retires_most'
    ? note('limits.import.retires-most', {
        ended: result.ended,
        current: result.agreementsBefore,
        kept,
        percent: result.agreementsBefore ? Math.round((kept / result.agreementsBefore) * 100) : 0,
      })
    : note('limits.import.unplaced-most', { unplaced: result.unplaced, rows: result.rowsRead });
}

/** The refusal in the language: what it would do, and how to apply it anyway. */
export function guardLines(reason: GuardReason, result: GuardCounts, language: Language): string[] {
  return [noteText(guardNote(reason, result), language), t(language, 'limits.import.retires-most.how')];
}
