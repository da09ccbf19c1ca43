import { en } from '../i18n/en.ts';
import { t, type Language, type MessageKey } from '../i18n/index.ts';
/**
 * The policy topics Sheriff Watch tracks. Values are what a moderator may record;
 * 'unknown' is always allowed and is what every topic shows until someone records it.
 */
/** Labels and descriptions come from the English catalog; show them with topicLabel / valueLabel in the reader's language. */
export interface TopicValue {
  value: string;
  label: string;
}

export interface Topic {
  id: string;
  label: string;
  /** What the topic means, for help text. */
  description: string;
  /** The question to ask the sheriff's office when the record is unknown. */
  question: string;
  /** Several values may be live at once (one 287(g) agreement per model). */
  multi: boolean;
  values: TopicValue[];
  aliases: string[];
}

const YES_NO: TopicValue[] = [
  { value: 'yes', label: en['value.yes'] },
  { value: 'no', label: en['value.no'] },
  { value: 'partial', label: en['value.partial'] },
];

export const TOPICS: readonly Topic[] = [
  {
    id: '287g',
    label: en['topic.287g.name'],
    description: en['topic.287g.description'],
    question: en['topic.287g.question'],
    multi: true,
    values: [
      { value: 'jail-enforcement', label: en['model.jail-enforcement'] },
      { value: 'task-force', label: en['model.task-force'] },
      { value: 'warrant-service-officer', label: en['model.warrant-service-officer'] },
      { value: 'none', label: en['value.none'] },
    ],
    aliases: ['287(g)', '287-g', 'g287'],
  },
  {
    id: 'detainers',
    label: en['topic.detainers.name'],
    description: en['topic.detainers.description'],
    question: en['topic.detainers.question'],
    multi: false,
    values: YES_NO,
    aliases: ['detainer', 'holds'],
  },
  {
    id: 'ice-as-police',
    label: en['topic.ice-as-police.name'],
    description: en['topic.ice-as-police.description'],
    question: en['topic.ice-as-police.question'],
    multi: false,
    values: YES_NO,
    aliases: ['police', 'ice-police'],
  },
  {
    id: 'jail-access',
    label: en['topic.jail-access.name'],
    description: en['topic.jail-access.description'],
    question: en['topic.jail-access.question'],
    multi: false,
    values: YES_NO,
    aliases: ['jail', 'access', 'interviews'],
  },
  {
    id: 'release-notification',
    label: en['topic.release-notification.name'],
    description: en['topic.release-notification.description'],
    question: en['topic.release-notification.question'],
    multi: false,
    values: YES_NO,
    aliases: ['release', 'release-dates', 'notification'],
  },
  {
    id: 'info-sharing',
    label: en['topic.info-sharing.name'],
    description: en['topic.info-sharing.description'],
    question: en['topic.info-sharing.question'],
    multi: false,
    values: YES_NO,
    aliases: ['information', 'sharing', 'data'],
  },
];

const BY_WORD = new Map<string, Topic>(
  TOPICS.flatMap((topic) => [topic.id, ...topic.aliases].map((word) => [word.toLowerCase(), topic] as const)),
);

export function findTopic(word: string): Topic | undefined {
  return BY_WORD.get(word.toLowerCase().trim());
}

export function topicById(id: string): Topic {
  const topic = TOPICS.find((t) => t.id === id);
  if (!topic) throw new Error(`Unknown topic id ${id}`);
  return topic;
}

/** A recorded value as users read it, in the language (English by default). */
export function valueLabel(topic: Topic, value: string, language: Language = 'en'): string {
  const key = `value.${value}`;
  if (topic.id === '287g' && value !== 'none' && value !== 'unknown') {
    const model = `model.${value}`;
    return Object.hasOwn(en, model) ? t(language, model as MessageKey) : value;
  }
  return Object.hasOwn(en, key) ? t(language, key as MessageKey) : value;
}

/** The topic's name as users read it, e.g. '287(g) agreement'. */
export function topicLabel(language: Language, topic: Topic): string {
  return t(language, `topic.${topic.id}.name` as MessageKey);
}

/** What the topic means. */
export function topicDescription(language: Language, topic: Topic): string {
  return t(language, `topic.${topic.id}.description` as MessageKey);
}

/** The question to ask the sheriff's office when the record is unknown. */
export function topicQuestion(language: Language, topic: Topic): string {
  return t(language, `topic.${topic.id}.question` as MessageKey);
}

/** ICE's 'SUPPORT TYPE' cell → our 287(g) value. */
export function modelFromIceSupportType(cell: string): string | undefined {
  const s = cell.toLowerCase();
  if (s.includes('jail')) return 'jail-enforcement';
  if (s.includes('task')) return 'task-force';
  if (s.includes('warrant')) return 'warrant-service-officer';
  return undefined;
}
