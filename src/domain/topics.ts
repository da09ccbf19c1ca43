/**
 * The policy topics Sheriff Watch tracks. Values are what a moderator may record;
 * 'unknown' is always allowed and is what every topic shows until someone records it.
 */
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
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'partial', label: 'Partly / with conditions' },
];

export const TOPICS: readonly Topic[] = [
  {
    id: '287g',
    label: '287(g) agreement',
    description: 'A 287(g) agreement with ICE deputizes local officers to do federal immigration enforcement.',
    question: 'Has your office signed, or applied for, a 287(g) agreement with ICE?',
    multi: true,
    values: [
      { value: 'jail-enforcement', label: 'Jail Enforcement Model' },
      { value: 'task-force', label: 'Task Force Model' },
      { value: 'warrant-service-officer', label: 'Warrant Service Officer' },
      { value: 'none', label: 'No agreement' },
    ],
    aliases: ['287(g)', '287-g', 'g287'],
  },
  {
    id: 'detainers',
    label: 'Holds people on ICE detainers without a judicial warrant',
    description: 'Whether the jail keeps people past their release on an ICE detainer that no judge signed.',
    question: 'Does your office hold people on ICE detainers without a judicial warrant?',
    multi: false,
    values: YES_NO,
    aliases: ['detainer', 'holds'],
  },
  {
    id: 'ice-as-police',
    label: 'Lets ICE agents identify as police',
    description: 'Whether ICE agents working with the office may call themselves "police".',
    question: 'Does your office let ICE agents identify themselves as police?',
    multi: false,
    values: YES_NO,
    aliases: ['police', 'ice-police'],
  },
  {
    id: 'jail-access',
    label: 'Gives ICE access to the jail',
    description: 'Whether ICE may enter the jail or interview people held there.',
    question: 'Does your office let ICE into the jail or interview people held there?',
    multi: false,
    values: YES_NO,
    aliases: ['jail', 'access', 'interviews'],
  },
  {
    id: 'release-notification',
    label: 'Tells ICE release dates',
    description: 'Whether the office tells ICE when someone will be released.',
    question: 'Does your office tell ICE when people will be released?',
    multi: false,
    values: YES_NO,
    aliases: ['release', 'release-dates', 'notification'],
  },
  {
    id: 'info-sharing',
    label: 'Shares information with ICE',
    description: 'Whether the office shares personal information (address, status, records) with ICE beyond what law requires.',
    question: 'What information about people in your custody does your office share with ICE?',
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

export function valueLabel(topic: Topic, value: string): string {
  if (value === 'unknown') return 'Unknown';
  return topic.values.find((v) => v.value === value)?.label ?? value;
}

/** ICE's 'SUPPORT TYPE' cell → our 287(g) value. */
export function modelFromIceSupportType(cell: string): string | undefined {
  const s = cell.toLowerCase();
  if (s.includes('jail')) return 'jail-enforcement';
  if (s.includes('task')) return 'task-force';
  if (s.includes('warrant')) return 'warrant-service-officer';
  return undefined;
}
