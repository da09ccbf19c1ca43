import { rubricRow } from '../domain/rubric.ts';
import { TOPICS } from '../domain/topics.ts';
import type { Position, Source } from '../domain/types.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
import type { Store } from '../store/index.ts';
import type { SheriffRecord } from './sheriff-record.ts';

const ICE_DATASET = 'ice-287g';
const ICE_SOURCE_TITLE = "ICE's 287(g) participating-agencies list";
const ICE_URL = 'https://www.ice.gov/identify-and-arrest/287g';

/** What the record says on one topic, as a short verdict in the reader's language. */
export interface TopicVerdict {
  topic: string;
  label: string;
  known: boolean;
  verdict: string;
  /** The ask that follows from a known verdict. */
  ask?: string;
  /** The question to ask instead, when the record is unknown. */
  question?: string;
  source?: Source;
}

function known(topic: string, value: string, language: Language, source: Source, params: Record<string, string> = {}): TopicVerdict {
  const row = rubricRow(topic, value);
  const label = t(language, `topic.${topic}.label` as MessageKey);
  if (!row) return unknown(topic, language);
  return { topic, label, known: true, verdict: t(language, row.verdict, { date: source.date, ...params }), ask: t(language, row.ask), source };
}

function unknown(topic: string, language: Language): TopicVerdict {
  return {
    topic,
    label: t(language, `topic.${topic}.label` as MessageKey),
    known: false,
    verdict: t(language, 'rubric.unknown.verdict'),
    question: t(language, `topic.${topic}.question` as MessageKey),
  };
}

function agreementVerdicts(store: Store, positions: Position[], language: Language): TopicVerdict[] {
  const agreements = positions.filter((p) => p.topic === '287g' && p.value !== 'none');
  if (agreements.length === 1) {
    const [p] = agreements as [Position];
    return [known('287g', p.value, language, p.source, { model: t(language, `model.${p.value}` as MessageKey), date: p.effectiveDate ?? p.source.date })];
  }
  if (agreements.length > 1) {
    // Several models: one verdict naming each, so a script says it once.
    const models = agreements
      .map((p) => t(language, 'rubric.287g.model-signed', { model: t(language, `model.${p.value}` as MessageKey), date: p.effectiveDate ?? p.source.date }))
      .join(', ');
    const verdict = known('287g', agreements[0]!.value, language, agreements[0]!.source);
    return [{ ...verdict, verdict: t(language, 'rubric.287g.agreements.verdict', { models }) }];
  }
  const none = positions.find((p) => p.topic === '287g' && p.value === 'none');
  if (none) return [known('287g', 'none', language, none.source)];
  const ice = store.imports.latest(ICE_DATASET);
  if (ice) return [known('287g', 'not-listed', language, { title: ICE_SOURCE_TITLE, url: ICE_URL, date: ice.version })];
  return [unknown('287g', language)];
}

/** One verdict per topic (one per agreement for 287(g)), in the rubric's order of topics. */
export function topicVerdicts(store: Store, record: SheriffRecord, language: Language): TopicVerdict[] {
  return TOPICS.flatMap((topic) => {
    if (topic.id === '287g') return agreementVerdicts(store, record.positions, language);
    const position = record.positions.find((p) => p.topic === topic.id && p.value !== 'unknown');
    return [position ? known(topic.id, position.value, language, position.source) : unknown(topic.id, language)];
  });
}
