import { TOPICS } from '../domain/topics.ts';
import type { OptionChoice, OptionDef } from './types.ts';

/** The topics as the choices of a 'topic' option; every command taking a topic uses these. */
export const TOPIC_CHOICES: OptionChoice[] = TOPICS.map((t) => ({ value: t.id, label: t.label, aliases: t.aliases }));

/** The required 'topic' option of the moderator commands that write one topic. */
export const TOPIC_OPTION: OptionDef = { name: 'topic', description: 'The topic', type: 'choice', required: true, choices: TOPIC_CHOICES };
