/**
 * What one ICE 287(g) list changes against the record: agreements added, ended (present before,
 * absent now) and changed (model or signed date), plus those whose only difference is the MOA
 * link or ICE's wording. Built from what the import actually wrote, so the report and the
 * position history always agree.
 */
import { STATES } from '../domain/states.ts';
import { topicById, valueLabel } from '../domain/topics.ts';
import { t, type Language } from '../i18n/index.ts';
import type { OfficeKind } from '../domain/types.ts';

/** One agreement: an office and a model. */
export interface AgreementRef {
  officeId: number;
  office: string;
  state: string;
  jurisdictionFips: string | null;
  officeKind: OfficeKind;
  model: string;
  signed: string | null;
  documentUrl: string | null;
}

export interface AgreementChange {
  from: AgreementRef;
  to: AgreementRef;
  /** 'model': the office's agreement is now another model; 'signed': a new signing date. */
  what: 'model' | 'signed';
}

export interface Ice287gDiff {
  version: string;
  /** The list loaded before this one, if any. */
  previousVersion: string | null;
  added: AgreementRef[];
  ended: AgreementRef[];
  changed: AgreementChange[];
  /** Same model and date; only the MOA link or ICE's wording of the agency changed. */
  relinked: AgreementChange[];
  unchanged: number;
  /** Moderator entries of "no agreement" retired because the list shows one. */
  superseded: AgreementRef[];
}

export interface DiffCounts {
  added: number;
  ended: number;
  changed: number;
  relinked: number;
  unchanged: number;
}

export function diffCounts(diff: Ice287gDiff): DiffCounts {
  return {
    added: diff.added.length,
    ended: diff.ended.length,
    changed: diff.changed.length,
    relinked: diff.relinked.length,
    unchanged: diff.unchanged,
  };
}

const byPlace = (a: AgreementRef, b: AgreementRef) =>
  a.state.localeCompare(b.state) || a.office.localeCompare(b.office) || a.model.localeCompare(b.model);

/**
 * Pairs, per office, an ended model with an added one as one change of model ("Jail Enforcement →
 * Task Force"); what is left stays added or ended. Inputs are not modified.
 */
export function pairModelChanges(added: AgreementRef[], ended: AgreementRef[]): {
  added: AgreementRef[];
  ended: AgreementRef[];
  changed: AgreementChange[];
} {
  const addedByOffice = new Map<number, AgreementRef[]>();
  for (const a of [...added].sort(byPlace)) addedByOffice.set(a.officeId, [...(addedByOffice.get(a.officeId) ?? []), a]);
  const changed: AgreementChange[] = [];
  const stillEnded: AgreementRef[] = [];
  for (const e of [...ended].sort(byPlace)) {
    const candidates = addedByOffice.get(e.officeId);
    const to = candidates?.shift();
    if (to) changed.push({ from: e, to, what: 'model' });
    else stillEnded.push(e);
  }
  const paired = new Set(changed.map((c) => c.to));
  return { added: added.filter((a) => !paired.has(a)).sort(byPlace), ended: stillEnded, changed };
}

const topic = topicById('287g');

function place(a: AgreementRef): string {
  return `${a.office} (${a.state in STATES ? a.state : a.state})`;
}

/** A 287(g) model's name in the language. */
function model(value: string, language: Language): string {
  switch (value) {
    case 'jail-enforcement':
    case 'task-force':
    case 'warrant-service-officer':
      return language === 'en' ? valueLabel(topic, value) : t(language, `model.${value}`);
    default:
      return valueLabel(topic, value);
  }
}

function agreement(a: AgreementRef, language: Language): string {
  return `${model(a.model, language)}${a.signed ? t(language, 'diff.signed', { date: a.signed }) : ''}`;
}

/** One line per change, for the printed report and the chat reply. */
export function changeLines(diff: Ice287gDiff, language: Language = 'en'): { added: string[]; ended: string[]; changed: string[]; relinked: string[] } {
  const undated = t(language, 'diff.undated');
  return {
    added: diff.added.map((a) => `${place(a)}: ${agreement(a, language)}`),
    ended: diff.ended.map((a) => `${place(a)}: ${agreement(a, language)}${t(language, 'diff.no-longer')}`),
    changed: diff.changed.map((c) =>
      c.what === 'model'
        ? `${place(c.to)}: ${model(c.from.model, language)} → ${model(c.to.model, language)}${c.to.signed ? t(language, 'diff.signed', { date: c.to.signed }) : ''}`
        : `${place(c.to)}: ${model(c.to.model, language)}${t(language, 'diff.signed-change', { from: c.from.signed ?? undated, to: c.to.signed ?? undated })}`,
    ),
    relinked: diff.relinked.map((c) => `${place(c.to)}: ${model(c.to.model, language)} — ${c.to.documentUrl ?? t(language, 'diff.no-moa')}`),
  };
}

/** '37 added, 4 ended, 12 changed (model or signed date), 200 with a new MOA link or wording, 600 unchanged'. */
export function countsLine(diff: Ice287gDiff, language: Language = 'en'): string {
  const c = diffCounts(diff);
  return t(language, 'diff.counts', { added: c.added, ended: c.ended, changed: c.changed, relinked: c.relinked, unchanged: c.unchanged });
}
