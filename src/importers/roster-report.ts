/** The text report of a roster import (printed by the CLI, attached in chat), in the reader's language. */
import { t, type Language } from '../i18n/index.ts';
import { noteText } from './dataset.ts';
import type { RosterImportReport, RosterLine } from './roster.ts';

export function rosterSkippedLine(report: RosterImportReport, language: Language): string | undefined {
  if (!report.skipped) return undefined;
  return report.skipReason === 'older_version'
    ? t(language, 'roster.skipped.older', { previous: report.previousVersion ?? '' })
    : t(language, 'roster.skipped.same', { file: report.fileName });
}

/** Each kind of change as lines, for the report and the chat reply. */
export function rosterLines(report: RosterImportReport, language: Language): Record<'added' | 'changed' | 'contact' | 'kept' | 'unmatched', string[]> {
  const r = report.result!;
  const lines = (kind: 'added' | 'changed' | 'contact' | 'kept', items: RosterLine[]) =>
    items.map((l) => t(language, `roster.line.${kind}`, { place: l.place, name: l.name, from: l.from ?? '', asOf: l.asOf, keptDate: l.keptDate ?? '' }));
  return {
    added: lines('added', r.added),
    changed: lines('changed', r.changed),
    contact: lines('contact', r.contact),
    kept: lines('kept', r.kept),
    unmatched: r.unmatched.map((u) => t(language, 'roster.line.unmatched', { row: u.row, reason: noteText(u.reason, language), text: u.text })),
  };
}

export function rosterTitle(report: RosterImportReport, language: Language): string {
  const r = report.result!;
  return t(language, 'roster.title', { added: r.added.length, changed: r.changed.length, contact: r.contact.length, unchanged: r.unchanged });
}

export function formatRosterReport(report: RosterImportReport, language: Language = 'en'): string {
  const skipped = rosterSkippedLine(report, language);
  if (skipped || !report.result) return skipped ?? '';
  const r = report.result;
  const lines = rosterLines(report, language);
  const section = (key: 'added' | 'changed' | 'contact' | 'kept' | 'unmatched') =>
    lines[key].length ? ['', `${t(language, `roster.heading.${key}`)} (${lines[key].length}):`, ...lines[key].map((l) => `  ${l}`)] : [];
  return [
    t(language, 'roster.header', { file: report.fileName, version: report.version, rows: r.rowsRead, placed: r.rowsMatched, unplaced: r.unmatched.length }),
    rosterTitle(report, language),
    ...section('added'),
    ...section('changed'),
    ...section('contact'),
    ...section('kept'),
    ...section('unmatched'),
    '',
    t(language, 'roster.omitted'),
    ...r.notes.map((n) => t(language, 'roster.note', { note: noteText(n, language) })),
  ].join('\n');
}
