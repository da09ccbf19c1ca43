// What a roster waiting for review keeps about itself (pending kind 'ice_import', payload.list
// 'roster'): enough to describe it again in any language and to know what it is based on.
import { t, type Language } from '../i18n/index.ts';
import type { PendingChange } from '../store/pending-changes.ts';

export interface RosterPayload {
  list: 'roster';
  /** The roster's dataset key ('roster-tx'): its newest import is the version the proposal is based on. */
  dataset: string;
  fileName: string;
  version: string;
  counts: { added: number; changed: number; contact: number; unplaced: number };
}

export function isRosterProposal(pending: Pick<PendingChange, 'kind' | 'payload'>): pending is Pick<PendingChange, 'kind'> & { payload: RosterPayload } {
  return pending.kind === 'ice_import' && (pending.payload as Partial<RosterPayload>).list === 'roster';
}

/** 'Sheriff roster lista.csv (as of 2026-11-01): 2 new, 1 changed, …' in the language. */
export function rosterSummary(payload: RosterPayload, language: Language): string {
  return t(language, 'roster.summary', { file: payload.fileName, version: payload.version, ...payload.counts });
}

