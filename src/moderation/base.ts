/**
 * What the write path builds on: a moderator's change as data (what it is, who made it), the
 * record it reads (a county, its live positions, its holder records) and the "nothing to change"
 * refusal, with the topic labels those words need.
 */
import { topicById, valueLabel } from '../domain/topics.ts';
import type { Jurisdiction, OfficeHolder, Position } from '../domain/types.ts';
import type { HolderField } from '../domain/validation.ts';
import { msg, t, type Language } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import type { Community } from '../domain/community.ts';
import { UserError } from '../user-error.ts';

export type Change =
  | { kind: 'position_set'; fips: string; topic: string; value: string; sourceUrl: string; asOf: string; note: string | null }
  | { kind: 'position_retire'; fips: string; topic: string; slot: string; sourceUrl: string | null; asOf: string; reason: string }
  | { kind: 'holder_set'; fips: string; field: HolderField; value: string | null; sourceUrl: string; asOf: string }
  | { kind: 'holder_retire'; fips: string; holderId: number; sourceUrl: string | null; asOf: string; reason: string };

export interface Author {
  id: string;
  name: string;
  /** The server or workspace the author wrote from; kept with the history row. */
  community?: Community | null;
}

/** The title a moderator-cited source is shown with: its site, e.g. 'kut.org'. */
export function moderatorSourceTitle(url: string): string {
  return new URL(url).hostname.replace(/^www\./i, '');
}

export function jurisdictionOf(store: Store, fips: string): Jurisdiction {
  const j = store.jurisdictions.byFips(fips);
  if (!j) throw new UserError('place_not_found', 'moderation.no-fips', { fips }, [msg('moderation.no-fips.help')]);
  return j;
}

/** Live positions of a county's sheriff on one topic. */
export function livePositions(store: Store, fips: string, topic: string): Position[] {
  const office = store.offices.sheriffOf(fips);
  return office ? store.positions.live(office.id).filter((p) => p.topic === topic) : [];
}

/** The holder records shown for a county's sheriff, best first. */
export function holderRecords(store: Store, fips: string): OfficeHolder[] {
  const office = store.offices.sheriffOf(fips);
  return office ? store.holders.records(office.id) : [];
}

const PERSON_FIELDS = { party: 'party', selection: 'selection', 'took-office': 'tookOffice', 'term-end': 'termEnd' } as const;
const CONTACT_FIELDS = { phone: 'phone', email: 'email', address: 'address', website: 'website' } as const;

/** What the sheriff card shows for a field: the best record's, or for contacts the first record that has one. */
export function shownValue(records: OfficeHolder[], field: HolderField): { value: string | null; record: OfficeHolder | undefined } {
  if (field in CONTACT_FIELDS) {
    const key = CONTACT_FIELDS[field as keyof typeof CONTACT_FIELDS];
    const record = records.find((r) => r[key]);
    return { value: record?.[key] ?? null, record };
  }
  const best = records[0];
  if (field === 'name') return { value: best?.name ?? null, record: best };
  const value = best?.[PERSON_FIELDS[field as keyof typeof PERSON_FIELDS]] ?? null;
  return { value: field === 'selection' && value === 'unknown' ? null : value, record: best };
}

/** The change would change nothing: the record already says so. */
export class UnchangedError extends Error {
  override name = 'UnchangedError';
  constructor(
    readonly key: 'unchanged.position' | 'unchanged.holder',
    /** Raw values: a topic value code, or '' for an empty holder field; words in each language come from `unchangedText`. */
    readonly params: Record<string, string>,
  ) {
    super(unchangedText(key, params, 'en'));
  }

  text(language: Language): string {
    return unchangedText(this.key, this.params, language);
  }
}

function unchangedText(key: 'unchanged.position' | 'unchanged.holder', params: Record<string, string>, language: Language): string {
  if (key === 'unchanged.position') return t(language, key, { ...params, value: shownLabel(params.topic!, params.value!, language) });
  return t(language, key, { ...params, value: params.value || t(language, 'unchanged.empty') });
}

/** 'Travis County, TX'. */
export function placeOf(store: Store, fips: string): string {
  const j = jurisdictionOf(store, fips);
  return `${j.name}, ${j.state}`;
}

/** A topic value's label in the language ('No', 'Task Force Model'); English labels for English. */
export function shownLabel(topicId: string, value: string, language: Language): string {
  const topic = topicById(topicId);
  if (language === 'en') return valueLabel(topic, value);
  return labelIn(topicId, value, language);
}

function labelIn(topicId: string, value: string, language: Language): string {
  if (topicId === '287g') {
    switch (value) {
      case 'jail-enforcement':
      case 'task-force':
      case 'warrant-service-officer':
        return t(language, `model.${value}`);
      case 'none':
        return t(language, 'alert.value.none');
    }
  }
  switch (value) {
    case 'yes':
    case 'no':
    case 'partial':
    case 'unknown':
      return t(language, `alert.value.${value}`);
  }
  return valueLabel(topicById(topicId), value);
}
